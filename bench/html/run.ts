// HTML parse-path benchmark: our tokenizer (ingest/html-tokenizer.ts) against htmlparser2 driven
// as extraction drove it before (bench/html/htmlparser2-events.ts), on the distinct real pages of
// the shared extraction sets, decoded before any timer. Interleaved rounds (ours, anchor, …), CPU
// seconds of this process per pass; prints min and median of the per-round ratios and MB/s of page
// bytes. Three levels: the tokenizer alone (events counted), parseBlocks (the whole parse path:
// blocks and element tree), and extractMainText (parse + scoring). The scoring does not depend on
// the tokenizer, so "before" for the whole extraction is ours − our parseBlocks + htmlparser2's.
// Usage: node bench/html/run.ts [--rounds 3] [--limit N]

import { parseArgs } from 'node:util';
import { parseBlocks } from '../../ingest/html-blocks.ts';
import { extractMainText } from '../../ingest/html-extract.ts';
import { parseHtml, wantedAttributes } from '../../ingest/html-tokenizer.ts';
import type { HtmlEvents, Tokenize } from '../../ingest/html-tokenizer.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { htmlparser2Tokenize } from './htmlparser2-events.ts';
import { loadPages } from './pages.ts';
import { median } from '../interleave.ts';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, limit: { type: 'string' } } });

const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}
const rounds = Math.max(3, Number(args.rounds));
let pages = (await loadPages(dataDir)).slice(0, args.limit ? Number(args.limit) : undefined);
const mb = pages.reduce((n, p) => n + p.bytes, 0) / 1e6;
console.log(`${pages.length} distinct pages, ${mb.toFixed(1)} MB of HTML, ${rounds} interleaved rounds, CPU seconds per pass`);

// The same light consumer for both tokenizers: the events are counted, attributes read.
const WANTED = wantedAttributes((v) => ({ class: v[0], id: v[1], role: v[2], style: v[3], hidden: v[4], 'aria-hidden': v[5], href: v[6] }));
let sink = 0;
const consumer: HtmlEvents = {
  open(name, attribs) {
    sink += name.length + (attribs['class']?.length ?? 0);
  },
  close(name) {
    sink += name.length;
  },
  text(_source, start, end) {
    sink += end - start;
  },
};

function cpu(pass: () => void): number {
  const start = process.cpuUsage();
  pass();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const tokenizeAll = (tokenize: Tokenize) => (): void => {
  for (const p of pages) tokenize(p.html, WANTED, consumer);
};
const blocksAll = (tokenize: Tokenize) => (): void => {
  for (const p of pages) sink += parseBlocks(p.html, tokenize).blocks.length;
};
const extractAll = (): void => {
  for (const p of pages) sink += extractMainText(p.html).text.length;
};


interface Level {
  name: string;
  ours: number[];
  anchor: number[];
}
const levels: Level[] = [
  { name: 'tokenizer (events only)', ours: [], anchor: [] },
  { name: 'parseBlocks (parse path)', ours: [], anchor: [] },
];
// JIT warm-up of every pass, outside the timers.
const all = pages;
pages = all.slice(0, 50);
for (const pass of [tokenizeAll(parseHtml), tokenizeAll(htmlparser2Tokenize), blocksAll(parseHtml), blocksAll(htmlparser2Tokenize), extractAll]) pass();
pages = all;
const extractOurs: number[] = [];
for (let r = 0; r < rounds; r++) {
  (levels[0] as Level).ours.push(cpu(tokenizeAll(parseHtml)));
  (levels[0] as Level).anchor.push(cpu(tokenizeAll(htmlparser2Tokenize)));
  (levels[1] as Level).ours.push(cpu(blocksAll(parseHtml)));
  (levels[1] as Level).anchor.push(cpu(blocksAll(htmlparser2Tokenize)));
  extractOurs.push(cpu(extractAll));
}
// Per round: extraction before = ours − our parse path + htmlparser2's parse path.
levels.push({
  name: 'extractMainText (parse + scoring)',
  ours: extractOurs,
  anchor: extractOurs.map((e, r) => e - ((levels[1] as Level).ours[r] as number) + ((levels[1] as Level).anchor[r] as number)),
});

const fmt = (x: number): string => x.toFixed(2);
console.log('| level | ours CPU s (min) | htmlparser2 CPU s (min) | ours MB/s | htmlparser2 MB/s | speed-up min / median |');
console.log('|---|---|---|---|---|---|');
for (const l of levels) {
  const ratios = l.ours.map((o, r) => (l.anchor[r] as number) / o);
  const ours = Math.min(...l.ours);
  const anchor = Math.min(...l.anchor);
  console.log(`| ${l.name} | ${fmt(ours)} | ${fmt(anchor)} | ${(mb / ours).toFixed(0)} | ${(mb / anchor).toFixed(0)} | ${fmt(Math.min(...ratios))}× / ${fmt(median(ratios))}× |`);
}
if (sink === 0) console.log('(no events)');
