// The LSH S-curve end to end: planted near-duplicate pairs at 5-gram Jaccard 0.5 … 0.95 go through
// the signature sink, the buckets and clusters stages and the doc editor; the fraction removed at
// each similarity must follow 1 − (1 − s^8)^14 within 4 standard errors, every pair loses at most
// one document, and no document without a planted partner is removed. Both hash families.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSignatureSink, dedupStages, openDocEditor } from '../../dedup/index.ts';
import type { Document } from '../../pipeline/document.ts';
import { lshProbability, plantPair, randomWords, rng } from './corpus.ts';
import { runStages } from './stage-harness.ts';
import { testConfig } from './stage-harness.ts';

const LEVELS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const PAIRS_PER_LEVEL = 200;
const SINGLETONS = 300;
const TASKS = 3;

for (const hash of ['fineweb-compat', 'fast'] as const) {
  test(`S-curve of removals follows 1 − (1 − s^8)^14 (${hash})`, async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'dedup-scurve-'));
    try {
      const config = testConfig({ minhash: { hash, bucket_workers: 2 } });
      const next = rng(hash === 'fast' ? 7 : 11);
      const tasks: Document[][] = Array.from({ length: TASKS }, () => []);
      const where = new Map<string, { task: number; row: number }>();
      const place = (task: number, id: string, text: string) => {
        where.set(id, { task, row: tasks[task]!.length });
        tasks[task]!.push({ id, text, source: 'web', file: 'gen', meta: {} });
      };
      const pairs: { level: number; jaccard: number; a: string; b: string }[] = [];
      let i = 0;
      for (const level of LEVELS) {
        for (let k = 0; k < PAIRS_PER_LEVEL; k++, i++) {
          const p = plantPair(next, level);
          place(i % TASKS, `a${i}`, p.a);
          place((i + 1) % TASKS, `b${i}`, p.b);
          pairs.push({ level, jaccard: p.jaccard, a: `a${i}`, b: `b${i}` });
        }
      }
      for (let k = 0; k < SINGLETONS; k++) place(k % TASKS, `s${k}`, randomWords(next, 150).join(' '));

      for (const [t, docs] of tasks.entries()) {
        const sink = await createSignatureSink(runDir, config.dedup, { id: `web/${String(t).padStart(5, '0')}`, source: 'web' });
        docs.forEach((d, row) => sink.add(d, row));
        await sink.close();
      }
      await runStages(dedupStages, runDir, config);

      const kept = new Map<string, Document>();
      for (const [t, docs] of tasks.entries()) {
        const edit = await openDocEditor(runDir, config, { id: `web/${String(t).padStart(5, '0')}`, source: 'web' });
        docs.forEach((d, row) => {
          const out = edit(d, row);
          if (out) kept.set(d.id, out);
        });
      }
      for (let k = 0; k < SINGLETONS; k++) assert.ok(kept.has(`s${k}`), `unplanted document s${k} was removed`);
      for (const level of LEVELS) {
        const ps = pairs.filter((p) => p.level === level);
        let removed = 0;
        for (const p of ps) {
          assert.ok(kept.has(p.a) || kept.has(p.b), `both documents of pair ${p.a}/${p.b} were removed`);
          if (!kept.has(p.a) || !kept.has(p.b)) {
            removed++;
            const survivor = kept.get(kept.has(p.a) ? p.a : p.b)!;
            assert.equal(survivor.meta.dedup_cluster_size, 2);
          }
        }
        const expected = ps.reduce((s, p) => s + lshProbability(p.jaccard), 0) / ps.length;
        const observed = removed / ps.length;
        const sigma = Math.sqrt(Math.max(expected * (1 - expected), 0.0025) / ps.length);
        assert.ok(
          Math.abs(observed - expected) <= 4 * sigma,
          `s=${level}: removed ${observed.toFixed(3)}, expected ${expected.toFixed(3)} ± ${(4 * sigma).toFixed(3)}`,
        );
      }
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  });
}
