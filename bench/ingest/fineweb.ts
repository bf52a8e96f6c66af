// bench/ingest FineWeb first stage: our `cc-pretrain extract --workers 1` (default config, the
// fineweb preset with the UT1 lists) beside datatrove's FineWeb first stage (WarcReader → URL →
// Trafilatura → language → Gopher ×2 → C4 → FineWeb → MinHash signatures), datatrove 0.2.0 (the code
// FineWeb ran, bench/ingest/.venv) and the latest release (bench/ingest/datatrove-latest/.venv), on
// the same Common-Crawl-shaped WARC of real pages (scrapinghub, WCXB dev, the html-cleaning sets;
// raw bytes), interleaved rounds (ours, 0.2.0, latest, …), CPU seconds of each process.
// One-time costs are outside both timers: datatrove loads its UT1 lists, the model and Punkt before
// its timer; our process's start-up and loads are measured by the same command on a one-page WARC
// in each round and subtracted (shown apart as "start-up + loads"). Then one profiled run of ours
// gives the per-step CPU shares of the main thread.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/fineweb.ts [--pages N] [--rounds N] [--no-latest]
//        (after `bash bench/setup.sh`)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBenchWarc } from './build-warc.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(root, 'bench/results/ingest');
const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' }, 'no-latest': { type: 'boolean', default: false } } });
const nPages = Number(values.pages);
const rounds = Number(values.rounds);
mkdirSync(out, { recursive: true });

const warc = path.join(out, `cc-shaped-${nPages}.warc.gz`);
const one = path.join(out, 'cc-shaped-1.warc.gz');
if (!existsSync(warc)) console.log('building', warc, await buildBenchWarc(warc, 1, nPages));
if (!existsSync(one)) await buildBenchWarc(one, 1, 1);
const ut1 = path.join(out, 'ut1');
if (!existsSync(path.join(ut1, 'adult/domains'))) {
  mkdirSync(ut1, { recursive: true });
  execFileSync('tar', ['xzf', path.join(root, 'bench/.venv/lib/python3.11/site-packages/datatrove/assets/url_filterblacklists.tar.gz'), '-C', ut1]);
}
const config = (input: string, name: string): string => {
  const file = path.join(out, `${name}.yaml`);
  // JSON is YAML: the default config, the UT1 lists named as datatrove loads them.
  const cfg = { name, sources: [{ name: 'web', kind: 'warc', paths: [input] }], filters: { url: { domain_lists: [path.join(ut1, 'adult/domains')], url_lists: [path.join(ut1, 'adult/urls')] } }, executor: { kind: 'local' } };
  writeFileSync(file, JSON.stringify(cfg, null, 2));
  return file;
};
const fullCfg = config(warc, 'bench-full');
const oneCfg = config(one, 'bench-one');

interface Run {
  cpu_s: number;
  wall_s: number;
  max_rss_mb: number;
  docs_out?: number;
  pages?: number;
}

/** CPU (user + sys of the process and its waited children), peak RSS and wall time via GNU time. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { run: Run; stdout: string } {
  const tf = path.join(out, 'time.txt');
  const stdout = execFileSync('/usr/bin/time', ['-o', tf, '-f', '%U %S %M %e', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env, stdio: ['ignore', 'pipe', 'ignore'] });
  const [u, s, m, e] = readFileSync(tf, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { run: { cpu_s: u! + s!, wall_s: e!, max_rss_mb: m! / 1024 }, stdout };
}

const node = path.join(root, 'node_modules/.bin/node');
function ours(cfg: string, extra: string[] = []): Run {
  const dir = path.join(out, 'run-ours');
  rmSync(dir, { recursive: true, force: true });
  const { run } = timed(node, [...extra, path.join(root, 'cli/main.ts'), 'extract', cfg, '--out', dir, '--workers', '1']);
  const stats = JSON.parse(readFileSync(path.join(dir, 'stats/extract/web/00000.json'), 'utf8')) as { counters: Record<string, number> };
  return { ...run, docs_out: stats.counters['docs.out'] ?? 0, pages: stats.counters['html.responses'] ?? 0 };
}
function datatrove(python: string): Run {
  const sig = path.join(out, 'signatures');
  rmSync(sig, { recursive: true, force: true });
  const { run, stdout } = timed(python, [path.join(here, 'run_datatrove.py'), warc, sig]);
  const j = JSON.parse(stdout.trim().split('\n').pop()!) as Run;
  // In-process timer around the run (loads excluded); peak RSS of the whole process.
  return { ...j, max_rss_mb: Math.max(j.max_rss_mb, run.max_rss_mb) };
}

const anchors: [string, string][] = [['datatrove 0.2.0', path.join(root, 'bench/ingest/.venv/bin/python')]];
if (!values['no-latest']) anchors.push(['datatrove latest', path.join(root, 'bench/ingest/datatrove-latest/.venv/bin/python')]);
for (const [name, py] of anchors) if (!existsSync(py)) throw new Error(`${name}: ${py} missing; run \`bash bench/setup.sh\``);

const results: { ours: Run; base: Run; anchors: Run[] }[] = [];
for (let r = 0; r < rounds; r++) {
  const o = ours(fullCfg);
  const b = ours(oneCfg);
  const a = anchors.map(([, py]) => datatrove(py));
  results.push({ ours: o, base: b, anchors: a });
  console.log(`round ${r + 1}: ours ${o.cpu_s.toFixed(1)} CPU-s (start-up + loads ${b.cpu_s.toFixed(1)}), ${anchors.map(([n], i) => `${n} ${a[i]!.cpu_s.toFixed(1)}`).join(', ')}`);
}

// Per-step shares of our main thread: one profiled run.
const profDir = path.join(out, 'profile');
rmSync(profDir, { recursive: true, force: true });
ours(fullCfg, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
const shares = stepShares(profDir);

const compressed = statSync(warc).size;
const net = (x: { ours: Run; base: Run }) => x.ours.cpu_s - x.base.cpu_s;
const sorted = (xs: number[]) => [...xs].sort((p, q) => p - q);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const pagesOf = anchors.length ? results[0]!.anchors[0]!.pages ?? nPages : nPages;
console.log(`\ninput: ${warc}\n  ${nPages} HTML pages (${pagesOf} read by datatrove's WarcReader), ${(compressed / 1e6).toFixed(1)} MB gz; ${rounds} interleaved rounds\n`);
console.log('| system | CPU s (median) | pages per CPU-second | MB of .gz per CPU-second | docs out | peak RSS |');
console.log('|---|---|---|---|---|---|');
const row = (name: string, cpus: number[], docs: number | undefined, rss: number) =>
  console.log(`| ${name} | ${median(cpus).toFixed(1)} | ${(nPages / median(cpus)).toFixed(1)} | ${(compressed / 1e6 / median(cpus)).toFixed(2)} | ${docs ?? '-'} | ${rss.toFixed(0)} MB |`);
row('cc-pretrain `extract --workers 1` (start-up and loads excluded)', results.map(net), results[0]!.ours.docs_out, Math.max(...results.map((x) => x.ours.max_rss_mb)));
console.log(`| cc-pretrain start-up + UT1 lists + model (one-page WARC) | ${median(results.map((x) => x.base.cpu_s)).toFixed(1)} | - | - | - | ${Math.max(...results.map((x) => x.base.max_rss_mb)).toFixed(0)} MB |`);
anchors.forEach(([name], i) => row(`${name} FineWeb first stage`, results.map((x) => x.anchors[i]!.cpu_s), results[0]!.anchors[i]!.docs_out, Math.max(...results.map((x) => x.anchors[i]!.max_rss_mb))));
console.log('');
anchors.forEach(([name], i) => {
  const ratios = results.map((x) => x.anchors[i]!.cpu_s / net(x));
  console.log(`pages per CPU-second, ours / ${name}: min ${Math.min(...ratios).toFixed(1)}×, median ${median(ratios).toFixed(1)}× (per-round: ${ratios.map((v) => v.toFixed(1)).join(', ')})`);
});
console.log('\nour per-step CPU shares (main thread profile):');
for (const [k, v] of shares) console.log(`  ${k.padEnd(28)} ${(100 * v).toFixed(1)} %`);
writeFileSync(path.join(out, 'fineweb-results.json'), JSON.stringify({ warc, nPages, compressed, rounds: results, anchors: anchors.map(([n]) => n), shares: Object.fromEntries(shares) }, null, 2));

/** Self time by pipeline step; frames without a file (builtins, regexps) count for their caller's step. */
function stepShares(dir: string): [string, number][] {
  const STEPS: [string, RegExp][] = [
    ['read (WARC, gzip)', /ingest\/(warc-records|gzip-members|byte-stream|http-payload|warc-documents|read-documents|input-ref)\.ts|node:zlib/],
    ['decode (charset)', /ingest\/charset\.ts|iconv-lite|chardet/],
    ['HTML parse + extract', /ingest\/html-|htmlparser2|entities|domhandler/],
    ['language id', /filters\/(lang-id|fasttext-model)\.ts/],
    ['UT1 list load (one-time)', /filters\/line-set\.ts/],
    ['URL filter', /filters\/url-filter\.ts|tldts/],
    ['word tokenisation', /filters\/words\.ts/],
    ['Gopher', /filters\/(gopher-quality|gopher-repetition|ngram-hash)\.ts/],
    ['C4 / FineWeb', /filters\/(c4-quality|c4-badwords|fineweb-quality|sentences|punctuation|text)\.ts/],
    ['PII', /filters\/pii\.ts/],
    ['MinHash', /\/dedup\//],
    ['Parquet', /parquet-wasm|apache-arrow|pipeline\/doc-store|^wasm:/],
  ];
  const total = new Map<string, number>();
  let all = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[]; samples: number[]; timeDeltas: number[] };
    const parent = new Map<number, number>();
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const stepOf = (id: number): string => {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = byId.get(cur)!;
        if (n.callFrame.functionName === '(garbage collector)') return 'GC';
        const url = n.callFrame.url;
        if (!url) continue;
        for (const [name, re] of STEPS) if (re.test(url)) return name;
        return 'start-up, pipeline, other';
      }
      return 'start-up, pipeline, other';
    };
    p.samples.forEach((id, i) => {
      if (byId.get(id)!.callFrame.functionName === '(idle)') return;
      const dt = p.timeDeltas[i] ?? 0;
      const s = stepOf(id);
      total.set(s, (total.get(s) ?? 0) + dt);
      all += dt;
    });
  }
  return [...total].map(([k, v]): [string, number] => [k, v / all]).sort((p, q) => q[1] - p[1]);
}
