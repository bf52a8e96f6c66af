// One input of the extract stage: a file or URL of a source, as planned. Plain JSON, so that it
// travels in the stage plan (`RUN/tasks/extract.json`) to any worker or Slurm node.

import { isS3 } from '../pipeline/index.ts';

export type InputKind = 'warc' | 'wet' | 'jsonl';

export type InputRef = {
  /** The config's source name. */
  source: string;
  kind: InputKind;
  /** Absolute local path, http(s) URL or s3://bucket/key. */
  location: string;
  /** Common Crawl crawl id, for documents of a crawl. */
  crawl?: string;
  /** JSONL: the field holding the text and the one holding the id. */
  textField?: string;
  idField?: string;
  /** Size in bytes when known at plan time (local files). */
  bytes?: number;
};

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** Read over the network (http(s) or object storage) rather than from a local file. */
export function isRemote(location: string): boolean {
  return isUrl(location) || isS3(location);
}

/** The input kind a file name implies: `.jsonl(.gz)` → jsonl, `.wet(.gz)` → wet, else warc. */
export function kindOf(location: string): InputKind {
  const name = (isRemote(location) ? new URL(location).pathname : location).toLowerCase();
  if (/\.jsonl?(\.gz)?$/.test(name)) return 'jsonl';
  if (/\.wet(\.gz)?$/.test(name)) return 'wet';
  return 'warc';
}
