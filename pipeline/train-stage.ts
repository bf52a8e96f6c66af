// The `train` stage and the trainer passthrough: both run the Python trainer (`trainer/`) from the
// project's virtualenv. The stage writes the resolved train section to RUN/train/config.json and
// launches `python -m trainer train` (torchrun for more than one process), resuming from the last
// checkpoint when a previous attempt left one; the trainer's output goes to the task log.

import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeJsonAtomic } from './atomic.ts';
import { runChild } from './child-process.ts';
import { abortOnSignals } from './shutdown.ts';
import { trainerLauncher } from './slurm-train.ts';
import type { Stage, TaskContext } from './stage.ts';
import type { TrainConfig } from './train-config.ts';

const repoRoot = resolve(import.meta.dirname, '..');

/** The virtualenv's bin folder (`CC_PRETRAIN_VENV` overrides `<repo>/.venv`). */
function venvBin(): string {
  return join(process.env['CC_PRETRAIN_VENV'] ?? join(repoRoot, '.venv'), 'bin');
}

function pythonEnv(): NodeJS.ProcessEnv {
  const prev = process.env['PYTHONPATH'];
  return { ...process.env, PYTHONPATH: prev ? `${repoRoot}:${prev}` : repoRoot, PYTHONUNBUFFERED: '1' };
}

function requireVenv(): string {
  const python = join(venvBin(), 'python');
  if (!existsSync(python)) {
    throw new Error(`the trainer's Python environment is missing (${python}): run \`npm run setup\``);
  }
  return python;
}

/** The file the trainer reads: the train section (less `enabled`) plus the run's paths. */
export function trainerConfig(train: TrainConfig, runDir: string): Record<string, unknown> {
  const { enabled: _enabled, ...rest } = train;
  return { ...rest, shards_dir: join(runDir, 'shards'), out_dir: join(runDir, 'train') };
}

function hasCheckpoint(outDir: string): boolean {
  const dir = join(outDir, 'ckpt');
  return existsSync(dir) && readdirSync(dir).some((n) => /^step_\d{8}\.pt$/.test(n));
}

interface Launch {
  command: string;
  args: string[];
}

function launchFor(train: TrainConfig, configPath: string, resume: boolean): Launch {
  const python = requireVenv();
  const trainerArgs = ['train', '--config', configPath, ...(resume ? ['--resume'] : [])];
  // Inside a Slurm training job, srun → one torchrun per node replaces python (docs/slurm.md).
  const launcher = trainerLauncher();
  if (launcher) return { command: launcher[0]!, args: [...launcher.slice(1), '-m', 'trainer', ...trainerArgs] };
  if (train.nproc <= 1) return { command: python, args: ['-m', 'trainer', ...trainerArgs] };
  return {
    command: join(venvBin(), 'torchrun'),
    args: ['--standalone', `--nproc_per_node=${train.nproc}`, '-m', 'trainer', ...trainerArgs],
  };
}

function runLogged(launch: Launch, ctx: TaskContext, steps: number): Promise<number> {
  let reported = 0;
  const onLine = (line: string) => {
    ctx.log(line);
    const m = /^step (\d+)\//.exec(line);
    if (m) {
      const step = Math.min(Number(m[1]), steps);
      if (step > reported) ctx.progress(step - reported);
      reported = Math.max(reported, step);
    }
  };
  return runChild(launch.command, launch.args, { cwd: repoRoot, env: pythonEnv(), onLine, signal: ctx.signal });
}

interface LogRecord {
  step: number;
  loss: number;
  tokens: number;
  tokens_per_s: number;
  val_loss?: Record<string, number>;
}

async function countResults(ctx: TaskContext, outDir: string): Promise<void> {
  const lines = (await readFile(join(outDir, 'log.jsonl'), 'utf8')).split('\n').filter((l) => l.trim());
  const records = lines.map((l) => JSON.parse(l) as LogRecord);
  const last = records.at(-1);
  if (!last) return;
  ctx.stats.count('train.steps', last.step);
  ctx.stats.count('train.tokens', last.tokens);
  ctx.stats.count('train.loss', last.loss);
  const lastVal = records.findLast((r) => r.val_loss)?.val_loss ?? {};
  for (const [source, loss] of Object.entries(lastVal)) ctx.stats.count(`train.val_loss.${source}`, loss);
}

export const trainStage: Stage = {
  name: 'train',
  command: 'train',
  description: 'pretrain the decoder on the token shards (PyTorch, torchrun for several processes)',
  inline: true,
  async plan({ config }) {
    const t = config.train;
    if (!t.enabled) return [];
    const model = typeof t.model === 'string' ? t.model : `${t.model.n_layer}L-${t.model.d_model}d`;
    return [{ id: 'train', label: `train ${model}, ${t.steps} steps × ${t.batch_size}×${t.seq_len} tokens` }];
  },
  async run(ctx) {
    const train = ctx.config.train;
    const outDir = join(ctx.runDir, 'train');
    const configPath = join(outDir, 'config.json');
    await writeJsonAtomic(configPath, trainerConfig(train, ctx.runDir));
    const resume = hasCheckpoint(outDir);
    if (resume) ctx.log(`resuming from the last checkpoint in ${join(outDir, 'ckpt')}`);
    const code = await runLogged(launchFor(train, configPath, resume), ctx, train.steps);
    if (ctx.signal.aborted) throw new Error(`interrupted by ${String(ctx.signal.reason)}; the trainer stopped (exit code ${code}) and resumes from its last checkpoint`);
    if (code !== 0) {
      throw new Error(`the trainer exited with code ${code}${code === 3 ? ' (training diverged)' : ''}: see the lines above or ${join('logs', 'train', 'train.log')}`);
    }
    await countResults(ctx, outDir);
  },
};

/** `cc-pretrain sample|export|eval …`: runs `python -m trainer <subcommand> …` on the terminal. */
export function runTrainer(subcommand: 'sample' | 'export' | 'eval' | 'train' | 'plan' | 'train-classifier', args: readonly string[]): Promise<number> {
  return runChild(requireVenv(), ['-m', 'trainer', subcommand, ...args], { cwd: process.cwd(), env: pythonEnv(), signal: abortOnSignals() });
}
