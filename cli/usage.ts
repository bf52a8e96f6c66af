// The command line's help text and its usage error: one place that says what each command takes.

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `cc-pretrain — Common Crawl to pretraining data, and a decoder pretrained on it

Usage:
  cc-pretrain run CONFIG [--out DIR] [--workers N]       every stage, resuming where a run stopped
  cc-pretrain extract CONFIG [--out DIR]                 one stage of a run (also: dedup,
  cc-pretrain extract INPUT... --out DIR                   train-tokenizer, tokenize, train, report);
  cc-pretrain dedup|train-tokenizer|tokenize CONFIG|RUN     a RUN folder stands for its own config
  cc-pretrain train CONFIG|RUN [--out DIR]
  cc-pretrain report RUN [--format html|md]
  cc-pretrain inspect FILE [--limit N]                   a WARC/WET/JSONL input, a docs .parquet,
                                                           a shard .arrow or a tokenizer.json
  cc-pretrain verify SHARDS_DIR                          check shards against their manifest
  cc-pretrain status RUN [--json]                        tasks per stage: done, running, failed, pending
  cc-pretrain sample CHECKPOINT --prompt TEXT [...]      generate text from a checkpoint
  cc-pretrain export CHECKPOINT --out DIR                Hugging Face (LlamaForCausalLM) export
  cc-pretrain eval CHECKPOINT [...]                      perplexity on held-out shards
  cc-pretrain task RUN STAGE INDEX                       run one task (what Slurm array jobs and Ray tasks call)

Options:
  --out DIR        run folder (default runs/<config name>)
  --workers N      worker threads for the local executor (default: one per core)
  -h, --help       this text

Exit status: 0 when every task succeeded, 1 when a task failed, 2 for a usage or config error.
`;
