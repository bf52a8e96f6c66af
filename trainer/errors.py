"""Errors the command line turns into a clear message and an exit code instead of a traceback."""

import json
from pathlib import Path


class DataError(Exception):
    """Bad training input: names the file or source and the cause."""


class ResumeError(Exception):
    """A resume that cannot continue the run exactly (no checkpoint, changed settings)."""


class TrainingDiverged(Exception):
    """A NaN/inf loss or gradient: names the step and the last good checkpoint."""


def read_json(path: Path, error: type[Exception], what: str, missing: str) -> dict:
    """Parses a JSON file, raising `error` that names the file: `missing` when it is absent."""
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise error(missing) from None
    except json.JSONDecodeError as e:
        raise error(f"{what} {path} is not valid JSON: {e}") from None
