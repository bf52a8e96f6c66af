// Builds a realistic synthetic run folder (seams.md layout) for the report's tests: run.json,
// stage plans, one TaskStats file per task for every stage, the shard manifest, the training
// plan and log. Values are drawn from a seeded generator so the same options give the same files.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createStats, LENGTH_EDGES, type StatsCollector, type TaskStats } from '../../pipeline/index.ts';
import { createClusterSampler, createDomainCounter } from '../../report/index.ts';
import { createRng } from '../../examples/sample-prng.ts';

export interface MakeRunOptions {
  /** Extract (and tokenize) tasks per source. */
  tasksPerSource?: number;
  /** Documents simulated per extract task (drives every count). */
  docsPerTask?: number;
  /** Which stages have output; default all. */
  stages?: { extract?: boolean; dedup?: boolean; tokenize?: boolean; train?: boolean };
  /** Extract tasks that failed (by global index). */
  failedTasks?: number[];
  seed?: number;
}

const SOURCES = [
  { name: 'web', kind: 'commoncrawl', warc: true, langShare: 0.55 },
  { name: 'news', kind: 'warc', warc: true, langShare: 0.8 },
  { name: 'wiki', kind: 'jsonl', warc: false, langShare: 0.97 },
] as const;

const LANGS = ['en', 'de', 'fr', 'es', 'ru', 'ja', 'zh', 'pt', 'it', 'nl', 'pl', 'tr', 'ko', 'ar', 'sv', 'cs', 'vi', 'id'];
const TLDS = ['com', 'org', 'net', 'de', 'uk', 'fr', 'ru', 'jp', 'io', 'info', 'edu', 'gov', 'nl', 'es'];
const WORDS = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we can'.split(' ');

/** Filters in FineWeb's order with a measured value each (name, edges, sampler, threshold, op, drop rate). */
const FILTERS = [
  { name: 'url', rule: 'soft_blacklisted', metric: 'banned_words', edges: [1, 2, 3, 4], op: '>=', threshold: 1, rate: 0.006, sample: (r: () => number) => (r() < 0.01 ? 1 + Math.floor(r() * 3) : 0) },
  { name: 'language', rule: 'below_threshold', metric: 'score', edges: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9, 0.95, 0.99, 1.000001], op: '<', threshold: 0.65, rate: 0, sample: (r: () => number) => Math.min(1, 0.3 + r() ** 0.4 * 0.7) },
  { name: 'gopher_repetition', rule: 'dup_line_frac', metric: 'dup_line_frac', edges: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7], op: '>', threshold: 0.3, rate: 0.08, sample: (r: () => number) => r() ** 3 * 0.8 },
  { name: 'gopher_quality', rule: 'gopher_below_avg_threshold', metric: 'mean_word_length', edges: [2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8, 10], op: '<', threshold: 3, rate: 0.22, sample: (r: () => number) => 2.2 + r() * 3.6 },
  { name: 'c4_quality', rule: 'too_few_lines', metric: 'terminal_punct_lines', edges: [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], op: '<', threshold: 0.1, rate: 0.06, sample: (r: () => number) => r() },
  { name: 'fineweb_quality', rule: 'line_punct_ratio', metric: 'line_punct_ratio', edges: [0.04, 0.08, 0.12, 0.16, 0.2, 0.3, 0.4, 0.6, 0.8], op: '<=', threshold: 0.12, rate: 0.07, sample: (r: () => number) => r() ** 0.7 },
] as const;

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]!);
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function taskStats(stage: string, task: string, s: StatsCollector, seconds: number, extra: Partial<TaskStats> = {}): TaskStats {
  return { stage, task, ok: true, seconds, counters: s.counters, histograms: s.histograms, examples: s.examples, ...extra };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, JSON.stringify(value, null, 2) + '\n');
}

function randomDomain(r: () => number, source: string): { domain: string; tld: string } {
  const tld = TLDS[Math.floor(r() ** 2 * TLDS.length)]!;
  const n = Math.floor(r() ** 3 * 400);
  return { domain: `${source}-site${n}.${tld}`, tld };
}

export async function makeRun(dir: string, options: MakeRunOptions = {}): Promise<void> {
  const perSource = options.tasksPerSource ?? 3;
  const docsPerTask = options.docsPerTask ?? 400;
  const stages = { extract: true, dedup: true, tokenize: true, train: true, ...options.stages };
  const failed = new Set(options.failedTasks ?? []);
  const rng = createRng(options.seed ?? 7);
  const r = rng.next;

  await writeJson(join(dir, 'run.json'), {
    config: {
      name: 'sample',
      sources: SOURCES.map((s) => ({ name: s.name, kind: s.kind })),
      report: { enabled: true, top_n: 12, examples: 3 },
    },
    config_hash: '3f9c2a71d0e4b58c',
  });

  const keptBySource = new Map<string, number[]>();
  let global = 0;
  if (stages.extract) {
    const plan: { id: string; label: string; source: string }[] = [];
    for (const src of SOURCES) {
      const kept: number[] = [];
      for (let t = 0; t < perSource; t++, global++) {
        const id = `${src.name}/${String(t).padStart(5, '0')}`;
        const input = src.warc ? `s3://commoncrawl/crawl-data/CC-MAIN-2024-10/segments/${1707947473347 + t}/warc/CC-MAIN-${t}.warc.gz` : `data/${src.name}-${t}.jsonl.gz`;
        plan.push({ id, label: input, source: src.name });
        const s = createStats();
        if (failed.has(global)) {
          await writeJson(join(dir, 'stats', 'extract', `${id}.json`), taskStats('extract', id, s, 0.4 + r(), {
            source: src.name,
            input,
            ok: false,
            error: `cannot download ${input}: HTTP 503 Service Unavailable after 8 retries`,
          }));
          kept.push(0);
          continue;
        }
        const extracted = Math.round(docsPerTask * (0.9 + r() * 0.2));
        let bytesIn = 0;
        if (src.warc) {
          const html = Math.round(extracted / (0.86 + r() * 0.06));
          const responses = Math.round(html / 0.93);
          s.count('records.warcinfo', 1);
          s.count('records.request', responses);
          s.count('records.response', responses);
          s.count('records.metadata', responses);
          s.count('html.responses', html);
          s.count('skipped.not_html', responses - html);
          s.count('extract.empty', html - extracted);
          s.count('errors.charset', Math.floor(r() * 3));
          bytesIn = responses * 46_000;
        } else bytesIn = extracted * 5_200;
        s.count('extract.ok', extracted);
        s.count('docs.in', extracted);
        s.count('bytes.in', bytesIn);
        let remaining = extracted;
        const domains = createDomainCounter(s, 40);
        for (let d = 0; d < extracted; d++) {
          const dom = randomDomain(r, src.name);
          const doc = { url: `https://www.${dom.domain}/${WORDS[d % WORDS.length]}/${d}.html` };
          const chars = Math.round(150 * Math.exp(r() * 5.5));
          s.observe('extract.text_chars', chars, LENGTH_EDGES);
          let dropped: string | undefined;
          for (const f of FILTERS) {
            const v = f.name === 'language' ? (r() < src.langShare ? 0.65 + r() * 0.35 : r() * 0.65) : f.sample(r);
            s.observe(`filter.${f.name}.${f.metric}`, v, f.edges);
            if (f.name === 'language') s.count(`docs.lang.${v >= 0.65 ? 'en' : LANGS[1 + Math.floor(r() ** 1.5 * (LANGS.length - 1))]!}`);
            const drop =
              f.name === 'language' ? v < 0.65 : f.name === 'url' ? v >= 1 : f.op === '<' || f.op === '<=' ? r() < f.rate && true : v > f.threshold;
            if (drop) {
              dropped = f.name;
              const shown = f.name === 'gopher_quality' ? 2 + r() * 0.99 : f.name === 'c4_quality' || f.name === 'fineweb_quality' ? r() * f.threshold : v;
              s.example(`drop.${f.name}`, {
                id: `<urn:uuid:${src.name}-${t}-${d}>`,
                url: doc.url,
                reason: `${f.name}: ${f.metric} ${Number(shown.toPrecision(4))} ${f.op} ${f.threshold} (${f.rule})`,
                text: [sentence(r, 6), sentence(r, 12), 'Home | About | Contact | Login', sentence(r, 9)].join('\n'),
              });
              break;
            }
          }
          domains.add(doc, !dropped);
          if (!dropped) s.observe('length.chars', chars, LENGTH_EDGES);
          if (dropped) {
            s.count(`drop.${dropped}`);
            s.count(`filter.${dropped}.${FILTERS.find((f) => f.name === dropped)!.rule}`);
            remaining--;
          }
        }
        domains.flush();
        s.count('filter.kept', remaining);
        s.count('filter.c4_badwords.no_list.ja', 2);
        s.count('docs.out', remaining);
        s.count('bytes.out', remaining * 1_900);
        kept.push(remaining);
        await writeJson(join(dir, 'stats', 'extract', `${id}.json`), taskStats('extract', id, s, extracted / (180 + r() * 60), { source: src.name, input }));
      }
      keptBySource.set(src.name, kept);
    }
    await writeJson(join(dir, 'tasks', 'extract.json'), plan);
  }

  if (stages.dedup) {
    for (let band = 0; band < 14; band++) {
      const s = createStats();
      const id = String(band).padStart(5, '0');
      s.count('docs.in', [...keptBySource.values()].flat().reduce((a, b) => a + b, 0));
      s.count('dedup.pairs', Math.floor(r() * 900));
      s.count('bytes.in', 2_000_000 + Math.floor(r() * 1e6));
      await writeJson(join(dir, 'stats', 'dedup-buckets', `${id}.json`), taskStats('dedup-buckets', id, s, 1.5 + r()));
    }
    const s = createStats();
    const clusterEdges = [2, 3, 4, 6, 10, 20, 50, 100, 1000];
    for (let c = 0; c < 300; c++) {
      const size = Math.max(2, Math.round(2 / (r() + 0.004)));
      s.observe('dedup.cluster_size', size, clusterEdges);
    }
    s.count('dedup.clusters', 300);
    await writeJson(join(dir, 'stats', 'dedup-clusters', '00000.json'), taskStats('dedup-clusters', '00000', s, 3.2));
  }

  if (stages.tokenize) {
    const s = createStats();
    s.count('tokenizer.vocab_size', 32768);
    s.count('bytes.in', 100 * 1024 * 1024);
    await writeJson(join(dir, 'stats', 'tokenizer', 'tokenizer.json'), taskStats('tokenizer', 'tokenizer', s, 61.5));
    const manifest = { version: 1, tokenizer: { path: '../tokenizer/tokenizer.json', sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', vocab_size: 32768, eot_id: 0 }, dtype: 'uint16', shards: [] as object[], sources: {} as Record<string, { shards: number; rows: number; tokens: number; bytes: number }> };
    const bpt = { web: 4.3, news: 4.6, wiki: 4.9 } as Record<string, number>;
    for (const [source, kept] of keptBySource) {
      const total = { shards: 0, rows: 0, tokens: 0, bytes: 0 };
      for (const [t, docs] of kept.entries()) {
        if (!docs) continue;
        const id = `${source}/${String(t).padStart(5, '0')}`;
        const ts = createStats();
        const removed = Math.round(docs * (source === 'web' ? 0.18 : source === 'news' ? 0.09 : 0.01));
        const out = docs - removed;
        let tokens = 0;
        for (let d = 0; d < out; d++) {
          const n = Math.round(60 * Math.exp(r() * 4.5));
          tokens += n + 1;
          ts.observe('tokens_per_doc', n, LENGTH_EDGES);
        }
        const textBytes = Math.round(tokens * bpt[source]!);
        ts.count('docs.in', docs);
        ts.count('drop.dedup', removed);
        ts.count('docs.out', out);
        ts.count('tokens.out', tokens);
        ts.count('bytes.in', textBytes);
        // Cluster representatives as dedup's doc editor marks them.
        const clusters = createClusterSampler(ts, 5);
        for (let row = 0; row < out; row += 7) {
          const size = Math.max(2, Math.round(2 / (r() + 0.004)));
          clusters.add({ id: `<urn:uuid:${source}-${t}-${row}>`, url: `https://mirror${row % 5}.example-${t}${row}.com/article/${row}`, text: sentence(r, 10), meta: { dedup_cluster_id: `${id}:${row}`, dedup_cluster_size: size } });
        }
        clusters.flush();
        await writeJson(join(dir, 'stats', 'tokenize', `${id}.json`), taskStats('tokenize', id, ts, textBytes / 9e6, { source }));
        const shard = { path: `${source}/${String(t).padStart(5, '0')}-00000.arrow`, source, rows: out, tokens, bytes: tokens * 2 + 4096, sha256: 'f'.repeat(64) };
        manifest.shards.push(shard);
        total.shards += 1;
        total.rows += out;
        total.tokens += tokens;
        total.bytes += shard.bytes;
      }
      manifest.sources[source] = total;
    }
    await writeJson(join(dir, 'shards', 'manifest.json'), manifest);
    await writeJson(join(dir, 'stats', 'manifest', 'manifest.json'), taskStats('manifest', 'manifest', createStats(), 0.2));

    if (stages.train) {
      const weights = { web: 0.6, news: 0.3, wiki: 0.1 } as Record<string, number>;
      const drawnTotal = 2_000_000;
      // The trainer's plan.json (trainer/mixture.py, trainer/train.py).
      await writeJson(join(dir, 'train', 'plan.json'), {
        sources: Object.entries(manifest.sources).map(([source, m]) => ({
          source,
          tokens_available: Math.round(m.tokens * 0.99),
          val_tokens: Math.round(m.tokens * 0.01),
          weight: weights[source],
          tokens_drawn: Math.round(drawnTotal * weights[source]!),
          epochs: (drawnTotal * weights[source]!) / Math.round(m.tokens * 0.99),
        })),
        total_rows: drawnTotal / 256,
        tokens: drawnTotal,
        max_epochs: 8,
        model_params: 7_500_000,
        chinchilla_tokens: 20 * 7_500_000,
        flops_per_token: 6 * 7_500_000,
        tokens_per_s: 48_712.5,
        estimated_seconds: 412.5,
      });
      const lines: string[] = [];
      for (let step = 1; step <= 400; step++) {
        const loss = 3.1 + 7.3 * Math.exp(-step / 70) + (r() - 0.5) * 0.15;
        const rec: Record<string, unknown> = { step, loss: Number(loss.toFixed(4)), lr: 6e-4 * Math.min(1, step / 40), grad_norm: 0.4 + r(), tokens_per_s: Math.round((step < 5 ? 20_000 : 48_000) + r() * 3000), mfu: Number(((step < 5 ? 0.12 : 0.31) + r() * 0.02).toFixed(4)) };
        if (step % 50 === 0) rec['val_loss'] = { web: Number((loss + 0.25).toFixed(4)), news: Number((loss + 0.1).toFixed(4)), wiki: Number((loss - 0.2).toFixed(4)) };
        const line = JSON.stringify(rec);
        // The last evaluation of wiki is NaN, written bare as Python's json.dumps does.
        lines.push(step === 400 ? line.replace(/"wiki":[\d.]+/, '"wiki":NaN') : line);
      }
      await mkdir(join(dir, 'train'), { recursive: true });
      await writeFile(join(dir, 'train', 'log.jsonl'), lines.join('\n') + '\n');
      await writeJson(join(dir, 'stats', 'train', 'train.json'), taskStats('train', 'train', createStats(), 410.2));
    }
  }
}
