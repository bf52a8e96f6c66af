// Arrow token shards: writer, reader, manifest, and the tokenize and manifest stages.

export { tokenizeStage, shardsDir } from './tokenize-stage.ts';
export { manifestStage } from './manifest-stage.ts';
export { createShardWriter, type ShardWriter, type WrittenShard } from './writer.ts';
export { readShard, shardRow, ShardFormatError, type ShardContents } from './reader.ts';
export { buildManifest, verifyShards, listShardFiles, MANIFEST_NAME, type Manifest, type ManifestShard } from './manifest.ts';
export { dtypeFor, shardSchema, type ShardMeta, type TokenDtype } from './format.ts';
export { inspectShard, type ShardReport } from './inspect.ts';
