// The line and name rules of html-rules.ts in this tree against a reference commit's
// (bench/html/reference.ts; by default where this branch left main), on what the shared extraction
// sets' pages ask of them. isBoilerplateLine: every distinct short line (< 200 characters, the lines
// it is asked about), and seeded fuzz lines sampled from the line lists' own alternatives
// (BOILERPLATE_LINE, CMS_LINES) with random case, case-folding look-alikes (ſ, K, İ, ẞ), prefixes,
// suffixes and cuts. nameFlags and idFlags: every page's distinct class values and all its ids, as
// html-blocks.ts asks, and seeded fuzz values recombining their parts. First the same answers on all of them, then the speed on the real ones:
// interleaved rounds, the two sides alternating every --chunk items, CPU seconds per pass, min and
// median of the per-round ratios and the median of the per-chunk ratios. Exits 1 on a difference.
// The speed is of two module copies in one isolate: a regex change on one side has moved the other
// side's time (docs/ingest.md, x17h's warning), so confirm a gain with isolated-vs-reference.ts.
// Usage: node --expose-gc bench/html/rules-vs-reference.ts [--ref COMMIT] [--fuzz 300000] [--rounds 5] [--chunk 5000]

import { parseArgs } from 'node:util';
import { parseBlocks } from '../../ingest/html-blocks.ts';
import { BOILERPLATE_LINE, CMS_LINES, idFlags, isBoilerplateLine, nameFlags } from '../../ingest/html-rules.ts';
import { parseHtml, wantedAttributes } from '../../ingest/html-tokenizer.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { loadPages } from './pages.ts';
import { alternateChunks, median } from '../interleave.ts';
import { loadReference } from './reference.ts';
import { seededRandom } from '../../pipeline/seeded-random.ts';

const { values: args } = parseArgs({
  options: { ref: { type: 'string' }, fuzz: { type: 'string', default: '300000' }, rounds: { type: 'string', default: '5' }, chunk: { type: 'string', default: '5000' } },
});
const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}
const reference = await loadReference(args.ref);
const isRef = reference.rules.isBoilerplateLine;

const distinct = new Set<string>();
/** Class values (distinct per page) and ids, in page order: what html-blocks.ts asks nameFlags and idFlags. */
const names: { value: string; id: boolean }[] = [];
const WANTED = wantedAttributes((v) => ({ class: v[0], id: v[1] }));
for (const page of await loadPages(dataDir)) {
  for (const b of parseBlocks(page.html).blocks) if (b.text.length < 200) distinct.add(b.text);
  const classes = new Set<string>();
  parseHtml(page.html, WANTED, {
    open: (_, attribs) => {
      const cls = attribs['class'];
      const id = attribs['id'];
      if (cls !== undefined && !classes.has(cls)) {
        classes.add(cls);
        names.push({ value: cls, id: false });
      }
      if (id !== undefined) names.push({ value: id, id: true });
    },
    close: () => {},
    text: () => {},
  });
}
const lines = [...distinct];

const random = seededRandom(0x2545f491);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

/** Characters a sampled class or wildcard draws from (those it matches). */
const POOL = [...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZabcdefghijklmnopqrstuvwxyz[]_|~«»“”„‘’←‹…¿ßäöüéèàçñóúíłśżąęć—–·•ſKİẞяжд版权订'];
const classPool = new Map<string, string[]>();

/** A random string matched by (mostly) a regex source of the line lists' kind; zero-width parts are skipped. */
function sample(src: string): string {
  let i = 0;
  const alternation = (): string => {
    const options: string[] = [];
    let seq = '';
    for (;;) {
      if (i >= src.length || src[i] === ')' || src[i] === '|') {
        options.push(seq);
        if (src[i] !== '|') return pick(options);
        seq = '';
        i++;
        continue;
      }
      const start = i;
      const atom = atomSample();
      let [min, max] = [1, 1];
      const q = src[i];
      if (q === '?') [min, max, i] = [0, 1, i + 1];
      else if (q === '*') [min, max, i] = [0, 3, i + 1];
      else if (q === '+') [min, max, i] = [1, 3, i + 1];
      else if (q === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i)) as RegExpExecArray;
        [min, max] = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Number(m[1]) + 3 : Math.min(Number(m[3]), Number(m[1]) + 3)];
        i += m[0].length;
      }
      if (src[i] === '?' && i > start) i++;
      const n = min + Math.floor(random() * (max - min + 1));
      if (n > 0) seq += atom;
      for (let k = 1; k < n; k++) {
        const after = i;
        i = start;
        seq += atomSample();
        i = after;
      }
    }
  };
  const atomSample = (): string => {
    const ch = src[i] as string;
    if (ch === '^' || ch === '$') {
      i++;
      return '';
    }
    if (ch === '(') {
      if (/^\(\?<?[=!]/.test(src.slice(i))) {
        i += src[i + 2] === '<' ? 4 : 3;
        alternation();
        i++;
        return '';
      }
      i += src.startsWith('(?:', i) ? 3 : 1;
      const s = alternation();
      i++;
      return s;
    }
    let end: number;
    if (ch === '[') {
      end = i + 1;
      while (src[end] !== ']') end += src[end] === '\\' ? 2 : 1;
      end++;
    } else if (ch === '\\') {
      const e = src[i + 1];
      if (e === 'b' || e === 'B') {
        i += 2;
        return '';
      }
      end = (e === 'p' || e === 'P') && src[i + 2] === '{' ? src.indexOf('}', i) + 1 : i + 2;
    } else end = i + String.fromCodePoint(src.codePointAt(i) as number).length;
    const atom = src.slice(i, end);
    i = end;
    if (!atom.startsWith('[') && !atom.startsWith('\\') && atom !== '.') return atom;
    let pool = classPool.get(atom);
    if (pool === undefined) {
      const re = new RegExp(`^(?:${atom})$`, 'iu');
      pool = POOL.filter((c) => re.test(c));
      classPool.set(atom, pool);
    }
    return pool.length === 0 ? '' : pick(pool);
  };
  return alternation();
}

const FOLDS = new Map([['s', 'ſ'], ['k', 'K'], ['i', 'İ'], ['ß', 'ẞ']]);
const EDGES = ['', '', '', ' ', '¿', '«', '„', 'x', '1 ', 'ſ', 'K', 'İ', 'ẞ', '- ', '© ', '...', ':', ' (2)', 'é', 'Я'];
const sources = [...BOILERPLATE_LINE, ...CMS_LINES];
const referenceSources = [...reference.rules.BOILERPLATE_LINE ?? [], ...reference.rules.CMS_LINES ?? []];
/** A fuzz line: an alternative of the lists (this tree's or the reference's) or a real line, mutated. */
function fuzzLine(): string {
  const r = random();
  let s = r < 0.85 ? sample(pick(r < 0.45 || referenceSources.length === 0 ? sources : referenceSources)) : pick(lines);
  let out = '';
  for (const c of s) {
    const x = random();
    const lower = c.toLowerCase();
    if (x < 0.03 && FOLDS.has(lower)) out += FOLDS.get(lower) as string;
    else if (x < 0.25) out += c.toUpperCase();
    else out += c;
  }
  s = pick(EDGES) + out + pick(EDGES);
  if (random() < 0.1) s = s.slice(Math.floor(random() * s.length));
  if (random() < 0.1) s = s.slice(0, Math.floor(random() * s.length));
  return s;
}

let differ = 0;
let matched = 0;
const check = (what: string, s: string): void => {
  const a = isBoilerplateLine(s);
  if (a) matched++;
  if (a === isRef(s)) return;
  differ++;
  if (differ <= 20) console.log(`${what}: ${JSON.stringify(s)} here ${a}, reference ${!a}`);
};
for (const s of lines) check('real', s);
const realMatched = matched;
const fuzz = Number(args.fuzz);
for (let k = 0; k < fuzz; k++) check(`fuzz ${k}`, fuzzLine());
console.log(`reference ${reference.commit.slice(0, 12)}: ${lines.length} distinct real lines (${realMatched} boilerplate), ${fuzz} fuzz lines (${matched - realMatched} boilerplate), ${differ} differences`);
const flagsHere = (n: { value: string; id: boolean }): number => (n.id ? idFlags(n.value) : nameFlags(n.value));
const flagsRef = (n: { value: string; id: boolean }): number => (n.id ? reference.rules.idFlags(n.value) : reference.rules.nameFlags(n.value));
/** The `-`/`_`/`\s`-separated parts of the real values, as often as they occur (the rules' words among the common ones). */
const nameParts = names.flatMap((n) => n.value.split(/[\s_-]+/)).filter((p) => p !== '');
const PART_SEPARATORS = ['-', '_', '-', '_', '--', '-_', '__'];
const NAME_SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff'];
/** A fuzz class or id value: real parts recombined into names of one to four parts, with separator
 * runs, leading and trailing separators and random upper case. */
function fuzzName(): { value: string; id: boolean } {
  let value = '';
  for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
    let name = random() < 0.1 ? pick(PART_SEPARATORS) : '';
    for (let j = 1 + Math.floor(random() * 4); j > 0; j--) name += (random() < 0.15 ? pick(nameParts).toUpperCase() : pick(nameParts)) + (j > 1 || random() < 0.1 ? pick(PART_SEPARATORS) : '');
    value += name + (k > 1 ? pick(NAME_SEPARATORS) : '');
  }
  return { value, id: random() < 0.3 };
}
let differNames = 0;
const checkName = (what: string, n: { value: string; id: boolean }): void => {
  const a = flagsHere(n);
  const b = flagsRef(n);
  if (a === b) return;
  differNames++;
  if (differNames <= 20) console.log(`${what} ${n.id ? 'id' : 'class'} ${JSON.stringify(n.value)}: here ${a}, reference ${b}`);
};
for (const n of names) checkName('real', n);
for (let k = 0; k < fuzz; k++) checkName(`fuzz ${k}`, fuzzName());
console.log(`${names.length} class values and ids, ${fuzz} fuzz values, ${differNames} differences`);
differ += differNames;

let sink = 0;
const rounds = Math.max(3, Number(args.rounds));
const chunk = Number(args.chunk);

/** Interleaved rounds of f (this tree) and g (the reference) over items. */
function speed<T>(what: string, items: readonly T[], f: (x: T) => unknown, g: (x: T) => unknown): void {
  const run = (h: (x: T) => unknown, from: number, to: number): void => {
    for (let i = from; i < to; i++) if (h(items[i] as T)) sink++;
  };
  run(f, 0, 20000);
  run(g, 0, 20000);
  const ratios: number[] = [];
  const chunks: number[] = [];
  const times = { here: [] as number[], ref: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const round = alternateChunks(items.length, chunk, (from, to) => run(f, from, to), (from, to) => run(g, from, to));
    chunks.push(...round.chunks);
    times.here.push(round.here);
    times.ref.push(round.ref);
    ratios.push(round.ref / round.here);
  }
  console.log(`${what}, ${items.length} items, ${rounds} rounds: this tree ${Math.min(...times.here).toFixed(3)} CPU s (min), reference ${Math.min(...times.ref).toFixed(3)}; speed-up min ${Math.min(...ratios).toFixed(2)}×, median ${median(ratios).toFixed(2)}× of rounds, ${median(chunks).toFixed(3)}× median of chunks`);
}
speed('isBoilerplateLine', lines, isBoilerplateLine, isRef);
speed('nameFlags/idFlags', names, flagsHere, flagsRef);
console.log(`(sink ${sink})`);
process.exit(differ > 0 ? 1 : 0);
