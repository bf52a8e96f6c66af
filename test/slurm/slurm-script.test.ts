// The text the Slurm executor submits (no cluster needed): array job arguments, the element script,
// the multi-node torchrun job and its launcher as bash expands it, and the config's validation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseRunConfig, ConfigError } from '../../pipeline/config.ts';
import type { SlurmExecutorConfig } from '../../pipeline/executor-config.ts';
import { arrayJobArgs, arrayJobScript, shellQuote } from '../../pipeline/slurm-script.ts';
import { trainJobArgs, trainJobScript, trainerLauncher, TRAIN_LAUNCHER_ENV } from '../../pipeline/slurm-train.ts';

function slurmConfig(executor: Record<string, unknown>): SlurmExecutorConfig {
  const cfg = parseRunConfig({ sources: [{ name: 'web', kind: 'warc', paths: ['a.warc.gz'] }], executor: { kind: 'slurm', ...executor } }, 'test');
  if (cfg.executor.kind !== 'slurm') throw new Error('not a slurm executor');
  return cfg.executor;
}

test('shellQuote survives spaces, quotes and dollars', () => {
  const words = ['plain/path-1.txt', "it's", 'a b', '$HOME', '`x`'];
  const echoed = execFileSync('bash', ['-c', `printf '%s\\n' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  assert.deepEqual(echoed.trimEnd().split('\n'), words);
});

test('an array job asks for the configured resources, limits concurrency and chains chunks', () => {
  const config = slurmConfig({ partition: 'cpu', account: 'proj', cpus_per_task: 2, mem_per_task: '6G', time_limit: '2:00:00', max_concurrent: 50, extra_sbatch_flags: ['--qos=low'] });
  const args = arrayJobArgs({ runDir: '/shared/run', runName: 'cc', stage: 'extract', scriptPath: '/shared/run/slurm/extract/round-0.sbatch', workDir: '/shared/work', offset: 1000, count: 1000, output: '/shared/run/logs/extract/slurm/%A_%a.out', after: '41', config });
  for (const a of ['--array=0-999%50', '--cpus-per-task=2', '--mem=6G', '--time=2:00:00', '--partition=cpu', '--account=proj', '--dependency=afterany:41', '--export=ALL,CC_PRETRAIN_ARRAY_OFFSET=1000', '--qos=low', '--job-name=ccp-cc-extract', '--chdir=/shared/work']) {
    assert.ok(args.includes(a), `${a} in ${args.join(' ')}`);
  }
  assert.equal(args.at(-1), '/shared/run/slurm/extract/round-0.sbatch');
});

test('an element runs the task on its line of the indices file', () => {
  const script = arrayJobScript({ runDir: '/shared/my run', stage: 'extract', indicesFile: '/tmp/idx', taskCommand: ['/opt/cc/bin/cc-pretrain', 'task'] });
  assert.match(script, /^#!\/bin\/bash\n/);
  assert.match(script, /sed -n "\$\(\(SLURM_ARRAY_TASK_ID \+ CC_PRETRAIN_ARRAY_OFFSET \+ 1\)\)p" \/tmp\/idx/);
  assert.match(script, /exec \/opt\/cc\/bin\/cc-pretrain task '\/shared\/my run' extract "\$index"\n/);
});

test('the training job spans nodes × GPUs and its launcher expands to a torchrun rendezvous', () => {
  const config = slurmConfig({ partition: 'cpu', account: 'proj', train: { nodes: 4, gpus_per_node: 8, cpus_per_gpu: 6, mem_per_node: '800G', time_limit: '2-00:00:00', partition: 'gpu', rdzv_port: 29400 } });
  const input = { runDir: '/shared/run', runName: 'cc', stage: 'train', index: 0, taskCommand: ['/opt/cc/bin/cc-pretrain', 'task'], python: '/opt/cc/.venv/bin/python', workDir: '/shared/work', output: '/shared/run/logs/train/slurm/%j_0.out', config };
  const args = trainJobArgs({ ...input, scriptPath: '/shared/run/slurm/train/round-0.sbatch' });
  for (const a of ['--nodes=4', '--ntasks-per-node=1', '--gpus-per-node=8', '--cpus-per-task=48', '--mem=800G', '--time=2-00:00:00', '--partition=gpu', '--account=proj', '--chdir=/shared/work']) {
    assert.ok(args.includes(a), `${a} in ${args.join(' ')}`);
  }
  const script = trainJobScript(input);
  assert.match(script, /exec \/opt\/cc\/bin\/cc-pretrain task \/shared\/run train 0\n/);
  // Run the script's own lines up to the exec, with the variables Slurm would set.
  const prelude = script.split('\n').filter((l) => !l.startsWith('exec ') && !l.startsWith('head_node=')).join('\n');
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', SLURM_JOB_NUM_NODES: '4', SLURM_JOB_ID: '777', head_node: 'gpu-node-01' };
  const exported = execFileSync('bash', ['-c', `${prelude}\nprintf '%s' "$${TRAIN_LAUNCHER_ENV}"`], { env, encoding: 'utf8' });
  assert.deepEqual(trainerLauncher({ [TRAIN_LAUNCHER_ENV]: exported }), [
    'srun', '--kill-on-bad-exit=1', '--ntasks-per-node=1', '/opt/cc/.venv/bin/python', '-m', 'torch.distributed.run',
    '--nnodes=4', '--nproc-per-node=8', '--rdzv-id=777', '--rdzv-backend=c10d', '--rdzv-endpoint=gpu-node-01:29400',
  ]);
  assert.equal(trainerLauncher({}), undefined);
  assert.throws(() => trainerLauncher({ [TRAIN_LAUNCHER_ENV]: '"python"' }), /JSON array of strings/);
});

test('a bad Slurm setting fails before any work, naming the field', () => {
  assert.throws(() => slurmConfig({ time_limit: 'two hours' }), (err: unknown) => err instanceof ConfigError && /executor\.time_limit: a Slurm time limit/.test(err.message));
  assert.throws(() => slurmConfig({ mem_per_task: '4GB' }), (err: unknown) => err instanceof ConfigError && /executor\.mem_per_task/.test(err.message));
  assert.throws(() => slurmConfig({ partiton: 'x' }), ConfigError);
  const defaults = slurmConfig({});
  assert.deepEqual([defaults.cpus_per_task, defaults.mem_per_task, defaults.retries, defaults.train.gpus_per_node], [1, '4G', 2, 0]);
});
