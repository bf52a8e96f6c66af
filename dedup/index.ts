// Deduplication: the extract-time signature sink, the dedup stages, and the read-time editor.
// Stages in order: dedup-buckets (MinHash LSH per band), dedup-exact (exact text / URL / C4 lines),
// dedup-clusters (union-find and removal lists). See docs/dedup.md.

import type { Stage } from '../pipeline/index.ts';
import { bucketsStage } from './buckets-stage.ts';
import { clustersStage } from './clusters-stage.ts';
import { exactStage } from './exact-stage.ts';

export { createSignatureSink, type SignatureSink } from './sink.ts';
export { openDocEditor, type DocEditor } from './editor.ts';
export { createMinHasher, type MinHasher } from './minhash.ts';
export { dedupSchema, type DedupConfig } from './config.ts';

export const dedupStages: Stage[] = [bucketsStage, exactStage, clustersStage];
