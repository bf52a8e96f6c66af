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
# The UT1 block lists of the fineweb preset's URL filter, from the datatrove wheel on PyPI, cached
# in .cache/ut1/ (skipped when present).
node_modules/.bin/node scripts/ut1-cache.ts .venv/bin/python
# Debian packages some tests drive for real: chromium (the report's browser test, through
# playwright-core, no browser download) and slurm-wlm + munge (a single-node Slurm cluster on
# localhost). Installed only when absent and only as root (CI runs set-up as root on a fresh Debian).
debs=()
command -v chromium >/dev/null 2>&1 || debs+=(chromium)
{ command -v slurmctld && command -v munged; } >/dev/null 2>&1 || debs+=(slurm-wlm munge)
if [ ${#debs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${debs[@]}"
  else
    echo "setup: ${debs[*]} not installed (needs root and apt-get); the tests that use them will be skipped" >&2
fi
fi
