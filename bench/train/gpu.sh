#!/usr/bin/env bash
# The trainer's GPU figures in one prepared script (docs/training.md, "Speed"), for a machine with
# PyTorch, pyarrow and one CUDA GPU, no Node and no network. It needs the shards built here first
# (Node runs only here) and carried along: bench/train/gpu-run/{shards,tokenizer}.
#   bench/train/gpu.sh bench   ~10 min: 124m seq 1024 bf16 compile, 3 interleaved rounds against HF
#                               LlamaForCausalLM, with document masking; 350m and 760m one round each;
#                               KV-cache generation tokens/s
#   bench/train/gpu.sh run     >= 10 min: a 124m run on the carried shards; log.jsonl (loss, MFU) to $OUT
# Results go to $OUT (or bench/results/ when OUT is unset).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
OUT=${OUT:-bench/results}
SHARDS=bench/train/gpu-run/shards
mkdir -p "$OUT"
[ -f "$SHARDS/manifest.json" ] || { echo "error: $SHARDS/manifest.json missing: build it first (docs/training.md)"; exit 2; }
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv | tee "$OUT/gpu.txt"
"$PY" -c 'import torch, sys; print("torch", torch.__version__, torch.cuda.get_device_name(0), file=sys.stderr)'
case "${1:-bench}" in
  bench)
    "$PY" bench/train/bench.py --device cuda --models 124m --shards "$SHARDS" --steps 40 --rounds 3 --doc-mask \
      --generate 124m --new-tokens 256 --out "$OUT/train-124m.json" 2>&1 | tee "$OUT/bench-124m.txt"
    "$PY" bench/train/bench.py --device cuda --models 350m,760m --batch 8 --shards "$SHARDS" --steps 20 --rounds 1 \
      --skip-loader --out "$OUT/train-350m-760m.json" 2>&1 | tee "$OUT/bench-350m-760m.txt"
    ;;
  run)
    RUN=/tmp/gpu-run-124m
    rm -rf "$RUN"; mkdir -p "$RUN"
    cat > "$RUN/config.json" <<JSON
{"shards_dir": "$PWD/$SHARDS", "out_dir": "$RUN", "model": "124m", "seq_len": 1024, "batch_size": 64,
 "micro_batch_size": 16, "steps": 6000, "lr": 6e-4, "warmup_steps": 200, "log_every": 25, "eval_every": 500,
 "ckpt_every": 1000, "keep_checkpoints": 1, "max_epochs": 1000, "export": false, "sample_tokens": 0}
JSON
    # at most 11 minutes of training: whatever the speed, the log up to then comes back
    timeout 660 "$PY" -m trainer train --config "$RUN/config.json" 2>&1 | tee "$OUT/run-124m.txt" || true
    cp "$RUN/log.jsonl" "$RUN/plan.json" "$OUT/" 2>/dev/null || true
    ;;
  *) echo "usage: bench/train/gpu.sh bench|run"; exit 2 ;;
esac
