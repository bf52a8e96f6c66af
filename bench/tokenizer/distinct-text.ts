// Distinct text for the tokenizer benchmark: every page of the shared extraction sets (scrapinghub,
// WCXB dev, and the html-cleaning sets: CleanEval, dragnet, L3S-GN1, CleanPortalEval, in many
// languages and legacy charsets) through our charset decoding and ingest/html-extract.ts, plus
// every gold text. A line already seen anywhere before is dropped (a gold text mostly repeats its
// page's extraction), so nothing is counted twice. Cached as JSONL under bench/results/.

import { existsSync, readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { extractMainText } from '../../ingest/html-extract.ts';
import { createDecoders, decodePage } from '../../ingest/charset.ts';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';

const CACHE = path.join(repoRoot, 'bench/results/distinct-text.jsonl');
const MIN_DOC_BYTES = 200;

function* rawTexts(data: string): Generator<string> {
  const decoders = createDecoders();
  const ex = path.join(data, 'extraction');
  const htmlDirs = [path.join(ex, 'scrapinghub/html'), path.join(ex, 'wcxb-dev/html')];
  const cleaning = path.join(ex, 'html-cleaning');
  for (const set of readdirSync(cleaning).sort()) htmlDirs.push(path.join(cleaning, set, 'input'));
  for (const dir of htmlDirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const raw = readFileSync(path.join(dir, f));
      const bytes = f.endsWith('.gz') ? gunzipSync(raw) : raw;
      yield extractMainText(decodePage(bytes, undefined, decoders).text).text;
    }
  }
  const truth = JSON.parse(readFileSync(path.join(ex, 'scrapinghub/ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  for (const k of Object.keys(truth).sort()) yield truth[k]?.articleBody ?? '';
  const wcxb = path.join(ex, 'wcxb-dev/ground-truth');
  for (const f of readdirSync(wcxb).sort()) {
    const g = JSON.parse(readFileSync(path.join(wcxb, f), 'utf8')) as { ground_truth?: { main_content?: string } };
    yield g.ground_truth?.main_content ?? '';
  }
  for (const set of readdirSync(cleaning).sort()) {
    const dir = path.join(cleaning, set, 'GoldStandard');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) yield gunzipSync(readFileSync(path.join(dir, f))).toString('utf8');
  }
}

/** The distinct documents, in a fixed order. */
export function distinctDocuments(): string[] {
  if (existsSync(CACHE)) return readFileSync(CACHE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string);
  const data = sharedDataDir();
  if (!data) throw new Error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/');
  const seen = new Set<string>();
  const docs: string[] = [];
  for (const text of rawTexts(data)) {
    const kept = text.split('\n').filter((line) => {
      const key = line.trim();
      if (!key) return false;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const doc = kept.join('\n');
    if (Buffer.byteLength(doc) >= MIN_DOC_BYTES) docs.push(doc);
  }
  mkdirSync(path.dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return docs;
}
