// The `tokenize` stage: one task per docs file. Each document (minus dedup and classifier removals) is encoded,
// the end-of-text token appended (and the start token prepended, for tokenizers that use one), and written as one row of RUN/shards/<source>/<NNNNN>-<MMMMM>.arrow.
// Names and contents depend only on the docs file, the tokenizer and the config.

import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { LENGTH_EDGES } from '../pipeline/index.ts';
import type { Stage } from '../pipeline/index.ts';
import { readDocs } from '../pipeline/index.ts';
import { createClusterSampler } from '../report/index.ts';
import { createEncoder, createTokenBuffer, listDocsFiles, loadTokenizer, openDocEdits, pushToken, tokenizerPath } from '../tokenize/index.ts';
import { dtypeFor } from './format.ts';
import { sha256Hex } from './reader.ts';
import { createShardWriter } from './writer.ts';

export const shardsDir = (runDir: string) => path.join(runDir, 'shards');

async function removeShardsOf(dir: string, fileNumber: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const n of names) if (n.startsWith(`${fileNumber}-`) && n.endsWith('.arrow')) await rm(path.join(dir, n), { force: true });
}

export const tokenizeStage: Stage = {
  name: 'tokenize',
  command: 'tokenize',
  description: 'encode the documents into Arrow token shards',
  async plan(ctx) {
    return (await listDocsFiles(ctx.runDir)).map((f) => ({
      id: f.id,
      label: f.path,
      source: f.source,
      bytes: f.bytes,
      docs: path.relative(ctx.runDir, f.path).split(path.sep).join('/'),
      number: f.number,
    }));
  },
  async run(ctx) {
    const { task, stats } = ctx;
    const source = task.source ?? '';
    const docsPath = path.join(ctx.runDir, String(task['docs']));
    const number = String(task['number']);
    const tokFile = tokenizerPath(ctx.runDir);
    const tokBytes = await readFile(tokFile).catch((err: Error) => {
      throw new Error(`cannot read tokenizer ${tokFile} (run the tokenizer stage first): ${err.message}`);
    });
    const enc = createEncoder(await loadTokenizer(tokFile));
    const outDir = path.join(shardsDir(ctx.runDir), source);
    await removeShardsOf(outDir, number);
    const writer = createShardWriter({
      dir: outDir,
      fileNumber: number,
      meta: { tokenizer_sha256: sha256Hex(tokBytes), source, dtype: dtypeFor(enc.vocabSize), eot_id: enc.eotId },
      shardTokens: ctx.config.shards.shard_tokens,
    });
    const edit = await openDocEdits(ctx.runDir, ctx.config, { id: task.id, source }, stats);
    const buf = createTokenBuffer();
    const clusters = createClusterSampler(stats);
    let row = 0;
    try {
      for await (const raw of readDocs(docsPath)) {
        if (ctx.signal.aborted) throw new Error('interrupted');
        stats.count('docs.in');
        const bytes = Buffer.byteLength(raw.text);
        stats.count('bytes.in', bytes);
        const doc = edit(raw, row++);
        if (!doc) continue;
        buf.length = 0;
        if (enc.bosId !== undefined) pushToken(buf, enc.bosId);
        enc.encodeInto(doc.text, buf);
        pushToken(buf, enc.eotId);
        await writer.add(buf.data.subarray(0, buf.length), doc.id);
        clusters.add(doc);
        stats.count('docs.out');
        stats.count('tokens.out', buf.length);
        stats.observe('tokens_per_doc', buf.length, LENGTH_EDGES);
        ctx.progress(1, bytes);
      }
      clusters.flush();
      const shards = await writer.close();
      stats.count('shards.out', shards.length);
      for (const s of shards) stats.count('bytes.out', (await stat(s.path)).size);
    } catch (err) {
      await writer.abort();
      throw err;
    }
  },
};
