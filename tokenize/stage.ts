// The `tokenizer` stage: one task that samples the run's documents, trains the byte-level BPE
// and writes RUN/tokenizer/tokenizer.json (Hugging Face format) and a tokenizer_config.json that
// lets transformers' AutoTokenizer load the folder.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../pipeline/index.ts';
import type { Stage } from '../pipeline/index.ts';
import { END_OF_TEXT, vocabSize } from './bpe-model.ts';
import { fromHfJson, toHfJson } from './hf-json.ts';
import { listDocsFiles } from './run-docs.ts';
import { planTrainingSample } from './sample.ts';
import { pretokenizerPattern } from './pretokenize.ts';
import { countPretokens, trainFromCounts } from './train.ts';
import type { BpeModel } from './bpe-model.ts';

export const tokenizerPath = (runDir: string) => path.join(runDir, 'tokenizer', 'tokenizer.json');

export async function loadTokenizer(file: string): Promise<BpeModel> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read tokenizer ${file}: ${(err as Error).message}`);
  }
  return fromHfJson(text, file);
}

/** Writes tokenizer.json and tokenizer_config.json into `dir`. */
export async function saveTokenizer(dir: string, model: BpeModel): Promise<void> {
  await writeFileAtomic(path.join(dir, 'tokenizer.json'), toHfJson(model));
  await writeJsonAtomic(path.join(dir, 'tokenizer_config.json'), {
    tokenizer_class: 'PreTrainedTokenizerFast',
    bos_token: END_OF_TEXT,
    eos_token: END_OF_TEXT,
    unk_token: null,
    model_max_length: 1_000_000_000,
    clean_up_tokenization_spaces: false,
  });
}

export const tokenizerStage: Stage = {
  name: 'tokenizer',
  command: 'train-tokenizer',
  description: 'train the byte-level BPE tokenizer on a sample of the documents',
  async plan(ctx) {
    const files = await listDocsFiles(ctx.runDir);
    return [{ id: 'tokenizer', label: `BPE ${ctx.config.tokenizer.vocab_size} on ${files.length} docs files` }];
  },
  async run(ctx) {
    const cfg = ctx.config.tokenizer;
    const files = await listDocsFiles(ctx.runDir);
    if (files.length === 0) throw new Error(`no documents to train the tokenizer on in ${path.join(ctx.runDir, 'docs')}`);
    const started = performance.now();
    const sample = await planTrainingSample(ctx.runDir, ctx.config, files);
    ctx.log(`sample: ${sample.stats.docs} docs, ${sample.stats.bytes} bytes (${JSON.stringify(sample.stats.sources)})`);
    const pattern = pretokenizerPattern(cfg.pretokenizer, cfg.digit_group);
    let reported = 0;
    const counts = await countPretokens(sample.texts(), pattern, (p) => {
      ctx.progress(0, p.done - reported);
      reported = p.done;
    });
    const model = trainFromCounts(counts, pattern, cfg);
    await saveTokenizer(path.dirname(tokenizerPath(ctx.runDir)), model);
    const s = ctx.stats;
    s.count('docs.in', sample.stats.docs);
    s.count('bytes.in', sample.stats.bytes);
    for (const [source, v] of Object.entries(sample.stats.sources)) s.count(`sample_bytes.${source}`, v.taken);
    s.count('tokenizer.pretokens_distinct', counts.size);
    s.count('tokenizer.merges', model.merges.length / 3);
    s.count('tokenizer.vocab_size', vocabSize(model));
    ctx.progress(1);
    ctx.log(`trained ${vocabSize(model)} tokens from ${counts.size} distinct pre-tokens in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
};
