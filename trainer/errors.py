"""Errors the command line turns into a clear message and an exit code instead of a traceback."""


class DataError(Exception):
    """Bad training input: names the file or source and the cause."""


class ResumeError(Exception):
    """A resume that cannot continue the run exactly (no checkpoint, changed settings)."""


class TrainingDiverged(Exception):
    """A NaN/inf loss or gradient: names the step and the last good checkpoint."""
