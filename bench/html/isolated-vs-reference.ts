// parseBlocks and extractMainText of this tree against a reference commit's (bench/html/reference.ts;
// by default where this branch left main), each side in its own worker thread. vs-reference.ts runs
// both sides in one process, and there one side's code changes the other's speed: an untouched
// parseBlocks read 0.95× there, and a regex change in html-rules.ts that measured 1.5× there made
// no difference in separate processes (docs/ingest.md, eleventh round). A worker is an isolate of
// its own (own heap, JIT code and regex compilations); the sides alternate every --chunk pages
// (this tree, reference, then reference, this tree, …), each timed by its thread's CPU time. A
// warm-up pass runs first; prints each round's CPU seconds and the min and median of the
// per-round speed-ups. Between runs the figures still move by about ±4 % on a shared machine (the
// same code on both sides: 1.005× to 1.09× by rounds), so it resolves a few per cent, not less.
// bench/html/identical.ts checks that the outputs agree.
// `--set scrapinghub` keeps the pages of one set (the first folder of their path under
// data/extraction), for a view of the pages that set is made of (large modern news pages).
// Usage: node bench/html/isolated-vs-reference.ts [--ref COMMIT] [--rounds 4] [--chunk 100] [--steps parseBlocks,extractMainText] [--set NAME]

import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';
import { loadPages } from './pages.ts';
import { loadReference } from './reference.ts';
import { median } from '../interleave.ts';

type Step = 'parseBlocks' | 'extractMainText';
interface Job {
  step: Step;
  from: number;
  to: number;
}

if (isMainThread) {
  const { values: args } = parseArgs({ options: { ref: { type: 'string' }, rounds: { type: 'string', default: '4' }, chunk: { type: 'string', default: '100' }, steps: { type: 'string', default: 'parseBlocks,extractMainText' }, set: { type: 'string' } } });
  if (!sharedDataDir()) {
    console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
    process.exit(2);
  }
  const reference = await loadReference(args.ref);
  const rounds = Math.max(1, Number(args.rounds));
  const chunk = Math.max(1, Number(args.chunk));
  const steps = args.steps.split(',') as Step[];
  const sides = [repoRoot, reference.dir].map((dir) => new Worker(new URL(import.meta.url), { workerData: { dir, set: args.set } }));
  for (const w of sides) {
    w.on('error', (e) => {
      console.error(e);
      process.exit(1);
    });
  }
  const ask = (w: Worker, message: Job | 'size'): Promise<number> =>
    new Promise((resolve) => {
      w.once('message', resolve);
      w.postMessage(message);
    });
  const sizes = await Promise.all(sides.map((w) => ask(w, 'size')));
  const n = sizes[0] as number;
  console.log(`reference ${reference.commit.slice(0, 12)}: ${n} distinct pages${args.set ? ` of ${args.set}` : ''}, each side in a worker thread, ${rounds} rounds after a warm-up, thread CPU seconds per pass`);
  const pass = async (step: Step): Promise<[number, number]> => {
    const cpu: [number, number] = [0, 0];
    for (let from = 0, k = 0; from < n; from += chunk, k++) {
      for (const side of k % 2 === 0 ? [0, 1] : [1, 0]) cpu[side as 0 | 1] += await ask(sides[side] as Worker, { step, from, to: Math.min(n, from + chunk) });
    }
    return cpu;
  };
  for (const step of steps) {
    await pass(step);
    const here: number[] = [];
    const ref: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const [h, f] = await pass(step);
      here.push(h);
      ref.push(f);
    }
    const ratios = here.map((h, r) => (ref[r] as number) / h);
    console.log(`${step}: this tree ${here.map((x) => x.toFixed(2)).join(' ')} s, reference ${ref.map((x) => x.toFixed(2)).join(' ')} s; speed-up min ${Math.min(...ratios).toFixed(3)}×, median ${median(ratios).toFixed(3)}×`);
  }
  await Promise.all(sides.map((w) => w.terminate()));
} else {
  const { dir, set } = workerData as { dir: string; set: string | undefined };
  const blocks = (await import(path.join(dir, 'ingest/html-blocks.ts'))) as typeof import('../../ingest/html-blocks.ts');
  const extract = (await import(path.join(dir, 'ingest/html-extract.ts'))) as typeof import('../../ingest/html-extract.ts');
  // Both sides decode the pages with this tree's charset code: the same strings.
  const pages = (await loadPages(sharedDataDir() as string)).filter((p) => set === undefined || p.id.startsWith(`${set}/`)).map((p) => p.html);
  let sink = 0;
  const port = parentPort as NonNullable<typeof parentPort>;
  port.on('message', (job: Job | 'size') => {
    if (job === 'size') {
      port.postMessage(pages.length);
      return;
    }
    const start = process.threadCpuUsage();
    for (let i = job.from; i < job.to; i++) {
      const html = pages[i] as string;
      sink += job.step === 'parseBlocks' ? blocks.parseBlocks(html).blocks.length : extract.extractMainText(html).text.length;
    }
    const used = process.threadCpuUsage(start);
    port.postMessage((used.user + used.system) / 1e6);
  });
}
