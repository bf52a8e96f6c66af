// The whole extract stage of this tree against a reference commit's (default: where this branch
// left main), as a Slurm array element runs it: `cc-pretrain task RUN extract 0` on the
// Common-Crawl-shaped WARC of N real pages (profile.ts's benchInput, default config), the two
// trees in interleaved pairs (order alternating), each run in a fresh process under GNU time
// (CPU seconds of the process, start-up included). Then the outputs of the last runs must be
// byte-identical: the documents Parquet, every MinHash signature file and its index, and the
// stats file's counters, histograms and examples (its wall and CPU seconds differ by nature), each
// of the three with its names sorted: which counter is created first (the reader's or a filter's)
// depends on how reading and filtering interleave (ingest/extract-task.ts's batches), not a value.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/task-vs-reference.ts [--ref COMMIT] [--pages 1000] [--pairs 5]

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { referenceTree } from '../reference-tree.ts';
import { benchInput, out, root } from './profile.ts';
import { timed } from './timed.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, pages: { type: 'string', default: '1000' }, pairs: { type: 'string', default: '5' } } });
const { commit: ref, dir: refTree } = referenceTree(args.ref, 'task', [], ['node_modules', '.cache']);

const { config } = await benchInput(Number(args.pages));
const node = path.join(root, 'node_modules/.bin/node');
// One planned run folder per tree: `extract` plans the task (and runs it once, a warm-up).
const runs = new Map<string, string>([
  ['this tree', path.join(out, 'task-vs-reference-here')],
  ['reference', path.join(out, 'task-vs-reference-ref')],
]);
const trees = new Map<string, string>([
  ['this tree', root],
  ['reference', refTree],
]);
for (const [side, dir] of runs) {
  rmSync(dir, { recursive: true, force: true });
  execFileSync(node, [path.join(trees.get(side)!, 'cli/main.ts'), 'extract', config, '--out', dir, '--workers', '1'], { cwd: root, stdio: 'ignore' });
}

const cpu = new Map<string, number[]>([...runs.keys()].map((k) => [k, []]));
const ratios: number[] = [];
for (let p = 0; p < Number(args.pairs); p++) {
  const order = p % 2 === 0 ? ['reference', 'this tree'] : ['this tree', 'reference'];
  for (const side of order) {
    const dir = runs.get(side)!;
    rmSync(path.join(dir, 'markers', 'extract'), { recursive: true, force: true });
    const { run } = timed(node, ['--max-semi-space-size=8', path.join(trees.get(side)!, 'cli/main.ts'), 'task', dir, 'extract', '0']);
    cpu.get(side)!.push(run.cpu_s);
  }
  const [r, h] = [cpu.get('reference')!.at(-1)!, cpu.get('this tree')!.at(-1)!];
  ratios.push(r / h);
  console.log(`pair ${p + 1}: reference ${r.toFixed(2)} CPU-s, this tree ${h.toFixed(2)} CPU-s, ${(r / h).toFixed(3)}x`);
}
const sorted = [...ratios].sort((a, b) => a - b);
console.log(`reference ${ref.slice(0, 12)}, ${args.pages} pages: reference / this tree CPU, min ${sorted[0]!.toFixed(3)}x, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}x`);

/** Relative paths of the files under `dir`. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
let differ = 0;
let compared = 0;
const [here, there] = [runs.get('this tree')!, runs.get('reference')!];
for (const sub of ['docs', 'minhash']) {
  const mine = filesUnder(path.join(here, sub));
  const theirs = filesUnder(path.join(there, sub));
  if (mine.join('\n') !== theirs.join('\n')) {
    differ++;
    console.log(`differs: the files under ${sub}/`);
  }
  for (const f of mine) {
    compared++;
    const b = path.join(there, sub, f);
    if (!existsSync(b) || !readFileSync(path.join(here, sub, f)).equals(readFileSync(b))) {
      differ++;
      console.log(`differs: ${sub}/${f}`);
    }
  }
}
const statsOf = (dir: string): string => {
  const s = JSON.parse(readFileSync(path.join(dir, 'stats/extract/web/00000.json'), 'utf8')) as Record<string, unknown>;
  const sorted = (o: unknown): unknown[] => Object.entries(o as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([sorted(s['counters']), sorted(s['histograms']), sorted(s['examples'])]);
};
compared++;
if (statsOf(here) !== statsOf(there)) {
  differ++;
  console.log('differs: stats (counters, histograms, examples)');
}
console.log(`outputs: ${compared} files compared (documents, signatures and their index, stats), ${differ} differ`);
