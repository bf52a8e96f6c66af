// Loads the extraction benchmarks from the shared data folder: scrapinghub (181 articles, gold
// `articleBody`), the WCXB development split (1,497 pages of seven types, gold `main_content`) and
// the html-cleaning sets (CleanEval final/dev, CleanPortalEval, Dragnet, L3S-GN1: older pages in
// legacy charsets, kept as raw bytes so that every extractor decodes them itself, timed).
// Every page also gets a fixed half (tuning or validation), from a hash of its set and id.

import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities/decode';
import { createDecoders, decodePage } from '../../ingest/charset.ts';

export type Half = 'tune' | 'valid';

export interface BenchPage {
  set: string;
  id: string;
  url?: string;
  html: string;
  /** The page's bytes as served, for the sets that come as bytes (html-cleaning). */
  bytes?: Uint8Array;
  gold: string;
  /** WCXB page type (article, forum, …); absent elsewhere. */
  type?: string;
  half: Half;
}

/** Which half a page is in: the first byte of SHA-256 of `set/id` with a fixed salt, even = tuning.
 * Fixed, documented, independent of file order and of the other pages. */
export function halfOf(set: string, id: string): Half {
  const h = createHash('sha256').update(`cc-pretrain extraction split v1\0${set}/${id}`).digest();
  return (h[0] as number) % 2 === 0 ? 'tune' : 'valid';
}

const decoder = new TextDecoder('utf-8');

export async function loadScrapinghub(dataDir: string, limit = Infinity): Promise<BenchPage[]> {
  const dir = path.join(dataDir, 'extraction', 'scrapinghub');
  if (!existsSync(dir)) return [];
  const truth = JSON.parse(await readFile(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const ids = Object.keys(truth).sort().slice(0, limit);
  return Promise.all(
    ids.map(async (id) => {
      const entry = truth[id] ?? {};
      const html = decoder.decode(gunzipSync(await readFile(path.join(dir, 'html', `${id}.html.gz`))));
      return { set: 'scrapinghub', id, html, gold: entry.articleBody ?? '', half: halfOf('scrapinghub', id), ...(entry.url ? { url: entry.url } : {}) };
    }),
  );
}

interface WcxbTruth {
  url?: string;
  _internal?: { page_type?: { primary?: string } };
  ground_truth?: { main_content?: string };
}

/** `only`: just these page ids (tests that need one page). */
export async function loadWcxb(dataDir: string, limit = Infinity, only?: readonly string[]): Promise<BenchPage[]> {
  const dir = path.join(dataDir, 'extraction', 'wcxb-dev');
  if (!existsSync(dir)) return [];
  const ids = (await readdir(path.join(dir, 'ground-truth')))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .filter((id) => only === undefined || only.includes(id))
    .sort()
    .slice(0, limit);
  return Promise.all(
    ids.map(async (id) => {
      const t = JSON.parse(await readFile(path.join(dir, 'ground-truth', `${id}.json`), 'utf8')) as WcxbTruth;
      const html = decoder.decode(gunzipSync(await readFile(path.join(dir, 'html', `${id}.html.gz`))));
      return {
        set: 'wcxb-dev',
        id,
        html,
        gold: t.ground_truth?.main_content ?? '',
        type: t._internal?.page_type?.primary ?? 'unknown',
        half: halfOf('wcxb-dev', id),
        ...(t.url ? { url: t.url } : {}),
      };
    }),
  );
}

/** The html-cleaning sets, in the order the bench reports them. */
export const HTML_CLEANING_SETS = ['cleaneval-final', 'cleaneval-dev', 'CleanPortalEval', 'dragnet', 'l3s-gn1'] as const;
export type HtmlCleaningSet = (typeof HTML_CLEANING_SETS)[number];

/** CleanEval gold: a `URL: …` first line, then segments marked `<p>`, `<h>`, `<l>`. */
function cleanEvalGold(text: string): string {
  return decodeHTML(text.replace(/^\s*URL:[^\n]*\n/, '').replace(/<[phl]>/g, '\n'));
}

/** Dragnet gold: the main content, then (in some files) a separator and the user comments, which
 * are not main content for an extractor run without comments. The separator is `!@#$%^&*()`, typed
 * by hand: some copies lack their first characters (`#$%^&*()`), and 7 of the 423 drop, swap or
 * double one inside (`!@ $%^&*()`, `!#@$%^&*()`, `!@#$%$%^&*()`, `!@#$%^&**()`), which left their
 * comments in the gold: the cut is at the separator's fixed middle, with the separator characters
 * before it. */
function dragnetGold(text: string): string {
  const cut = /[!@#$%\s]*\$%\^&\*+\(\)/.exec(text);
  return cut ? text.slice(0, cut.index) : text;
}

/** L3S-GN1 gold: the page annotated with spans; headline (`x-nc-sel1`) and full text (`x-nc-sel2`)
 * are the content. */
function l3sGold(html: string): string {
  const out: string[] = [];
  const spans: boolean[] = [];
  let inContent = 0;
  let skip = 0;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === 'script' || name === 'style') skip++;
      if (name !== 'span') return;
      const sel = /x-nc-sel([0-9])/.exec(attribs['class'] ?? '');
      const content = sel !== null && (sel[1] === '1' || sel[1] === '2');
      spans.push(content);
      if (content) inContent++;
    },
    onclosetag(name) {
      if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1);
      if (name !== 'span') return;
      if (spans.pop()) inContent--;
    },
    ontext(text) {
      if (inContent > 0 && skip === 0) out.push(text);
    },
  });
  parser.end(html);
  return out.join(' ');
}

export async function loadHtmlCleaning(dataDir: string, set: HtmlCleaningSet, limit = Infinity, only?: readonly string[]): Promise<BenchPage[]> {
  const dir = path.join(dataDir, 'extraction', 'html-cleaning', set);
  if (!existsSync(dir)) return [];
  const ids = (await readdir(path.join(dir, 'GoldStandard')))
    .filter((f) => f.endsWith('.txt.gz'))
    .map((f) => f.slice(0, -'.txt.gz'.length))
    .filter((id) => only === undefined || only.includes(id))
    .filter((id) => existsSync(path.join(dir, 'input', `${id}.html.gz`)))
    .sort()
    .slice(0, limit);
  const decoders = createDecoders();
  return Promise.all(
    ids.map(async (id) => {
      const bytes = new Uint8Array(gunzipSync(await readFile(path.join(dir, 'input', `${id}.html.gz`))));
      const goldRaw = decodePage(new Uint8Array(gunzipSync(await readFile(path.join(dir, 'GoldStandard', `${id}.txt.gz`)))), undefined, decoders).text;
      const gold = set === 'l3s-gn1' ? l3sGold(goldRaw) : set === 'dragnet' ? dragnetGold(goldRaw) : cleanEvalGold(goldRaw);
      const html = decodePage(bytes, undefined, decoders).text;
      return { set, id, html, bytes, gold, half: halfOf(set, id) };
    }),
  );
}
