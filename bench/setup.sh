#!/usr/bin/env bash
# Creates the bench-only virtualenvs of the anchors we compare against: bench/.venv from
# bench/requirements.txt, and bench/<name>/.venv for a bench with its own requirements.txt
# (its anchors clash with the shared ones, e.g. a newer datatrove). Never the product's .venv.
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
make_venv() { # folder requirements
  if [ ! -x "$1/bin/python" ] || ! cmp -s "$2" "$1/.requirements"; then
    "$PY" -m venv "$1"
    "$1/bin/python" -m pip install -q --upgrade pip
    "$1/bin/python" -m pip install -q -r "$2"
    cp "$2" "$1/.requirements"
  fi
}
make_venv .venv requirements.txt
for req in */requirements.txt */*/requirements.txt; do
  if [ -f "$req" ]; then make_venv "$(dirname "$req")/.venv" "$req"; fi
done
