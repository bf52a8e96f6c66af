// The `tokenizer` stage: one task that samples the run's documents, trains the byte-level BPE
// and writes RUN/tokenizer/tokenizer.json (Hugging Face format) and a tokenizer_config.json that
// lets transformers' AutoTokenizer load the folder; or, with `tokenizer.from`, copies an existing
// tokenizer.json there, so every later stage reads RUN/tokenizer/ alike.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../pipeline/index.ts';
import type { Stage } from '../pipeline/index.ts';
import { END_OF_TEXT, vocabSize } from './bpe-model.ts';
import { toHfJson } from './hf-json.ts';
import { readHfTokenizer, type TokenizerChoices } from './hf-read.ts';
import type { TokenizerConfig } from './config.ts';
import { listDocsFiles } from './run-docs.ts';
import { planTrainingSample } from './sample.ts';
import { pretokenizerPattern } from './pretokenize.ts';
import { countPretokens, trainFromCounts } from './train.ts';
import type { BpeModel } from './bpe-model.ts';

export const tokenizerPath = (runDir: string) => path.join(runDir, 'tokenizer', 'tokenizer.json');

/** The eos/bos choices a tokenizer_config.json states (transformers' keys); {} when absent. */
async function sidecarChoices(file: string): Promise<TokenizerChoices & { bosToken?: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(path.dirname(file), 'tokenizer_config.json'), 'utf8'));
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const cfg = raw as { eos_token?: unknown; bos_token?: unknown; add_bos_token?: unknown };
  const name = (v: unknown): string | undefined =>
    typeof v === 'string' ? v : typeof v === 'object' && v !== null && typeof (v as { content?: unknown }).content === 'string' ? (v as { content: string }).content : undefined;
  const eos = name(cfg.eos_token);
  const bosToken = name(cfg.bos_token);
  const bos = cfg.add_bos_token === true ? bosToken : cfg.add_bos_token === false ? null : undefined;
  return { ...(eos ? { eos } : {}), ...(bos !== undefined ? { bos } : {}), ...(bosToken ? { bosToken } : {}) };
}

/** Reads a tokenizer.json; `choices` (else the tokenizer_config.json beside it) names eos/bos. */
export async function loadTokenizer(file: string, choices?: TokenizerChoices): Promise<BpeModel> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read tokenizer ${file}: ${(err as Error).message}`);
  }
  return readHfTokenizer(text, file, choices ?? (await sidecarChoices(file)));
}

/** Uses an existing tokenizer.json: copied unchanged into `dir`, with a tokenizer_config.json
 * (the source's, if any) stating the eos/bos the shards use, so every later stage agrees. */
async function importTokenizer(dir: string, cfg: TokenizerConfig): Promise<BpeModel> {
  const file = cfg.from!;
  const side = await sidecarChoices(file);
  const text = await readFile(file, 'utf8').catch((err: Error) => {
    throw new Error(`cannot read tokenizer.from ${file}: ${err.message}`);
  });
  // Pretraining ends each document with the family's end-of-text token (the chat models'
  // tokenizer_config often names an end-of-turn token instead), unless the config names one.
  const probe = readHfTokenizer(text, file, { ...(cfg.eos ? { eos: cfg.eos } : {}), ...(cfg.bos !== undefined ? { bos: cfg.bos } : {}) });
  const bos = cfg.bos !== undefined ? cfg.bos : probe.bos === undefined && side.bos ? side.bos : undefined;
  const model = bos === undefined ? probe : readHfTokenizer(text, file, { ...(cfg.eos ? { eos: cfg.eos } : {}), bos });
  const contentOf = (id: number | undefined): string | null => (id === undefined ? null : (model.special.find((t) => t.id === id)?.content ?? null));
  let sourceConfig: Record<string, unknown> = {};
  try {
    sourceConfig = JSON.parse(await readFile(path.join(path.dirname(file), 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    sourceConfig = { tokenizer_class: 'PreTrainedTokenizerFast' };
  }
  await writeFileAtomic(path.join(dir, 'tokenizer.json'), text);
  await writeJsonAtomic(path.join(dir, 'tokenizer_config.json'), {
    ...sourceConfig,
    eos_token: contentOf(model.eos),
    bos_token: contentOf(model.bos) ?? sourceConfig['bos_token'] ?? null,
    add_bos_token: model.bos !== undefined,
  });
  return model;
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
    if (ctx.config.tokenizer.from) return [{ id: 'tokenizer', label: `use ${ctx.config.tokenizer.from}` }];
    const files = await listDocsFiles(ctx.runDir);
    return [{ id: 'tokenizer', label: `BPE ${ctx.config.tokenizer.vocab_size} on ${files.length} docs files` }];
  },
  async run(ctx) {
    const cfg = ctx.config.tokenizer;
    if (cfg.from) {
      const model = await importTokenizer(path.dirname(tokenizerPath(ctx.runDir)), cfg);
      ctx.stats.count('tokenizer.vocab_size', vocabSize(model));
      ctx.progress(1);
      ctx.log(`using ${cfg.from}: ${vocabSize(model)} tokens, eos ${model.eos}${model.bos === undefined ? '' : `, bos ${model.bos}`}`);
      return;
    }
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
