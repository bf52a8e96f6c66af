// The tokenizer: byte-level BPE training, encoding/decoding, tokenizer.json (ours or any supported
// Hugging Face one), and its stage.

export { trainTokenizer, countPretokens, trainFromCounts, type TrainOptions } from './train.ts';
export { createEncoder, createTokenBuffer, pushToken, type Encoder, type TokenBuffer } from './encoder.ts';
export { END_OF_TEXT, endOfTextId, vocabSize, type BpeModel, type SpecialToken } from './bpe-model.ts';
export { toHfJson } from './hf-json.ts';
export { readHfTokenizer, TokenizerFormatError, type TokenizerChoices } from './hf-read.ts';
export { pretokenizerPattern, createSplitter, type PretokenizerStyle } from './pretokenize.ts';
export { listDocsFiles, openDocEdits, type DocsFile } from './run-docs.ts';
export { tokenizerStage, tokenizerPath, loadTokenizer, saveTokenizer } from './stage.ts';
export { inspectTokenizer, type TokenizerReport } from './inspect.ts';
