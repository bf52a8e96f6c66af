// Object storage (S3 and any S3-compatible store) behind the few operations the pipeline needs:
// a resumable ranged read, a listing by prefix, a whole or multipart write that becomes visible
// only complete, a conditional write for markers, exists and delete. Local paths never come here;
// `isS3` is the switch callers use.
//
// Client: the official AWS SDK v3 (`@aws-sdk/client-s3`, `@aws-sdk/lib-storage` for multipart),
// because it reads the standard AWS environment and config files (profiles, SSO, instance and
// container roles, `AWS_ENDPOINT_URL_S3`) and signs requests the way every S3-compatible store
// expects; hand-written SigV4 would have to re-implement that credential chain. Its modules load
// on first use (0.19 CPU s, docs/cloud.md), so runs that never touch s3:// do not pay for them.

import { createReadStream, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';

export class StorageError extends Error {
  override name = 'StorageError';
}

export interface S3Location {
  bucket: string;
  key: string;
}

export interface ObjectInfo {
  /** Full `s3://bucket/key` URL. */
  url: string;
  key: string;
  size: number;
  modified: Date;
}

export function isS3(location: string): boolean {
  return /^s3:\/\//i.test(location);
}

export function parseS3(url: string): S3Location {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(url);
  if (!m || m[1]!.length < 3) throw new StorageError(`${url} is not an s3://bucket/key URL`);
  return { bucket: m[1]!, key: m[2]! };
}

/** `s3://bucket/prefix` joined with a relative key, one slash between. */
export function joinS3(base: string, rel: string): string {
  return `${base.replace(/\/+$/, '')}/${rel.replace(/^\/+/, '')}`;
}

function regionFromEnvironment(): string | undefined {
  const env = process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
  if (env) return env;
  // The SDK reads `region` from the config file itself; only without one do we pick Common Crawl's.
  const configFile = process.env['AWS_CONFIG_FILE'] ?? join(homedir(), '.aws', 'config');
  return existsSync(configFile) ? undefined : 'us-east-1';
}

/**
 * Credentials come from the standard chain (environment, shared files, SSO, web identity,
 * container and instance roles); when it finds none, requests go unsigned, which public buckets
 * such as `commoncrawl` accept.
 */
async function createClient(): Promise<S3Client> {
  const [{ S3Client }, { defaultProvider }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/credential-provider-node')]);
  const chain = defaultProvider();
  let anonymous = false;
  try {
    await chain();
  } catch {
    anonymous = true;
  }
  const region = regionFromEnvironment();
  const customEndpoint = Boolean(process.env['AWS_ENDPOINT_URL_S3'] ?? process.env['AWS_ENDPOINT_URL']);
  return new S3Client({
    ...(region ? { region } : {}),
    ...(anonymous
      ? { credentials: { accessKeyId: 'anonymous', secretAccessKey: 'anonymous' }, signer: { sign: async <T>(request: T) => request } }
      : { credentials: chain }),
    // Self-hosted stores (SeaweedFS, MinIO) are addressed by path, not by bucket subdomain.
    forcePathStyle: customEndpoint,
    // CRC trailers in aws-chunked bodies are not understood by every S3-compatible store; the
    // manifest's SHA-256 is what guards the data end to end.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 6,
  });
}

/** The process's client, made on first use: it pools connections and caches credentials. */
let processClient: Promise<S3Client> | undefined;

export function s3Client(): Promise<S3Client> {
  processClient ??= createClient();
  return processClient;
}

/** The HTTP status of an S3 service error (the SDK's `$metadata`), undefined for a network error. */
function statusOf(err: unknown): number | undefined {
  const meta = (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata;
  return (err as { $fault?: string } | undefined)?.$fault ? meta?.httpStatusCode : undefined;
}

function describe(err: unknown): string {
  const status = statusOf(err);
  if (status !== undefined) return `${(err as Error).name} (HTTP ${status})`;
  return err instanceof Error ? err.message : String(err);
}

const sdk = () => import('@aws-sdk/client-s3');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReadOptions {
  signal?: AbortSignal;
  /** Called once per resumption after a dropped connection. */
  onRetry?: (reason: string) => void;
  /** Consecutive failed attempts without a new byte before giving up. */
  attempts?: number;
}

/**
 * The object's bytes as a stream. A connection that drops mid-body is resumed with a ranged GET
 * from the next byte, pinned to the first response's ETag (If-Match), so the reader sees one
 * uninterrupted stream and a replaced object fails instead of splicing two versions.
 */
export async function* readObject(url: string, options: ReadOptions = {}): AsyncGenerator<Uint8Array> {
  const { bucket, key } = parseS3(url);
  const client = await s3Client();
  const { GetObjectCommand } = await sdk();
  const attempts = options.attempts ?? 6;
  let offset = 0;
  let etag: string | undefined;
  let failures = 0;
  for (;;) {
    let body: Readable;
    try {
      const res = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, ...(offset ? { Range: `bytes=${offset}-` } : {}), ...(etag ? { IfMatch: etag } : {}) }),
        options.signal ? { abortSignal: options.signal } : {},
      );
      etag ??= res.ETag;
      body = res.Body as Readable;
    } catch (err) {
      const status = statusOf(err);
      if (status === 404 || status === 403 || status === 412 || options.signal?.aborted || ++failures >= attempts) {
        throw new StorageError(`cannot read ${url}: ${describe(err)}`, { cause: err });
      }
      options.onRetry?.(describe(err));
      await sleep(200 * 2 ** failures);
      continue;
    }
    try {
      for await (const chunk of body) {
        offset += (chunk as Uint8Array).byteLength;
        failures = 0;
        yield chunk as Uint8Array;
      }
      return;
    } catch (err) {
      if (options.signal?.aborted || ++failures >= attempts) throw new StorageError(`cannot read ${url} past byte ${offset}: ${describe(err)}`, { cause: err });
      options.onRetry?.(describe(err));
      await sleep(200 * 2 ** failures);
    } finally {
      body.destroy();
    }
  }
}

/** A small object whole (a path list, a JSON file). */
export async function readObjectAll(url: string, options: ReadOptions = {}): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of readObject(url, options)) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Every object under `s3://bucket/prefix` (a plain string prefix, not only a folder), in key order. */
export async function* listObjects(prefixUrl: string): AsyncGenerator<ObjectInfo> {
  const { bucket, key: prefix } = parseS3(prefixUrl);
  const client = await s3Client();
  const { ListObjectsV2Command } = await sdk();
  let token: string | undefined;
  do {
    let res;
    try {
      res = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
    } catch (err) {
      throw new StorageError(`cannot list ${prefixUrl}: ${describe(err)}`, { cause: err });
    }
    for (const o of res.Contents ?? []) {
      if (!o.Key) continue;
      yield { url: `s3://${bucket}/${o.Key}`, key: o.Key, size: o.Size ?? 0, modified: o.LastModified ?? new Date(0) };
    }
    token = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (token);
}

export async function objectExists(url: string): Promise<boolean> {
  const { bucket, key } = parseS3(url);
  try {
    const { HeadObjectCommand } = await sdk();
    await (await s3Client()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (err) {
    if (statusOf(err) === 404) return false;
    throw new StorageError(`cannot check ${url}: ${describe(err)}`, { cause: err });
  }
}

export async function deleteObject(url: string): Promise<void> {
  const { bucket, key } = parseS3(url);
  try {
    const { DeleteObjectCommand } = await sdk();
    await (await s3Client()).send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  } catch (err) {
    throw new StorageError(`cannot delete ${url}: ${describe(err)}`, { cause: err });
  }
}

export interface PutOptions {
  /** Write only when no object has this key (If-None-Match: *); returns false when one had. */
  ifAbsent?: boolean;
  /** Multipart part size; objects up to one part go up in a single PUT. */
  partSize?: number;
}

export const DEFAULT_PART_SIZE = 16 * 1024 * 1024;

/**
 * Writes an object from bytes or a local file. S3 makes an object visible only when its PUT or
 * its multipart upload completes, so a killed writer leaves nothing under the key (an incomplete
 * multipart upload is aborted here, or expires under the bucket's lifecycle rule).
 */
export async function putObject(url: string, body: Uint8Array | string | { file: string }, options: PutOptions = {}): Promise<boolean> {
  const { bucket, key } = parseS3(url);
  const client = await s3Client();
  const condition = options.ifAbsent ? { IfNoneMatch: '*' } : {};
  try {
    const { PutObjectCommand } = await sdk();
    if (typeof body === 'string' || body instanceof Uint8Array) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...condition }));
      return true;
    }
    const { Upload } = await import('@aws-sdk/lib-storage');
    const upload = new Upload({
      client,
      params: { Bucket: bucket, Key: key, Body: createReadStream(body.file), ...condition },
      partSize: options.partSize ?? DEFAULT_PART_SIZE,
      queueSize: 4,
      leavePartsOnError: false,
    });
    await upload.done();
    return true;
  } catch (err) {
    if (options.ifAbsent && statusOf(err) === 412) return false;
    throw new StorageError(`cannot write ${url}: ${describe(err)}`, { cause: err });
  }
}
