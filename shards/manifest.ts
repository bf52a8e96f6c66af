// shards/manifest.json (seams.md): every shard with its source, rows, tokens, bytes and SHA-256,
// totals per source, and the tokenizer it was encoded with; and the check of a shard folder
// against it that `cc-pretrain verify` runs.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../pipeline/index.ts';
import { readShard, sha256Hex, ShardFormatError } from './reader.ts';
import type { TokenDtype } from './format.ts';

export interface ManifestShard {
  path: string;
  source: string;
  rows: number;
  tokens: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  version: 1;
  tokenizer: { path: string; sha256: string; vocab_size: number; eot_id: number };
  dtype: TokenDtype;
  shards: ManifestShard[];
  sources: Record<string, { shards: number; rows: number; tokens: number; bytes: number }>;
}

export const MANIFEST_NAME = 'manifest.json';

/** Shard files under `shardsDir`, relative, sorted. */
export async function listShardFiles(shardsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(shardsDir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.arrow'))
    .map((e) => path.relative(shardsDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Reads every shard (checking its format) and writes the manifest. */
export async function buildManifest(
  shardsDir: string,
  tokenizer: { file: string; vocab_size: number; eot_id: number },
): Promise<Manifest> {
  const tokenizerSha = sha256Hex(await readFile(tokenizer.file));
  const shards: ManifestShard[] = [];
  const sources = Object.create(null) as Manifest['sources']; // keyed by source name
  let dtype: TokenDtype | undefined;
  for (const rel of await listShardFiles(shardsDir)) {
    const s = await readShard(path.join(shardsDir, rel));
    if (s.meta.tokenizer_sha256 !== tokenizerSha) {
      throw new ShardFormatError(`${rel}: encoded with tokenizer ${s.meta.tokenizer_sha256}, not the run's ${tokenizerSha}`);
    }
    if (dtype && s.meta.dtype !== dtype) throw new ShardFormatError(`${rel}: dtype ${s.meta.dtype} differs from the other shards' ${dtype}`);
    dtype = s.meta.dtype;
    shards.push({ path: rel, source: s.meta.source, rows: s.rows, tokens: s.tokens, bytes: s.bytes, sha256: s.sha256 });
    const t = (sources[s.meta.source] ??= { shards: 0, rows: 0, tokens: 0, bytes: 0 });
    t.shards++;
    t.rows += s.rows;
    t.tokens += s.tokens;
    t.bytes += s.bytes;
  }
  const manifest: Manifest = {
    version: 1,
    tokenizer: {
      path: path.relative(shardsDir, tokenizer.file).split(path.sep).join('/'),
      sha256: tokenizerSha,
      vocab_size: tokenizer.vocab_size,
      eot_id: tokenizer.eot_id,
    },
    dtype: dtype ?? (tokenizer.vocab_size <= 65536 ? 'uint16' : 'uint32'),
    shards,
    sources,
  };
  await writeJsonAtomic(path.join(shardsDir, MANIFEST_NAME), manifest);
  return manifest;
}

/** Checks a shard folder against its manifest: names every shard that is missing, unlisted,
 * unreadable, or whose size, hash, rows or tokens differ, and a changed tokenizer. */
export async function verifyShards(shardsDir: string): Promise<{ ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  const manifestPath = path.join(shardsDir, MANIFEST_NAME);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  } catch (err) {
    return { ok: false, problems: [`${manifestPath}: cannot read the manifest (${(err as Error).message})`] };
  }
  try {
    const sha = sha256Hex(await readFile(path.resolve(shardsDir, manifest.tokenizer.path)));
    if (sha !== manifest.tokenizer.sha256) problems.push(`${manifest.tokenizer.path}: tokenizer changed (sha256 ${sha}, manifest says ${manifest.tokenizer.sha256})`);
  } catch {
    problems.push(`${manifest.tokenizer.path}: tokenizer missing`);
  }
  const listed = new Set(manifest.shards.map((s) => s.path));
  for (const rel of await listShardFiles(shardsDir)) if (!listed.has(rel)) problems.push(`${rel}: shard not listed in the manifest`);
  for (const entry of manifest.shards) {
    const file = path.join(shardsDir, entry.path);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      problems.push(`${entry.path}: missing`);
      continue;
    }
    if (bytes.length !== entry.bytes) problems.push(`${entry.path}: corrupt: ${bytes.length} bytes, manifest says ${entry.bytes}`);
    else if (sha256Hex(bytes) !== entry.sha256) problems.push(`${entry.path}: corrupt: sha256 differs from the manifest`);
    else {
      try {
        const s = await readShard(file);
        if (s.rows !== entry.rows || s.tokens !== entry.tokens) {
          problems.push(`${entry.path}: holds ${s.rows} rows / ${s.tokens} tokens, manifest says ${entry.rows} / ${entry.tokens}`);
        }
      } catch (err) {
        problems.push(`${entry.path}: corrupt: ${(err as Error).message}`);
      }
    }
  }
  return { ok: problems.length === 0, problems };
}
