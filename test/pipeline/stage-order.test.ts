// The stage order's name → command table, and `cc-pretrain task` (a Slurm array element or a Ray
// task) loading only its own command's stages through it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadStages, STAGE_COMMANDS } from '../../pipeline/stage-order.ts';
import { tempDirs } from '../temp-dirs.ts';

const root = resolve(import.meta.dirname, '../..');
const mkdtemp = tempDirs();

test('the name → command table lists every stage with its command, in run order', async () => {
  assert.deepEqual(
    [...STAGE_COMMANDS],
    (await loadStages()).map((s) => [s.name, s.command]),
  );
});

test("`task` of an extract element loads no other command's stages", () => {
  // Prints, at exit, the URL of every module the process loaded.
  const probe = `data:text/javascript,${encodeURIComponent(
    "import{registerHooks}from'node:module';import{writeSync}from'node:fs';const seen=[];" +
      'registerHooks({load(url,ctx,next){seen.push(url);return next(url,ctx);}});' +
      "process.on('exit',()=>writeSync(1,JSON.stringify(seen)));",
  )}`;
  // Not a run folder: the task fails after it has loaded its stage, before it reads the run.
  const r = spawnSync(resolve(root, 'bin/cc-pretrain'), ['task', mkdtemp('task-'), 'extract', '0'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--import=${probe}` },
  });
  assert.match(r.stderr, /is not a run folder/);
  const loaded = new Set(JSON.parse(r.stdout) as string[]);
  const url = (path: string) => pathToFileURL(resolve(root, path)).href;
  assert.ok(loaded.has(url('ingest/extract-stage.ts')), 'the extract stage was loaded');
  // The modules pipeline/stage-order.ts loads the other commands' stages from.
  for (const other of ['dedup/index.ts', 'tokenize/index.ts', 'shards/index.ts', 'report/index.ts', 'pipeline/train-stage.ts']) {
    assert.ok(!loaded.has(url(other)), `${other} was loaded`);
  }
});
