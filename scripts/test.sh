#!/usr/bin/env bash
# Every test a clean machine can run: type check, TypeScript tests (node:test), trainer tests (pytest, CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
tsc --noEmit -p .
node --test --test-concurrency=2 --test-reporter=spec 'test/**/*.test.ts'
.venv/bin/python -m pytest -q test/trainer
