#!/usr/bin/env bash
# Creates the bench-only virtualenv bench/.venv with the anchors the benchmarks compare against.
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q -r requirements.txt
