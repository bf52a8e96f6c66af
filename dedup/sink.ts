// The extract-time half of dedup: for every kept document the extract stage calls `add(doc, row)`
// and this computes its MinHash band records and (when enabled) its exact/URL/line keys, buffers
// them, spills sorted runs when the buffer is full, and in `close()` renames every file into place
// and writes the task's manifest last. Keys are computed here, not in a later pass, because the
// text is already in memory: a separate pass would decompress every docs file once more (about as
// costly as the whole dedup), and the row numbering is by construction the docs file's.

import { mkdirSync, rmSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempPathFor, writeJsonAtomic } from '../pipeline/index.ts';
import type { Document } from '../pipeline/index.ts';
import type { DedupConfig } from './config.ts';
import { dateRank, digest64, lineKeyText, normaliseUrlC4 } from './exact-keys.ts';
import {
  bandLayout,
  bandRunPath,
  enabledKinds,
  type ExactKind,
  keysLayout,
  keysRunPath,
  manifestPath,
  minhashFingerprint,
  type SinkManifest,
} from './layout.ts';
import { createMinHasher } from './minhash.ts';
import { normalisedWords } from './normalize.ts';
import { createRecordBuffer, type RecordBuffer } from './records.ts';

export interface SignatureSink {
  add(doc: Document, row: number): void;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export async function createSignatureSink(
  runDir: string,
  dedupCfg: DedupConfig,
  task: { id: string; source: string; crawl?: string | undefined },
): Promise<SignatureSink> {
  if (!/^[^/]+\/\d+$/.test(task.id)) throw new Error(`signature sink: task id "${task.id}" is not <source>/<NNNNN>`);
  const mh = dedupCfg.minhash;
  const hasher = mh.enabled ? createMinHasher(mh) : null;
  const kinds = enabledKinds(dedupCfg);
  const bandWords = hasher ? bandLayout(mh).words - 1 : 0;
  const bands: RecordBuffer[] = hasher ? Array.from({ length: mh.bands }, () => createRecordBuffer(bandWords + 1)) : [];
  const keys = new Map<ExactKind, RecordBuffer>(kinds.map((k) => [k, createRecordBuffer(keysLayout(k).words)]));
  /** temp path → final path, renamed in close(). */
  const pending = new Map<string, string>();
  let runs = 0;
  let docs = 0;
  let signatures = 0;
  let buffered = 0;
  let closed = false;

  const spill = () => {
    const write = (buf: RecordBuffer, finalPath: string) => {
      mkdirSync(dirname(finalPath), { recursive: true });
      const tmp = tempPathFor(finalPath);
      pending.set(tmp, finalPath);
      buf.writeSorted(tmp);
    };
    bands.forEach((buf, b) => write(buf, bandRunPath(runDir, task.id, b, runs)));
    for (const [kind, buf] of keys) write(buf, keysRunPath(runDir, task.id, kind, runs));
    runs++;
    buffered = 0;
  };

  return {
    add(doc, row) {
      if (closed) throw new Error(`signature sink of ${task.id}: add() after close()`);
      docs++;
      const needsWords = hasher !== null || keys.has('exact');
      const joined = needsWords ? normalisedWords(doc.text) : '';
      if (hasher) {
        const sig = hasher.signatureOfWords(joined);
        if (sig) {
          signatures++;
          for (let b = 0; b < bands.length; b++) bands[b]!.push(sig, b * bandWords, bandWords, row);
        }
      }
      const exact = keys.get('exact');
      if (exact && joined.length > 0) {
        exact.push(digest64('sha1', joined), 0, 2, 0, 0, row);
      }
      const url = keys.get('url');
      if (url && doc.url) {
        url.push(digest64('sha1', normaliseUrlC4(doc.url)), 0, 2, 0, dateRank(doc.date), row);
      }
      const lines = keys.get('lines');
      if (lines) {
        const [oHi, oLo] = digest64('md5', doc.url ?? doc.id);
        doc.text.split('\n').forEach((line, i) => {
          const text = lineKeyText(line);
          if (text.length > 0) lines.push(digest64('md5', text), 0, 2, oHi, oLo, row, i);
        });
      }
      if (++buffered >= dedupCfg.sort_buffer_docs) spill();
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (buffered > 0 || runs === 0) spill();
        for (const [tmp, final] of pending) renameSync(tmp, final);
        pending.clear();
        const manifest: SinkManifest = {
          version: 1,
          task: task.id,
          source: task.source,
          crawl: task.crawl ?? null,
          minhash: mh.enabled ? minhashFingerprint(mh) : null,
          kinds,
          docs,
          signatures,
          runs,
        };
        await writeJsonAtomic(manifestPath(runDir, task.id), manifest);
      } catch (err) {
        for (const tmp of pending.keys()) rmSync(tmp, { force: true });
        throw err;
      }
    },
    async abort() {
      closed = true;
      for (const tmp of pending.keys()) rmSync(tmp, { force: true });
      pending.clear();
    },
  };
}
