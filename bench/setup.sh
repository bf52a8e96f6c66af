#!/usr/bin/env bash
# Creates bench/.venv, the bench-only virtualenv of the anchors we compare against.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ] || ! cmp -s requirements.txt .venv/.requirements; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.txt
  cp requirements.txt .venv/.requirements
fi
