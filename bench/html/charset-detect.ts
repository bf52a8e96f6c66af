// Charset detection of the pages that declare no charset and are not valid UTF-8: this tree's
// ingest/charset-detect.ts against the old way (chardet's guess over the bytes outside tags of the
// first 64 KB, on every such page). Pages: bench/html/detect-pages.ts (shared extraction sets and
// real WARCs). Prints (1) agreement of the two guesses, (2) every disagreement judged by the gold
// text's non-ASCII words that each decoded page holds, and the same for the legacy gold files,
// (3) the guesses on pages that declare a legacy charset, against the declaration, (3b) with
// --transcoded, UTF-8 pages re-encoded into legacy charsets, where the truth is known, and (4) CPU
// seconds from interleaved rounds: detection alone and decodePage on the detected pages, decodePage
// on all pages against a reference commit (by default where this branch left main); min and median
// of the per-round ratios.
// Usage: node --expose-gc bench/html/charset-detect.ts [--ref COMMIT] [--rounds 5] [--transcoded]

import { isUtf8 } from 'node:buffer';
import { parseArgs } from 'node:util';
import { detect } from 'chardet';
import iconv from 'iconv-lite';
import { createDecoders, decodePage } from '../../ingest/charset.ts';
import type { Decoders } from '../../ingest/charset.ts';
import { detectCharset, textBytes } from '../../ingest/charset-detect.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { allPages } from './detect-pages.ts';
import type { RawPage } from './detect-pages.ts';
import { loadReference } from './reference.ts';
import { median } from '../interleave.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, rounds: { type: 'string', default: '5' }, transcoded: { type: 'boolean', default: false } } });
const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/');
  process.exit(2);
}
const rounds = Math.max(3, Number(args.rounds));
const reference = await loadReference(args.ref);

/** The old detection step, as main had it inside decodePage. */
const oldDetect = (b: Uint8Array): string => detect(textBytes(b.subarray(0, 64 * 1024))) ?? 'windows-1252';
const newDetect = (b: Uint8Array): string => detectCharset(b).label;

const decoders = createDecoders();
const all: RawPage[] = [];
for await (const p of allPages(dataDir)) all.push(p);
const detected: RawPage[] = [];
const declared: { page: RawPage; charset: string }[] = [];
for (const p of all) {
  const out = reference.charset.decodePage(p.bytes, p.contentType, decoders);
  if (isUtf8(p.bytes)) continue;
  if (out.source === 'detect') detected.push(p);
  else declared.push({ page: p, charset: out.charset });
}
const mb = (ps: readonly RawPage[]): string => (ps.reduce((n, p) => n + p.bytes.length, 0) / 1e6).toFixed(1);
/** The set a page comes from: the first folder of its id, two for the HTML-cleaning sets. */
const setOf = (p: RawPage): string => p.id.split('/').slice(0, p.id.startsWith('html-cleaning/') ? 2 : 1).join('/');
const reaching = new Map<string, { all: number; detected: number }>();
const tally = (p: RawPage): { all: number; detected: number } => {
  const e = reaching.get(setOf(p)) ?? { all: 0, detected: 0 };
  reaching.set(setOf(p), e);
  return e;
};
for (const p of all) tally(p).all++;
for (const p of detected) tally(p).detected++;
console.log(`${all.length} pages (${mb(all)} MB); reaching detection: ${detected.length} (${mb(detected)} MB); declaring a charset but not valid UTF-8: ${declared.length}`);
console.log(`reaching detection by set: ${[...reaching].map(([k, n]) => `${k} ${n.detected} of ${n.all}`).join(', ')}`);

const name = (d: Decoders, label: string): string => d.canonical(label) ?? label;

// (1) Agreement on the detected pages, by the rule that chose the new guess.
const rules = new Map<string, { pages: number; agree: number }>();
const disagree: { page: RawPage; old: string; now: string }[] = [];
for (const p of detected) {
  const old = name(decoders, oldDetect(p.bytes));
  const { label, rule } = detectCharset(p.bytes);
  const now = name(decoders, label);
  const r = rules.get(rule) ?? { pages: 0, agree: 0 };
  r.pages++;
  if (old === now) r.agree++;
  else disagree.push({ page: p, old, now });
  rules.set(rule, r);
}
const agree = [...rules.values()].reduce((n, r) => n + r.agree, 0);
console.log(`\n(1) old and new guess agree on ${agree} of ${detected.length} detected pages; by rule: ${[...rules].map(([k, r]) => `${k} ${r.agree}/${r.pages}`).join(', ')}`);

// (2) Disagreements, judged by the gold: distinct gold words with a non-ASCII letter, and how many
// of them each decoding of the page holds.
const goldWords = (gold: Uint8Array | undefined): string[] | undefined => {
  if (!gold || !isUtf8(gold)) return undefined;
  return [...new Set(new TextDecoder().decode(gold).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [])].filter((w) => /[^\x00-\x7f]/.test(w));
};
const firstDifference = (a: string, b: string): string => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return JSON.stringify(a.slice(Math.max(0, i - 12), i + 12).replace(/\s+/g, ' '));
};
console.log(`\n(2) ${disagree.length} disagreements (gold words with a non-ASCII letter found in the decoded page, old vs new):`);
for (const { page, old, now } of disagree) {
  const a = decodePage(page.bytes, `text/html; charset=${old}`, decoders).text;
  const b = decodePage(page.bytes, `text/html; charset=${now}`, decoders).text;
  const words = goldWords(page.gold);
  const judged = words ? `${words.filter((w) => a.includes(w)).length}/${words.length} vs ${words.filter((w) => b.includes(w)).length}/${words.length}` : 'no UTF-8 gold';
  console.log(`  ${page.id}: ${old} → ${now}; ${judged}; ${firstDifference(a, b)} → ${firstDifference(b, a)}`);
}

// (2b) The gold files that bench/extraction decodes with decodePage too (HTML-cleaning gold is
// sometimes in a legacy charset, never declared): old vs new guess, and where they differ.
const legacyGold = all.filter((p) => p.gold && !isUtf8(p.gold));
const goldDiffer = legacyGold.flatMap((p) => {
  const old = name(decoders, oldDetect(p.gold!));
  const now = name(decoders, newDetect(p.gold!));
  if (old === now) return [];
  const a = decodePage(p.gold!, `text/plain; charset=${old}`, decoders);
  const b = decodePage(p.gold!, `text/plain; charset=${now}`, decoders);
  // Mojibake of UTF-8 read as a Latin charset: Ã or Â before another Latin-1 character.
  const mojibake = (t: string): number => t.match(/[ÃÂ][\u0080-\u00bf]/g)?.length ?? 0;
  const counts = `U+FFFD ${a.replaced} / ${b.replaced}, UTF-8 mojibake ${mojibake(a.text)} / ${mojibake(b.text)}`;
  return [`  gold of ${p.id}: ${old} → ${now}; ${counts}; ${firstDifference(a.text, b.text)} → ${firstDifference(b.text, a.text)}`];
});
console.log(`\n(2b) gold files not valid UTF-8: ${legacyGold.length}; old and new guess agree on ${legacyGold.length - goldDiffer.length}`);
if (goldDiffer.length) console.log(goldDiffer.join('\n'));

// (3) Pages that declare a legacy charset: each detector's guess against the declaration.
let oldRight = 0;
let newRight = 0;
const misses: string[] = [];
for (const { page, charset } of declared) {
  const o = name(decoders, oldDetect(page.bytes)) === charset;
  const n = name(decoders, newDetect(page.bytes)) === charset;
  oldRight += Number(o);
  newRight += Number(n);
  if (o !== n) misses.push(`  ${page.id}: declared ${charset}, old ${o ? 'same' : name(decoders, oldDetect(page.bytes))}, new ${n ? 'same' : name(decoders, newDetect(page.bytes))}`);
}
console.log(`\n(3) pages declaring a charset, not valid UTF-8 (${declared.length}): guess equals the declaration, old ${oldRight}, new ${newRight}; where only one does:`);
console.log(misses.join('\n'));

// (3b) With --transcoded: every valid UTF-8 page with non-ASCII letters, re-encoded into each legacy
// charset that holds its text exactly and whose script its letters use (a Latin charset for accented
// Latin letters, windows-1251 for Cyrillic, …): the truth is known, and a guess is right when it
// decodes the bytes back to the same text. Slow (chardet on every page and charset, minutes).
if (args.transcoded) {
  const scripts: [string, RegExp][] = [
    ['windows-1252', /[\u00c0-\u024f]/u],
    ['windows-1250', /[\u00c0-\u024f]/u],
    ['iso-8859-2', /[\u00c0-\u024f]/u],
    ['windows-1254', /[\u00c0-\u024f]/u],
    ['windows-1257', /[\u00c0-\u024f]/u],
    ['windows-1251', /\p{Script=Cyrillic}/u],
    ['koi8-r', /\p{Script=Cyrillic}/u],
    ['windows-1253', /\p{Script=Greek}/u],
    ['shift_jis', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
    ['euc-jp', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
    ['gbk', /\p{Script=Han}/u],
    ['big5', /\p{Script=Han}/u],
    ['euc-kr', /\p{Script=Hangul}/u],
  ];
  console.log('\n(3b) UTF-8 pages re-encoded into legacy charsets: pages, right old / new, right only old / only new, new guesses by rule');
  for (const [charset, script] of scripts) {
    let n = 0;
    let oldOk = 0;
    let newOk = 0;
    let onlyOld = 0;
    let onlyNew = 0;
    const byRule = new Map<string, number>();
    for (const p of all) {
      if (!isUtf8(p.bytes)) continue;
      const text = new TextDecoder().decode(p.bytes);
      if (!script.test(text)) continue;
      const bytes = iconv.encode(text, charset);
      if (isUtf8(bytes) || iconv.decode(bytes, charset) !== text) continue;
      n++;
      const o = decodePage(bytes, `text/html; charset=${oldDetect(bytes)}`, decoders).text === text;
      const now = detectCharset(bytes);
      const w = decodePage(bytes, `text/html; charset=${now.label}`, decoders).text === text;
      oldOk += Number(o);
      newOk += Number(w);
      onlyOld += Number(o && !w);
      onlyNew += Number(w && !o);
      byRule.set(now.rule, (byRule.get(now.rule) ?? 0) + 1);
    }
    console.log(`  ${charset}: ${n} pages, right ${oldOk} / ${newOk}, only ${onlyOld} / ${onlyNew}; ${[...byRule].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}

// (4) CPU seconds, interleaved rounds.
let sink = 0;
const cpu = (pass: () => void): number => {
  globalThis.gc?.();
  const start = process.cpuUsage();
  pass();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const refDecoders = reference.charset.createDecoders();
const passes: { name: string; pages: number; old: () => void; now: () => void }[] = [
  { name: 'detection step, detected pages', pages: detected.length, old: () => detected.forEach((p) => (sink += oldDetect(p.bytes).length)), now: () => detected.forEach((p) => (sink += newDetect(p.bytes).length)) },
  {
    name: 'decodePage, detected pages',
    pages: detected.length,
    old: () => detected.forEach((p) => (sink += reference.charset.decodePage(p.bytes, p.contentType, refDecoders).text.length)),
    now: () => detected.forEach((p) => (sink += decodePage(p.bytes, p.contentType, decoders).text.length)),
  },
  {
    name: 'decodePage, all pages',
    pages: all.length,
    old: () => all.forEach((p) => (sink += reference.charset.decodePage(p.bytes, p.contentType, refDecoders).text.length)),
    now: () => all.forEach((p) => (sink += decodePage(p.bytes, p.contentType, decoders).text.length)),
  },
];
for (const p of passes) {
  p.old();
  p.now();
}
const times = passes.map(() => ({ old: [] as number[], now: [] as number[] }));
for (let r = 0; r < rounds; r++) {
  passes.forEach((p, i) => {
    times[i]!.old.push(cpu(p.old));
    times[i]!.now.push(cpu(p.now));
  });
}
console.log(`\n(4) CPU seconds per pass, ${rounds} interleaved rounds, reference ${reference.commit.slice(0, 12)} for decodePage:`);
console.log('| pass | pages | old CPU s (min) | new CPU s (min) | old / new ms per page (min) | speed-up min / median |');
console.log('|---|---|---|---|---|---|');
passes.forEach((p, i) => {
  const t = times[i]!;
  const ratios = t.old.map((o, r) => o / t.now[r]!);
  const oldMin = Math.min(...t.old);
  const newMin = Math.min(...t.now);
  console.log(`| ${p.name} | ${p.pages} | ${oldMin.toFixed(3)} | ${newMin.toFixed(3)} | ${((oldMin / p.pages) * 1e3).toFixed(2)} / ${((newMin / p.pages) * 1e3).toFixed(2)} | ${Math.min(...ratios).toFixed(2)}× / ${median(ratios).toFixed(2)}× |`);
});
if (sink === 0) console.log('(no output)');
