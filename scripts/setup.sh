#!/usr/bin/env bash
# Set-up for a fresh machine: npm packages (Node 24 among them) and the trainer's virtualenv.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
if [ ! -x .venv/bin/python ] || ! cmp -s trainer/requirements.txt .venv/.requirements; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r trainer/requirements.txt
  cp trainer/requirements.txt .venv/.requirements
fi
# The report's browser test drives Debian's chromium through playwright-core (no browser download).
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
elif ! command -v chromium >/dev/null 2>&1; then
  echo "note: no chromium found; the report's browser test will be skipped (install Debian's chromium as root)" >&2
fi
# Slurm (slurm-wlm) and munge for the Slurm executor's tests, which start a single-node cluster on
# localhost. Installed only when absent and only as root (CI runs set-up as root on a fresh Debian).
if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge
  else
    echo "setup: slurm-wlm/munge not installed (needs root and apt-get); the Slurm tests will be skipped" >&2
  fi
fi
