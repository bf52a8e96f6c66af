// MinHash signatures and duplicate clusters beside datatrove (the anchor) and the npm `minhash`
// package, on the same documents, in the same run:
//   node_modules/.bin/node bench/dedup/signatures.ts   (needs bench/.venv and bench/dedup/.venv: bash bench/setup.sh)
// Prints signature throughput per core (ratios vs datatrove, from interleaved rounds: ours, npm
// minhash, datatrove as shipped, datatrove as FineWeb ran it, and again; --rounds N, default 3;
// min and median of the per-round CPU-second ratios), whether every document's 112 hashes
// equal datatrove's (fineweb-compat vs datatrove with FineWeb-era normalisation), and whether the
// duplicate clusters are identical; writes bench/results/dedup/signatures.json.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createSignatureSink, dedupStages } from '../../dedup/index.ts';
import { createMinHasher } from '../../dedup/minhash.ts';
import { joinedWords, simplifyText } from '../../dedup/normalize.ts';
import { runStages, testConfig } from '../../test/dedup/stage-harness.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { buildCorpus, type BenchDoc } from './corpus.ts';

const repo = resolve(import.meta.dirname, '../..');
const outDir = join(repo, 'bench/results/dedup');
/** datatrove 0.10.1 in bench/dedup/.venv; datatrove 0.2.0 (what FineWeb ran) in the shared bench/.venv. */
const pythonFor = (mode: string) => join(repo, mode === 'fineweb' ? 'bench/.venv/bin/python' : 'bench/dedup/.venv/bin/python');

/** CPU seconds of this process: the machine is shared, and every side here is single-threaded. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** One pass over the corpus, after a warm-up outside the timer. */
function timeSignatures(docs: readonly BenchDoc[], hash: 'fineweb-compat' | 'fast'): number {
  const m = createMinHasher({ bands: 14, rows: 8, ngram: 5, seed: 1, hash });
  for (const d of docs.slice(0, 200)) m.signature(d.text);
  const t0 = cpuSeconds();
  for (const d of docs) m.signature(d.text);
  return cpuSeconds() - t0;
}

const minMedian = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0]!.toFixed(2)}×, median ${s[s.length >> 1]!.toFixed(2)}×`;
};

/** npm `minhash` 0.0.9 with 112 permutations over the same normalised 5-gram shingles. */
function timeNpmMinhash(docs: readonly BenchDoc[]): number {
  const { Minhash } = createRequire(import.meta.url)('minhash') as { Minhash: new (o: { numPerm: number; seed: number }) => { update(s: string): void } };
  const t0 = cpuSeconds();
  for (const d of docs) {
    const words = joinedWords(simplifyText(d.text)).split(' ');
    const m = new Minhash({ numPerm: 112, seed: 1 });
    for (let i = 0; i + 5 <= words.length; i++) m.update(words.slice(i, i + 5).join(' '));
  }
  return cpuSeconds() - t0;
}

/** Our pipeline on the corpus as one extract task; returns clusters (doc index lists) and timings. */
async function ours(docs: readonly BenchDoc[]): Promise<{ clusters: number[][]; sigs: BigUint64Array; stage1: number; stages: number }> {
  const runDir = join(outDir, 'ours-run');
  rmSync(runDir, { recursive: true, force: true });
  const config = testConfig({});
  const t0 = cpuSeconds();
  const sink = await createSignatureSink(runDir, config.dedup, { id: 'web/00000', source: 'web' });
  docs.forEach((d, row) => sink.add({ id: d.id, text: d.text, source: 'web', file: 'bench', meta: {} }, row));
  await sink.close();
  const stage1 = cpuSeconds() - t0;
  const t1 = cpuSeconds();
  await runStages(dedupStages, runDir, config);
  const stages = cpuSeconds() - t1;
  // Cluster membership from our pair files (the stages only keep what tokenize needs).
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let p = parent.get(x) ?? x;
    if (p !== x) parent.set(x, (p = find(p)));
    return p;
  };
  // One dedup group here (one source, not a crawl): dedup/pairs/<group>/band_<BB>/<WWW>.dups.
  const pairsRoot = join(runDir, 'dedup/pairs');
  const bands = readdirSync(pairsRoot).flatMap((group) => readdirSync(join(pairsRoot, group)).map((band) => join(pairsRoot, group, band)));
  for (const band of bands) {
    for (const f of readdirSync(band)) {
      const w = new Uint32Array(new Uint8Array(readFileSync(join(band, f))).buffer);
      for (let i = 0; i < w.length; i += 4) {
        for (const x of [w[i + 1]!, w[i + 3]!]) if (!parent.has(x)) parent.set(x, x);
        const a = find(w[i + 1]!);
        const b = find(w[i + 3]!);
        if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const x of [...parent.keys()].sort((a, b) => a - b)) {
    const r = find(x);
    groups.set(r, [...(groups.get(r) ?? []), x]);
  }
  const m = createMinHasher({ bands: 14, rows: 8, ngram: 5, seed: 1, hash: 'fineweb-compat' });
  const sigs = new BigUint64Array(docs.length * 112);
  docs.forEach((d, i) => {
    const s = m.signature(d.text);
    if (s) for (let k = 0; k < 112; k++) sigs[i * 112 + k] = (BigInt(s[2 * k]!) << 32n) | BigInt(s[2 * k + 1]!);
  });
  return { clusters: [...groups.values()].filter((g) => g.length > 1), sigs, stage1, stages };
}

interface DatatroveResult {
  docs: number;
  compute_s: number;
  stage1_s: number;
  stage2_s: number;
  stage3_s: number;
  clusters: Record<string, number>;
  removed: number[];
}

function datatrove(corpusPath: string, mode: 'fineweb' | 'shipped'): { result: DatatroveResult; sigs: BigUint64Array; clusters: number[][] } {
  const dir = join(outDir, `datatrove-${mode}`);
  rmSync(dir, { recursive: true, force: true });
  const stdout = execFileSync(pythonFor(mode), [join(repo, 'bench/dedup/datatrove_minhash.py'), corpusPath, dir, mode], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 28,
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as DatatroveResult;
  const sigs = new BigUint64Array(new Uint8Array(readFileSync(join(dir, 'signatures.bin'))).buffer);
  const groups = new Map<number, number[]>();
  for (const [doc, cid] of Object.entries(result.clusters)) groups.set(cid, [...(groups.get(cid) ?? []), Number(doc)]);
  return { result, sigs, clusters: [...groups.values()].map((g) => g.sort((a, b) => a - b)).filter((g) => g.length > 1) };
}

function compareClusters(a: number[][], b: number[][]): { identical: number; onlyOurs: number[][]; onlyTheirs: number[][] } {
  const key = (g: number[]) => g.join(',');
  const sa = new Set(a.map(key));
  const sb = new Set(b.map(key));
  return {
    identical: a.filter((g) => sb.has(key(g))).length,
    onlyOurs: a.filter((g) => !sb.has(key(g))),
    onlyTheirs: b.filter((g) => !sa.has(key(g))),
  };
}

function differingSignatures(a: BigUint64Array, b: BigUint64Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 112; k++) {
      if (a[i * 112 + k] !== b[i * 112 + k]) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

async function main(): Promise<void> {
  const data = sharedDataDir();
  if (!data) throw new Error('bench/dedup needs ../shared/data (or CC_PRETRAIN_SHARED)');
  mkdirSync(outDir, { recursive: true });
  const docs = buildCorpus(data);
  const corpusPath = join(outDir, 'corpus.jsonl');
  writeFileSync(corpusPath, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const mb = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1e6;
  console.log(`corpus: ${docs.length} documents, ${mb.toFixed(1)} MB (real gold texts + planted near-duplicates)`);

  const roundsArg = process.argv.indexOf('--rounds');
  const ROUNDS = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 3;
  const npmDocs = docs.slice(0, 100);
  type Round = { compatS: number; fastS: number; npmS: number; our: Awaited<ReturnType<typeof ours>>; shipped: ReturnType<typeof datatrove>; fineweb: ReturnType<typeof datatrove> };
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const compatS = timeSignatures(docs, 'fineweb-compat');
    const fastS = timeSignatures(docs, 'fast');
    const npmS = timeNpmMinhash(npmDocs);
    const our = await ours(docs);
    rounds.push({ compatS, fastS, npmS, our, shipped: datatrove(corpusPath, 'shipped'), fineweb: datatrove(corpusPath, 'fineweb') });
    process.stderr.write(`round ${r + 1}/${ROUNDS} done\n`);
  }
  const { our, shipped, fineweb } = rounds[rounds.length - 1]!;

  // Per round: datatrove's CPU seconds over ours for the same documents (npm: per document, 100 of them).
  const perDoc = (s: number, n: number) => s / n;
  const vsShipped = (f: (x: Round) => number) => rounds.map((x) => perDoc(x.shipped.result.compute_s, docs.length) / f(x));
  const rows: [string, number[]][] = [
    ['cc-pretrain fineweb-compat', vsShipped((x) => perDoc(x.compatS, docs.length))],
    ['cc-pretrain fast', vsShipped((x) => perDoc(x.fastS, docs.length))],
    ['npm minhash 0.0.9 (100 docs)', vsShipped((x) => perDoc(x.npmS, npmDocs.length))],
    ['datatrove 0.2.0 as FineWeb ran it (NLTK)', vsShipped((x) => perDoc(x.fineweb.result.compute_s, docs.length))],
  ];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  console.log(`\nsignatures, one thread, documents in memory; ${ROUNDS} interleaved rounds; speed vs datatrove 0.10.1 as shipped (spaCy, HEAD norm) = its CPU-s per document / the row's:`);
  console.log(`  ${'datatrove 0.10.1 as shipped'.padEnd(42)} ${(docs.length / median(rounds.map((x) => x.shipped.result.compute_s))).toFixed(0).padStart(7)} docs/CPU-s (median)`);
  for (const [name, ratios] of rows) console.log(`  ${name.padEnd(42)} ${minMedian(ratios)}`);
  console.log(`\nstage 1 end to end (signatures + sorted files), datatrove / ours CPU-s: ${minMedian(rounds.map((x) => x.shipped.result.stage1_s / x.our.stage1))} (last round: ours ${our.stage1.toFixed(2)} s, datatrove ${shipped.result.stage1_s.toFixed(2)} s)`);
  console.log(`stages 2-3 (buckets + clusters), datatrove / ours CPU-s: ${minMedian(rounds.map((x) => (x.shipped.result.stage2_s + x.shipped.result.stage3_s) / x.our.stages))} (last round: ours ${our.stages.toFixed(2)} s, datatrove ${(shipped.result.stage2_s + shipped.result.stage3_s).toFixed(2)} s)`);

  const sigDiffShipped = differingSignatures(our.sigs, shipped.sigs, docs.length);
  const sigDiffFineweb = differingSignatures(our.sigs, fineweb.sigs, docs.length);
  const cmpFineweb = compareClusters(our.clusters, fineweb.clusters);
  const cmpShipped = compareClusters(our.clusters, shipped.clusters);
  console.log('');
  console.log(`fineweb-compat vs datatrove 0.2.0 as FineWeb ran it (NLTK word_tokenize): ${docs.length - sigDiffFineweb.length}/${docs.length} documents with identical hashes`);
  console.log(`  clusters: ours ${our.clusters.length}, datatrove ${fineweb.clusters.length}, identical ${cmpFineweb.identical}, only ours ${cmpFineweb.onlyOurs.length}, only datatrove ${cmpFineweb.onlyTheirs.length}`);
  const explainFw = (groups: number[][]) => groups.map((g) => g.map((i) => `${docs[i]!.id}${sigDiffFineweb.includes(i) ? '*' : ''}`).join(' + '));
  for (const g of explainFw(cmpFineweb.onlyOurs)) console.log(`    ours:      ${g}`);
  for (const g of explainFw(cmpFineweb.onlyTheirs)) console.log(`    datatrove: ${g}`);
  const nltkDiffs = sigDiffFineweb.slice(0, 5).map((i) => docs[i]!.id);
  if (nltkDiffs.length > 0) console.log(`  (* = signature differs from datatrove 0.2.0's: ${nltkDiffs.join(', ')})`);
  console.log(`fineweb-compat vs datatrove as shipped (HEAD norm, spaCy): ${docs.length - sigDiffShipped.length}/${docs.length} documents with identical hashes`);
  console.log(`  clusters: ours ${our.clusters.length}, datatrove ${shipped.clusters.length}, identical ${cmpShipped.identical}, only ours ${cmpShipped.onlyOurs.length}, only datatrove ${cmpShipped.onlyTheirs.length}`);
  const explain = (groups: number[][]) => groups.map((g) => g.map((i) => `${docs[i]!.id}${sigDiffShipped.includes(i) ? '*' : ''}`).join(' + '));
  if (cmpShipped.onlyOurs.length + cmpShipped.onlyTheirs.length > 0) {
    console.log('  differing clusters (* = signature differs because of normalisation/tokenizer version):');
    for (const g of explain(cmpShipped.onlyOurs)) console.log(`    ours:      ${g}`);
    for (const g of explain(cmpShipped.onlyTheirs)) console.log(`    datatrove: ${g}`);
  }
  writeFileSync(
    join(outDir, 'signatures.json'),
    JSON.stringify(
      {
        docs: docs.length,
        mb,
        rounds: ROUNDS,
        speed_vs_datatrove_shipped: Object.fromEntries(rows),
        ours_stage1_s: our.stage1,
        ours_stages_s: our.stages,
        datatrove_shipped: { ...shipped.result, clusters: undefined },
        datatrove_fineweb: { ...fineweb.result, clusters: undefined },
        identical_signatures_fineweb: docs.length - sigDiffFineweb.length,
        clusters_fineweb: { ours: our.clusters.length, datatrove: fineweb.clusters.length, identical: cmpFineweb.identical, only_ours: explainFw(cmpFineweb.onlyOurs), only_datatrove: explainFw(cmpFineweb.onlyTheirs) },
        identical_signatures_shipped: docs.length - sigDiffShipped.length,
        clusters_shipped: { ours: our.clusters.length, datatrove: shipped.clusters.length, identical: cmpShipped.identical, only_ours: explain(cmpShipped.onlyOurs), only_datatrove: explain(cmpShipped.onlyTheirs) },
      },
      null,
      2,
    ),
  );
}

await main();
