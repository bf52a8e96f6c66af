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
# Object storage and Ray, which the cloud tests drive for real (docs/cloud.md): SeaweedFS built once
# from the Go module proxy into .cache/weed (its go.mod has replace directives, so `go install`
# refuses it; `go build` inside the downloaded module works; the go command fetches a newer
# toolchain itself if the module asks for one), and Ray in its own virtualenv, .venv-ray, so the
# trainer's stays as small as training needs.
WEED_MODULE=github.com/seaweedfs/seaweedfs@v0.0.0-20261109003541-7506e5f91cd6
if [ ! -x .cache/weed ]; then
  if command -v go >/dev/null 2>&1; then
    mkdir -p .cache
    weed_dir=$(go mod download -json "$WEED_MODULE" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    (cd "$weed_dir" && GOFLAGS=-mod=mod go build -o "$OLDPWD/.cache/weed.tmp" ./weed)
    mv .cache/weed.tmp .cache/weed
  else
    echo "setup: no Go toolchain, so no SeaweedFS server; the S3 and Ray tests will be skipped" >&2
  fi
fi
if [ ! -x .venv-ray/bin/ray ] || ! cmp -s pipeline/ray-requirements.txt .venv-ray/.requirements; then
  python3 -m venv .venv-ray
  .venv-ray/bin/python -m pip install -q -r pipeline/ray-requirements.txt
  cp pipeline/ray-requirements.txt .venv-ray/.requirements
fi
