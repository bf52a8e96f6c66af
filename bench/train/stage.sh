#!/usr/bin/env bash
# The README sample's train stage, this trainer against an earlier one, interleaved rounds, CPU
# seconds and wall of each whole `python -m trainer train` process (docs/training.md, "CPU figures").
#   bench/train/stage.sh RUN BASE_REF [ROUNDS]
# RUN: a finished `cc-pretrain run examples/sample.yaml --out RUN`; BASE_REF: a git ref whose
# trainer/ is the "before" side (extracted to a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUN=$(realpath "$1"); REF=$2; ROUNDS=${3:-3}
PY=$PWD/.venv/bin/python
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
git archive "$REF" trainer | tar -x -C "$TMP"
# each side reads the config its own schema accepts (eval_rows became eval_tokens)
"$PY" - "$RUN/train/config.json" "$TMP" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
new = {k: v for k, v in c.items() if k != "eval_rows"}
old = {**{k: v for k, v in c.items() if k not in ("eval_tokens", "threads", "doc_mask")}, "eval_rows": c.get("eval_rows", 16)}
if old.get("compile") == "auto":
    old["compile"] = False
json.dump(new, open(sys.argv[2] + "/new.json", "w")); json.dump(old, open(sys.argv[2] + "/old.json", "w"))
PY
for round in $(seq "$ROUNDS"); do
  for side in now before; do
    dir=$PWD; cfg=$TMP/new.json
    [ "$side" = before ] && { dir=$TMP; cfg=$TMP/old.json; }
    rm -rf "$TMP/out-$side"
    (cd "$dir" && /usr/bin/time -f "$side round $round: CPU s %U user + %S sys, wall %e s" "$PY" -m trainer train --config "$cfg" \
      --set out_dir="\"$TMP/out-$side\"" 2>&1 | grep -E "CPU s|^step [0-9]+/[0-9]+ " | tail -2)
  done
done
