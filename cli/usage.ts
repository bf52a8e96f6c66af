// The command line's help text and its usage error: one place that says what each command takes.

export class UsageError extends Error {
  override name = 'UsageError';
  /** The command whose usage goes with the message; the general usage when absent. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

const STAGE_HELP = `Options:
  --out DIR        run folder (default runs/<config name>; with a RUN folder, that folder)
  --workers N      worker threads for the local executor (default: one per core)
  -h, --help       this text
`;

/** Usage of each command, shown by `cc-pretrain COMMAND --help` and after its usage errors. */
const COMMANDS: ReadonlyMap<string, string> = new Map([
  ['run', `Usage: cc-pretrain run CONFIG|RUN [--out DIR] [--workers N]\n\nEvery stage of a run, resuming where it stopped.\n\n${STAGE_HELP}`],
  [
    'extract',
    `Usage: cc-pretrain extract CONFIG|RUN [--out DIR] [--workers N]\n       cc-pretrain extract INPUT... --out DIR [--workers N]\n\nThe extract stage (read, extract, filter, MinHash signatures) of a run, or of the given\n.warc/.warc.gz/.wet.gz/.jsonl/.jsonl.gz files or http(s) URLs with the default settings.\n\n${STAGE_HELP}`,
  ],
  ['dedup', `Usage: cc-pretrain dedup CONFIG|RUN [--out DIR] [--workers N]\n\nThe dedup stages (buckets, exact, clusters) of a run.\n\n${STAGE_HELP}`],
  ['train-tokenizer', `Usage: cc-pretrain train-tokenizer CONFIG|RUN [--out DIR] [--workers N]\n\nThe tokenizer stage of a run.\n\n${STAGE_HELP}`],
  ['tokenize', `Usage: cc-pretrain tokenize CONFIG|RUN [--out DIR] [--workers N]\n\nThe tokenize and manifest stages of a run.\n\n${STAGE_HELP}`],
  ['train', `Usage: cc-pretrain train CONFIG|RUN [--out DIR]\n\nThe train stage of a run (the bundled PyTorch trainer).\n\n${STAGE_HELP}`],
  [
    'report',
    `Usage: cc-pretrain report RUN|CONFIG [--format html|md] [--against RUN_B]\n\nThe statistics report of a run: RUN/report/index.html and stats.json, or markdown on stdout.\n\nOptions:\n  --format html|md   html (default) writes RUN/report/; md prints markdown\n  --against RUN_B    compare with another run: funnel, filter rates and tokens side by side\n  -h, --help         this text\n`,
  ],
  [
    'inspect',
    `Usage: cc-pretrain inspect FILE [--limit N] [--json]\n\nA WARC/WET/JSONL input, a docs .parquet, a shard .arrow or a tokenizer.json.\n\nOptions:\n  --limit N   documents or rows to show (default 3)\n  --json      machine-readable output\n  -h, --help  this text\n`,
  ],
  ['verify', `Usage: cc-pretrain verify SHARDS_DIR\n\nChecks every shard of a run's shards/ folder against the SHA-256 in its manifest.\n\nOptions:\n  -h, --help  this text\n`],
  ['status', `Usage: cc-pretrain status RUN [--json]\n\nTasks per stage: done, running, failed, pending, with failure messages and log paths.\n\nOptions:\n  --json      machine-readable output\n  -h, --help  this text\n`],
  [
    'train-classifier',
    `Usage: cc-pretrain train-classifier --positive SOURCE... --negative SOURCE... --out model.bin [options]\n\nTrains a fastText quality classifier (fastText's own trainer, one thread, fixed seed) from\n.jsonl/.jsonl.gz files or docs .parquet files, and prints held-out precision, recall and AUC.\n\nOptions:\n  --label L             positives' label (default hq); --negative-label L (default cc)\n  --newlines MODE       space (default) or collapse, as filters.classifier.newlines\n  --text-field F        JSONL text field (default text)\n  --max-docs N          at most N documents per side\n  --holdout F           share held out for evaluation (default 0.1); --seed N (default 0)\n  --epoch N --lr F --dim N --word-ngrams N --min-count N --bucket N   fastText settings\n                        (defaults 20, 0.5, 64, 2, 1, 200000)\n  --json                one JSON line\n  -h, --help            this text\n`,
  ],
  ['task', `Usage: cc-pretrain task RUN STAGE INDEX\n\nRuns one task of one stage in this process (what a Slurm array element runs).\n\nOptions:\n  -h, --help  this text\n`],
]);

export const USAGE = `cc-pretrain — Common Crawl to pretraining data, and a decoder pretrained on it

Usage:
  cc-pretrain run CONFIG [--out DIR] [--workers N]       every stage, resuming where a run stopped
  cc-pretrain extract CONFIG [--out DIR]                 one stage of a run (also: dedup,
  cc-pretrain extract INPUT... --out DIR                   train-tokenizer, tokenize, train, report);
  cc-pretrain dedup|train-tokenizer|tokenize CONFIG|RUN     a RUN folder stands for its own config
  cc-pretrain train CONFIG|RUN [--out DIR]
  cc-pretrain report RUN [--format html|md] [--against RUN_B]
  cc-pretrain inspect FILE [--limit N]                   a WARC/WET/JSONL input, a docs .parquet,
                                                           a shard .arrow or a tokenizer.json
  cc-pretrain verify SHARDS_DIR                          check shards against their manifest
  cc-pretrain status RUN [--json]                        tasks per stage: done, running, failed, pending
  cc-pretrain sample CHECKPOINT --prompt TEXT [...]      generate text from a checkpoint
  cc-pretrain export CHECKPOINT --out DIR                Hugging Face (LlamaForCausalLM) export
  cc-pretrain eval CHECKPOINT [...]                      perplexity on held-out shards
  cc-pretrain train-classifier --positive SRC... --negative SRC... --out model.bin
                                                         fastText quality classifier (docs/classifier.md)
  cc-pretrain task RUN STAGE INDEX                       run one task (what Slurm array jobs call)

\`cc-pretrain COMMAND --help\` shows one command's options.

Options:
  --out DIR        run folder (default runs/<config name>)
  --workers N      worker threads for the local executor (default: one per core)
  -h, --help       this text

Exit status: 0 when every task succeeded, 1 when a task failed, 2 for a usage or config error.
Set CC_PRETRAIN_DEBUG=1 to see the stack trace of an unexpected error.
`;

export function commandUsage(command: string): string {
  return COMMANDS.get(command) ?? USAGE;
}
