// apache-arrow as the document files load it: the package's one-file build (`Arrow.esnext.min.js`,
// shipped in the same package and release as its entry point) instead of that entry, which is 146
// modules. Every extract worker writes its documents through Arrow tables (doc-store.ts) and each
// worker thread loads its modules anew: resolving and linking the 146 cost a worker 43–63 CPU-ms,
// the one file 5–8 (docs/ingest-log.md, x32j), paid once more for every worker a run starts. The
// one-file build is the browser one, without Node stream adapters, so shards/writer.ts
// (`toNodeStream`) keeps the package entry; no Arrow object passes between the two (files and IPC
// bytes do).

import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';

export const arrow = createRequire(import.meta.url)('apache-arrow/Arrow.esnext.min') as typeof Arrow;
