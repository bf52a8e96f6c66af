// Per-task numbers for sizing a Slurm run (docs/slurm.md): a Common-Crawl-shaped WARC of real
// pages (the HTML of the two extraction benchmarks in ../shared/data) through every stage but
// training, one worker; per stage the tasks, seconds per task, documents/s and input MB/s per task;
// then task 0 of each stage run again alone as `cc-pretrain task` (what an array element runs)
// under /usr/bin/time for its peak RSS. Anchor, same run: `zcat` of the same WARC.
// Usage: CC_PRETRAIN_SHARED=/work/shared node_modules/.bin/node bench/slurm/task-size.ts [PAGES]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { TaskSpec } from '../../pipeline/stage.ts';
import type { TaskStats } from '../../pipeline/stats.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { buildWarc, pageRecords, warcinfoRecord, type WarcRecordInput } from '../../test/warc-writer.ts';

const data = sharedDataDir();
if (!data) {
  console.error('bench/slurm/task-size: no shared data (set CC_PRETRAIN_SHARED)');
  process.exit(2);
}
const maxPages = Number(process.argv[2] ?? 2000);
const bin = fileURLToPath(new URL('../../bin/cc-pretrain', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bench-task-size-'));

const htmlDirs = ['extraction/wcxb-dev/html', 'extraction/scrapinghub/html'].map((d) => join(data, d));
const records: WarcRecordInput[] = [warcinfoRecord('bench.warc.gz')];
let pages = 0;
for (const dir of htmlDirs) {
  for (const name of readdirSync(dir).sort()) {
    if (pages >= maxPages) break;
    const html = gunzipSync(readFileSync(join(dir, name)));
    records.push(...pageRecords({ url: `https://bench.example/${dir.split('/').at(-2)}/${name.replace(/\.html\.gz$/, '')}`, html, date: '2024-05-01T00:00:00Z' }));
    pages++;
  }
}
const warc = join(work, 'bench.warc.gz');
writeFileSync(warc, buildWarc(records, { gzip: true }));
const warcMb = statSync(warc).size / 1e6;

const config = join(work, 'bench.yaml');
writeFileSync(config, `name: bench\nsources:\n  - name: web\n    kind: warc\n    paths: [${warc}]\ntrain:\n  enabled: false\n`);
const runDir = join(work, 'run');
let t = performance.now();
execFileSync(bin, ['run', config, '--out', runDir, '--workers', '1'], { stdio: ['ignore', 'ignore', 'inherit'] });
const runSeconds = (performance.now() - t) / 1000;

t = performance.now();
execFileSync('sh', ['-c', `zcat '${warc}' > /dev/null`]);
const zcatSeconds = (performance.now() - t) / 1000;

const stageNames = readdirSync(join(runDir, 'tasks')).map((f) => f.replace(/\.json$/, ''));
const order = ['extract', 'dedup', 'tokenizer', 'tokenize', 'manifest', 'report'];
const rank = (s: string) => order.findIndex((o) => s.startsWith(o));
stageNames.sort((a, b) => rank(a) - rank(b));

console.log(`input: ${pages} real pages, one CC-shaped WARC of ${warcMb.toFixed(1)} MB (gzip per record); whole run ${runSeconds.toFixed(1)} s on 1 worker`);
console.log(`anchor: zcat of the WARC ${(warcMb / zcatSeconds).toFixed(1)} MB/s`);
console.log('stage            tasks  s/task   docs/s/task  MB/s/task  peak RSS of task 0 (cc-pretrain task)');
for (const stage of stageNames) {
  const plan = JSON.parse(readFileSync(join(runDir, 'tasks', `${stage}.json`), 'utf8')) as TaskSpec[];
  if (plan.length === 0) continue;
  const stats = plan.map((task) => JSON.parse(readFileSync(join(runDir, 'stats', stage, `${task.id}.json`), 'utf8')) as TaskStats);
  const seconds = stats.reduce((s, x) => s + x.seconds, 0);
  const docs = stats.reduce((s, x) => s + (x.counters['docs.in'] ?? 0), 0);
  const mb = stats.reduce((s, x) => s + (x.counters['bytes.in'] ?? 0), 0) / 1e6;
  const marker = join(runDir, 'markers', stage, `${plan[0]!.id}.done`);
  if (existsSync(marker)) rmSync(marker);
  const timed = spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M', bin, 'task', runDir, stage, '0'], { encoding: 'utf8' });
  const rss = /maxrss_kb=(\d+)/.exec(timed.stderr)?.[1];
  console.log(
    [
      stage.padEnd(16),
      String(plan.length).padStart(5),
      (seconds / plan.length).toFixed(2).padStart(7),
      (docs ? (docs / seconds).toFixed(0) : '-').padStart(12),
      (mb ? (mb / seconds).toFixed(2) : '-').padStart(10),
      rss ? `  ${(Number(rss) / 1024).toFixed(0)} MB` : `  (time failed: ${timed.stderr.trim().split('\n').at(-1)})`,
    ].join(' '),
  );
}
const extract = stageNames.includes('extract')
  ? (JSON.parse(readFileSync(join(runDir, 'stats', 'extract', 'web', '00000.json'), 'utf8')) as TaskStats)
  : undefined;
if (extract) {
  const mbps = (extract.counters['bytes.in'] ?? 0) / 1e6 / extract.seconds;
  console.log(`extract vs zcat: ${(warcMb / zcatSeconds / mbps).toFixed(0)}x slower than decompression alone`);
  console.log(`a 1.1 GB Common Crawl WARC at this rate: about ${(1100 / mbps / 60).toFixed(0)} min per extract task`);
}
rmSync(work, { recursive: true, force: true });
