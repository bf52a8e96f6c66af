// The ingest module's public face: planning inputs from sources, reading one input as documents,
// and inspecting an input for the CLI.

export type { InputKind, InputRef } from './input-ref.ts';
export { isUrl, isRemote, kindOf } from './input-ref.ts';
export { planInputs, selectPaths } from './plan-inputs.ts';
export { readDocuments } from './read-documents.ts';
export { InputError } from './input-error.ts';
export { inspectInput } from './inspect.ts';
export { createDownloader, DownloadError } from './download.ts';
export type { Downloader } from './download.ts';
export type { SourceConfig, ExtractConfig, DownloadConfig } from './config.ts';
export { extractStage } from './extract-stage.ts';
