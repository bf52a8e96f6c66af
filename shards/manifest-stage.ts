// The `manifest` stage: one task that reads every shard of the run and writes shards/manifest.json.

import type { Stage } from '../pipeline/index.ts';
import { endOfTextId, loadTokenizer, tokenizerPath, vocabSize } from '../tokenize/index.ts';
import { buildManifest } from './manifest.ts';
import { shardsDir } from './tokenize-stage.ts';

export const manifestStage: Stage = {
  name: 'manifest',
  command: 'tokenize',
  description: 'list every token shard with its checksum in shards/manifest.json',
  async plan() {
    return [{ id: 'manifest', label: 'shards/manifest.json' }];
  },
  async run(ctx) {
    const tokFile = tokenizerPath(ctx.runDir);
    const model = await loadTokenizer(tokFile);
    const m = await buildManifest(shardsDir(ctx.runDir), { file: tokFile, vocab_size: vocabSize(model), eot_id: endOfTextId(model) });
    for (const [source, t] of Object.entries(m.sources)) {
      ctx.stats.count(`tokens.${source}`, t.tokens);
      ctx.stats.count(`rows.${source}`, t.rows);
    }
    ctx.stats.count('shards.out', m.shards.length);
    ctx.progress(1);
  },
};
