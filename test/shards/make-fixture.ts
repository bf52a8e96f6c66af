// Writes a tokenizer folder, token shards (UInt16 and UInt32) and the expected ids into the folder
// given as argument, for the Python tests (test/trainer/test_shards_pyarrow.py) to read back.
// Usage: node test/shards/make-fixture.ts OUT_DIR

import { writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { trainTokenizer, createEncoder, saveTokenizer } from '../../tokenize/index.ts';
import { createShardWriter, dtypeFor, type TokenDtype } from '../../shards/index.ts';
import { sha256Hex } from '../../shards/reader.ts';
import { generatedDocs, HARD_STRINGS } from '../tokenize/corpus.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: make-fixture.ts OUT_DIR');
await mkdir(out, { recursive: true });
const model = await trainTokenizer(generatedDocs(120, 5), { vocab_size: 900, pretokenizer: 'gpt4', digit_group: 3, special_tokens: [] });
const enc = createEncoder(model);
await saveTokenizer(path.join(out, 'tokenizer'), model);
const tokSha = sha256Hex(readFileSync(path.join(out, 'tokenizer', 'tokenizer.json')));

const texts = [...HARD_STRINGS, ...generatedDocs(40, 8)];
const ids = texts.map((t) => enc.encode(t));
const shards: Record<string, string[]> = {};
for (const dtype of [dtypeFor(enc.vocabSize), 'uint32'] as TokenDtype[]) {
  const writer = createShardWriter({
    dir: path.join(out, 'shards', dtype),
    fileNumber: '00000',
    meta: { tokenizer_sha256: tokSha, source: 'web', dtype, eot_id: enc.eotId },
    shardTokens: 1 << 30,
    batchTokens: 500,
  });
  for (let i = 0; i < texts.length; i++) await writer.add(Uint32Array.from([...ids[i]!, enc.eotId]), `doc-${i}`);
  shards[dtype] = (await writer.close()).map((s) => s.path);
}
await writeFile(path.join(out, 'expected.json'), JSON.stringify({ texts, ids, eot_id: enc.eotId, vocab_size: enc.vocabSize, shards }));
