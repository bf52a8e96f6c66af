// Where our `extract` spends its CPU per page: one `cc-pretrain extract --workers 1` under
// `--cpu-prof` on a Common-Crawl-shaped WARC of N real pages and one on a one-page WARC (the same
// start-up, module compilation, list/model loads and WASM compilation); the difference, by pipeline
// step, is the per-page work. Every thread's profile counts (the task runs in a worker thread).
// fineweb.ts prints the same split after its timed rounds.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/profile.ts [--pages N]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBenchWarc } from './build-warc.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const out = path.join(root, 'bench/results/ingest');

/** The WARC of `n` bench pages and the bench config naming it (default config). */
export async function benchInput(n: number): Promise<{ warc: string; config: string }> {
  mkdirSync(out, { recursive: true });
  const warc = path.join(out, `cc-shaped-${n}.warc.gz`);
  if (!existsSync(warc)) console.log('building', warc, await buildBenchWarc(warc, 1, n));
  const name = `bench-${n}`;
  const config = path.join(out, `${name}.yaml`);
  // JSON is YAML.
  const cfg = { name, sources: [{ name: 'web', kind: 'warc', paths: [warc] }], executor: { kind: 'local' } };
  writeFileSync(config, JSON.stringify(cfg, null, 2));
  return { warc, config };
}

const STEPS: [string, RegExp][] = [
  ['read (WARC, gzip)', /ingest\/(warc-records|gzip-members|byte-stream|http-payload|warc-documents|read-documents|input-ref)\.ts|node:zlib/],
  ['decode (charset)', /ingest\/charset(-detect)?\.ts|iconv-lite|chardet/],
  ['HTML parse + extract', /ingest\/(html-|regex-prefilter\.ts|collapse-space\.ts|unpin-string\.ts)|htmlparser2|entities|domhandler/],
  ['language id', /filters\/(lang-id|fasttext-model)\.ts/],
  ['UT1 list load', /filters\/(line-set|ut1)\.ts/],
  ['URL filter', /filters\/url-filter\.ts|tldts/],
  ['word tokenisation', /filters\/(words|sentences)\.ts/],
  ['Gopher', /filters\/(gopher-quality|gopher-repetition|ngram-hash)\.ts/],
  ['C4 / FineWeb', /filters\/(c4-quality|c4-badwords|fineweb-quality|punctuation|text)\.ts/],
  ['PII', /filters\/pii\.ts/],
  ['MinHash', /\/dedup\//],
  ['Parquet', /parquet-wasm|apache-arrow|pipeline\/doc-store/],
  ['filter pipeline, stats', /filters\/index\.ts|pipeline\/stats\.ts|report\//],
  // One-time work that varies between the two runs, so it can show up in their difference.
  ['module loading', /node:internal\/modules\//],
];
const OTHER = 'start-up, pipeline, other';

/** Node's own modules that are a step of their own; any other `node:` frame is its caller's. */
const NODE_STEPS = /^node:(zlib|internal\/modules\/)/;

/** The step a frame of this script URL belongs to, or undefined when it counts for its caller's (see stepMillis). */
export function frameStep(url: string): string | undefined {
  if (!url || url.startsWith('wasm:') || url.includes('internal/deps/amaro') || (url.startsWith('node:') && !NODE_STEPS.test(url))) return undefined;
  for (const [name, re] of STEPS) if (re.test(url)) return name;
  return OTHER;
}

/**
 * CPU milliseconds by step over every `.cpuprofile` in `dir`. Frames without a file (builtins,
 * regexps), WASM frames, Node's TypeScript stripper (itself WASM) and Node's library code
 * (`node:buffer`'s `toString` decoding a page, `node:internal/encoding`) count for their
 * caller's step: WASM is Parquet's writer when doc-store calls it, the type stripper when the
 * module loader does. (Filed under "other", `node:` frames and the HTML path's helper modules
 * were 10 points of the 12 % "start-up, pipeline, other" of 2026-12-06.)
 */
export function stepMillis(dir: string): Map<string, number> {
  const total = new Map<string, number>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[]; samples: number[]; timeDeltas: number[] };
    const parent = new Map<number, number>();
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const stepOf = (id: number): string => {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = byId.get(cur)!;
        if (n.callFrame.functionName === '(garbage collector)') return 'GC';
        const step = frameStep(n.callFrame.url);
        if (step !== undefined) return step;
      }
      return OTHER;
    };
    p.samples.forEach((id, i) => {
      if (byId.get(id)!.callFrame.functionName === '(idle)') return;
      const s = stepOf(id);
      total.set(s, (total.get(s) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    });
  }
  return total;
}

/** Runs our extract under the profiler; returns the per-step CPU milliseconds. */
export function profiledExtract(config: string, name: string): Map<string, number> {
  const dir = path.join(out, `profile-${name}`);
  const runDir = path.join(out, `run-profile-${name}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(runDir, { recursive: true, force: true });
  execFileSync(path.join(root, 'node_modules/.bin/node'), ['--cpu-prof', `--cpu-prof-dir=${dir}`, path.join(root, 'cli/main.ts'), 'extract', config, '--out', runDir, '--workers', '1'], { cwd: root, stdio: 'ignore' });
  return stepMillis(dir);
}

/** The per-page split (N-page profile minus one-page profile) as printable lines, and the one-time total. */
export function perPageSplit(full: Map<string, number>, one: Map<string, number>, pages: number): string[] {
  const steps = new Set([...full.keys(), ...one.keys()]);
  const diff = [...steps].map((s): [string, number] => [s, Math.max(0, (full.get(s) ?? 0) - (one.get(s) ?? 0))]).sort((a, b) => b[1] - a[1]);
  const per = diff.reduce((a, [, v]) => a + v, 0);
  const once = [...one.values()].reduce((a, v) => a + v, 0);
  return [
    `per-page work: ${(per / 1000).toFixed(2)} CPU-s for ${pages - 1} pages (${((pages - 1) / (per / 1000)).toFixed(1)} pages per profiled CPU-second); one-time (one-page run): ${(once / 1000).toFixed(2)} CPU-s`,
    ...diff.map(([k, v]) => `  ${k.padEnd(28)} ${(100 * v / per).toFixed(1).padStart(5)} %  ${(v / (pages - 1)).toFixed(2)} ms/page`),
  ];
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '600' } } });
  const n = Number(values.pages);
  const full = await benchInput(n);
  const one = await benchInput(1);
  const split = perPageSplit(profiledExtract(full.config, 'full'), profiledExtract(one.config, 'one'), n);
  console.log(`our per-step CPU (profile of ${n} pages minus one page, default config, UT1 cache):`);
  for (const l of split) console.log(l);
}
