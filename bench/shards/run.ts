// Shard writing speed beyond encoding: the same token arrays (encoded once, untimed) written
// (a) by our shard writer (makeData over typed arrays → RecordBatchFileWriter, streamed),
// (b) by apache-arrow's builder path (vectorFromArray of per-document arrays → tableToIPC),
// the common way to build a List column, and (c) as one raw writeFile of the flat token bytes,
// the disk's ceiling. MB/s counts token data (tokens × 2 bytes for UInt16). One core.
// Usage: node bench/shards/run.ts [--mb 50] [--tokenizer path/to/tokenizer.json]

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Field, List, Table, Uint16, tableToIPC, vectorFromArray, Utf8 } from 'apache-arrow';
import { createEncoder, loadTokenizer, trainTokenizer } from '../../tokenize/index.ts';
import { createShardWriter, dtypeFor, readShard } from '../../shards/index.ts';
import { webCorpus } from '../tokenizer/web-text.ts';

const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '50' }, tokenizer: { type: 'string' } } });
const corpus = webCorpus(Number(args.mb) * 1e6);
const model = args.tokenizer
  ? await loadTokenizer(args.tokenizer)
  : await trainTokenizer(webCorpus(20e6).docs, { vocab_size: 32768, pretokenizer: 'gpt4', digit_group: 3, special_tokens: [] });
const enc = createEncoder(model);
const docs = corpus.docs.map((d) => Uint32Array.from([...enc.encode(d), enc.eotId]));
const ids = docs.map((_, i) => `<urn:uuid:doc-${i}>`);
const tokens = docs.reduce((s, d) => s + d.length, 0);
const dtype = dtypeFor(enc.vocabSize);
const dataBytes = tokens * (dtype === 'uint16' ? 2 : 4);
const dir = mkdtempSync(path.join(tmpdir(), 'cc-shards-bench-'));
/** Wall and CPU seconds (CPU counts every thread of the process: a fairer speed on a busy machine). */
const time = async (f: () => Promise<void> | void) => {
  const t = performance.now();
  const c = process.cpuUsage();
  await f();
  const used = process.cpuUsage(c);
  return { wall: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6 };
};

const results: [string, { wall: number; cpu: number }][] = [];
for (let rep = 0; rep < 2; rep++) {
  const ours = await time(async () => {
    const w = createShardWriter({
      dir: path.join(dir, `ours-${rep}`),
      fileNumber: '00000',
      meta: { tokenizer_sha256: 'x', source: 'web', dtype, eot_id: enc.eotId },
      shardTokens: 100_000_000,
    });
    for (let i = 0; i < docs.length; i++) await w.add(docs[i]!, ids[i]!);
    await w.close();
  });
  const builders = await time(() => {
    const item = new Uint16();
    const table = new Table({
      tokens: vectorFromArray(docs.map((d) => Uint16Array.from(d)), new List(new Field('item', item, false))),
      id: vectorFromArray(ids, new Utf8()),
    });
    writeFileSync(path.join(dir, `builders-${rep}.arrow`), tableToIPC(table, 'file'));
  });
  const raw = await time(() => {
    const flat = new Uint16Array(tokens);
    let pos = 0;
    for (const d of docs) {
      flat.set(d, pos);
      pos += d.length;
    }
    writeFileSync(path.join(dir, `raw-${rep}.bin`), flat);
  });
  if (rep === 1) results.push(['ours: makeData → RecordBatchFileWriter', ours], ['apache-arrow vectorFromArray → tableToIPC', builders], ['raw writeFile of the flat tokens', raw]);
}
const check = await readShard(path.join(dir, 'ours-1', '00000-00000.arrow'));
if (check.tokens !== tokens || check.rows !== docs.length) throw new Error('shard read back differs');
console.log(`${docs.length} docs, ${tokens} tokens (${dtype}, ${(dataBytes / 1e6).toFixed(1)} MB token data; text ${(corpus.bytes / 1e6).toFixed(0)} MB, ${corpus.copies} copies of the extracted pages)`);
const mb = dataBytes / 1e6;
const ours = results[0]![1];
for (const [name, s] of results) {
  console.log(`  ${name.padEnd(44)} ${(mb / s.wall).toFixed(0).padStart(5)} MB/s wall ${(mb / s.cpu).toFixed(0).padStart(5)} MB/CPU-s  ours ×${(s.cpu / ours.cpu).toFixed(2)} (CPU)`);
}
rmSync(dir, { recursive: true, force: true });
