#!/usr/bin/env bash
# Creates the bench-only virtualenvs of the anchors we compare against: bench/.venv from
# bench/requirements.txt, and bench/<name>/.venv for a bench with its own requirements.txt
# (its anchors clash with the shared ones, e.g. a newer datatrove). Never the product's .venv.
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
make_venv() { # folder requirements
  # A bench may name the interpreter its anchors have wheels for in <bench>/python (e.g. python3.12
  # for rs-trafilatura); without it on PATH, $PY is used and pip builds from source.
  local py="$PY"
  # (pyenv puts a shim on PATH for every installed version; it runs only when that version is selected,
  # e.g. PYENV_VERSION=3.11.7:3.12.1, so the interpreter is tried, not just looked up.)
  if [ -f "$(dirname "$2")/python" ] && "$(cat "$(dirname "$2")/python")" -c '' 2>/dev/null; then py="$(cat "$(dirname "$2")/python")"; fi
  if [ ! -x "$1/bin/python" ] || ! cmp -s "$2" "$1/.requirements"; then
    "$py" -m venv "$1"
    "$1/bin/python" -m pip install -q --upgrade pip
    "$1/bin/python" -m pip install -q -r "$2"
    cp "$2" "$1/.requirements"
  fi
}
make_venv .venv requirements.txt
for req in */requirements.txt */*/requirements.txt; do
  if [ -f "$req" ]; then make_venv "$(dirname "$req")/.venv" "$req"; fi
done
