// bench/ingest scaling: does `extract` use a second core? N (≥ 4) distinct Common-Crawl-shaped
// WARCs (disjoint sets of the shared real pages, one extract task each) go through
// `cc-pretrain extract CONFIG --workers 1` and `--workers 2` in interleaved rounds (1, 2, 1, 2, …);
// it prints wall and CPU seconds of each run and the speed-up (wall time of 1 worker / 2 workers),
// min and median over rounds. Wall time is only meaningful on a machine with two idle cores: on
// a loaded one this measures contention, not scaling. The CPU ratio (2 workers / 1) shows what
// the second worker costs in extra work (start-up, lists and model loaded twice). Each run's
// documents must be byte-identical to the first run's (determinism whatever the worker count).
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/scaling.ts [--files N] [--pages N] [--rounds N]
//   --pages is per file.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scalingWarcs } from './build-warc.ts';
import { out } from './profile.ts';
import { timedExtract, type Run } from './timed.ts';

const { values } = parseArgs({ options: { files: { type: 'string', default: '4' }, pages: { type: 'string', default: '400' }, rounds: { type: 'string', default: '3' } } });
const files = Number(values.files);
const pages = Number(values.pages);
const rounds = Number(values.rounds);
if (!(files >= 4)) throw new Error('--files: at least 4, so that two workers each get more than one task');
mkdirSync(out, { recursive: true });

const warcs = await scalingWarcs(out, files, pages);
const config = path.join(out, 'scaling.yaml');
// JSON is YAML: the default config (fineweb preset, UT1 lists from the setup cache).
writeFileSync(config, JSON.stringify({ name: 'scaling', sources: [{ name: 'web', kind: 'warc', paths: warcs }], executor: { kind: 'local' } }, null, 2));

let firstDocs: string | undefined;
function extract(workers: number): Run {
  const dir = path.join(out, 'run-scaling');
  const run = timedExtract(config, dir, workers);
  const docs = path.join(dir, 'docs/web');
  const h = createHash('sha1');
  for (const f of readdirSync(docs).sort()) h.update(f).update(readFileSync(path.join(docs, f)));
  const digest = h.digest('hex');
  firstDocs ??= digest;
  if (digest !== firstDocs) throw new Error(`--workers ${workers}: documents differ from the first run's`);
  return run;
}

const results: { one: Run; two: Run }[] = [];
for (let r = 0; r < rounds; r++) {
  const one = extract(1);
  const two = extract(2);
  results.push({ one, two });
  console.log(`round ${r + 1}: --workers 1 ${one.wall_s.toFixed(1)} s wall, ${one.cpu_s.toFixed(1)} CPU-s; --workers 2 ${two.wall_s.toFixed(1)} s wall, ${two.cpu_s.toFixed(1)} CPU-s, peak RSS ${two.max_rss_mb.toFixed(0)} MB`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const speedups = results.map((x) => x.one.wall_s / x.two.wall_s);
const cpu = results.map((x) => x.two.cpu_s / x.one.cpu_s);
console.log(`\n${files} WARCs × ${pages} pages, ${rounds} interleaved rounds`);
console.log(`speed-up (wall, 1 worker / 2 workers): min ${Math.min(...speedups).toFixed(2)}×, median ${median(speedups).toFixed(2)}× (per round: ${speedups.map((v) => v.toFixed(2)).join(', ')})`);
console.log(`CPU seconds, 2 workers / 1 worker: median ${median(cpu).toFixed(2)} (per round: ${cpu.map((v) => v.toFixed(2)).join(', ')})`);
writeFileSync(path.join(out, 'scaling-results.json'), JSON.stringify({ files, pages, rounds: results }, null, 2));
