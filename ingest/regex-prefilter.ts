// Cheap necessary conditions read from a regex's own source, so that most strings never run it:
// which characters a match can open with (anchoredAlternation: a large `^(a|b|…)` alternation run
// only with the alternatives that can open with a line's first three characters), how short a
// match can be (shortestMatch) and which n-grams of literal characters it must hold (gramSieve:
// one pass over a line says which of a few regexes may match it). irregexp tries every alternative of a `^(a|b|…)` regex in turn,
// 15–20 ns each under `iu` even when the first character already differs (the ~140 alternatives of
// the CMS and anchored boilerplate lines cost 0.3–0.7 µs per line); a line's first three characters
// leave a few of them, and none for most lines. Which ASCII characters an atom matches is decided by the regex engine itself
// (case folding included); what the reader does not know (a backreference) throws.

/** What can open a match of a piece of regex source, over ASCII characters. */
interface Opening {
  /** first[c]: a match can open with character c. */
  first: Uint8Array;
  /** single[c]: the piece can match the one-character string c. */
  single: Uint8Array;
  /** The first two characters (c0 * 128 + c1) of matches of two or more characters. */
  pairs: Set<number>;
  /** The matches of exactly two characters (c0 * 128 + c1). */
  doubles: Set<number>;
  /** The first three characters (c0 * 16384 + c1 * 128 + c2) of matches of three or more, but
   * for those that open with a pair of `open`. */
  triples: Set<number>;
  /** Pairs (c0 * 128 + c1) that any third character may follow, where the triples would be too
   * many to list (`\\W\\W\\W` alone has 287,496). */
  open: Set<number>;
  /** The piece can match the empty string. */
  nullable: boolean;
  /** The length of its shortest match, in UTF-16 units or fewer. */
  min: number;
  /** Never shorter than three characters: what follows it cannot change its opening. */
  settled: boolean;
}

const ZERO_WIDTH: Opening = { first: new Uint8Array(128), single: new Uint8Array(128), pairs: new Set(), doubles: new Set(), triples: new Set(), open: new Set(), nullable: true, min: 0, settled: false };
/** One character whose opening is not needed (after a sequence's first three). */
const UNREAD_CHARACTER: Opening = { first: new Uint8Array(128), single: new Uint8Array(128), pairs: new Set(), doubles: new Set(), triples: new Set(), open: new Set(), nullable: false, min: 1, settled: true };

/** A product of more triples than this goes to `open` as pairs. */
const TRIPLES_MAX = 4096;

/** The 128 ASCII characters in order. */
const ASCII = String.fromCharCode(...Array.from({ length: 128 }, (_, c) => c));

/**
 * Uses of a list of alternatives before it gets one regex of its own. Until then each alternative
 * runs as its own regex (compiled once, shared by every list that holds it): compiling a list's
 * regex costs 0.5–2 ms (irregexp redoes the case closure of every `\p{L}`, `.` or class under
 * `iu`, in every list that holds it: 130-odd lists cost 0.2 CPU-s per process, most of it on the
 * first pages), about what 5,000 uses of a list of four or five alternatives lose by running them
 * one by one; paying it only then keeps either way within twice the cheaper one.
 */
const COMPILE_AFTER = 5000;

/** The alternatives a line's opening leaves (indices into the list), as one list per distinct set. */
interface Candidates {
  alternatives: readonly number[];
  /** No alternative matches fewer characters (Infinity for an empty list). */
  min: number;
  uses: number;
  /** The list's own regex once it has earned it; null for an empty list. */
  re: RegExp | null | undefined;
}

/**
 * A tester equivalent to `new RegExp(`^(?:${alternatives.join('|')})`, flags).test(text)`. A line
 * whose first three characters are ASCII runs the alternatives that can open with them (after
 * COMPILE_AFTER uses as one regex, made then, one per distinct list; before, one regex per
 * alternative); a line of two ASCII characters, or whose third is not ASCII, runs those that can
 * open with its first two; a line of one ASCII character, or whose second character is not ASCII,
 * those that can open with the first; any other line (empty, or opening with a non-ASCII character,
 * which case folding may map anywhere) runs them all. Which ASCII characters an atom matches is
 * decided by the regex engine itself, so case folding is the engine's own.
 */
export function anchoredAlternation(alternatives: readonly string[], flags: string): (text: string) => boolean {
  const whole = new RegExp(`^(?:${alternatives.join('|')})`, flags);
  const atoms = new Map<string, Uint8Array>();
  const openings = alternatives.map((a) => openingOf(a, flags, atoms));
  const alone = new Array<RegExp | undefined>(alternatives.length);
  const aloneRegex = (k: number): RegExp => (alone[k] ??= new RegExp(`^(?:${alternatives[k]})`, flags));
  const byList = new Map<string, Candidates>();
  const all = openings.map((_, k) => k);
  /** The alternatives of `from` whose openings `keep`, as a list shared with every equal one. */
  const only = (from: readonly number[], keep: (o: Opening) => boolean): Candidates => {
    const list = from.filter((k) => keep(openings[k] as Opening));
    const key = list.join(',');
    let c = byList.get(key);
    if (c === undefined) {
      c = { alternatives: list, min: Math.min(...list.map((k) => (openings[k] as Opening).min)), uses: 0, re: list.length === 0 ? null : list.length === 1 ? aloneRegex(list[0]!) : undefined };
      byList.set(key, c);
    }
    return c;
  };
  const run = (c: Candidates, text: string): boolean => {
    // A line shorter than every alternative's shortest match runs none (a sixth of the lines of
    // lists that are not empty).
    if (text.length < c.min) return false;
    if (c.re === undefined && ++c.uses >= COMPILE_AFTER) c.re = new RegExp(`^(?:${c.alternatives.map((k) => alternatives[k]).join('|')})`, flags);
    if (c.re !== undefined) return c.re !== null && c.re.test(text);
    for (const k of c.alternatives) if (aloneRegex(k).test(text)) return true;
    return false;
  };
  const byFirst = new Array<Candidates | undefined>(128).fill(undefined);
  const byPair = new Array<Candidates | undefined>(128 * 128).fill(undefined);
  // byTriple[pair][c2], made for a pair on its first line of three ASCII characters.
  const byTriple = new Array<(Candidates | undefined)[] | undefined>(128 * 128).fill(undefined);
  return (text) => {
    const c0 = text.charCodeAt(0);
    if (!(c0 < 128)) return whole.test(text);
    const c1 = text.charCodeAt(1);
    if (!(c1 < 128)) return run((byFirst[c0] ??= only(all, (o) => o.nullable || o.first[c0] === 1)), text);
    const key = c0 * 128 + c1;
    const pair = (byPair[key] ??= only(all, (o) => o.nullable || o.single[c0] === 1 || o.pairs.has(key)));
    const c2 = text.charCodeAt(2);
    // What can open with the first three characters can open with the first two (doubles, triples
    // and open pairs are among the pairs): an empty list stays empty.
    if (!(c2 < 128) || pair.re === null) return run(pair, text);
    const triple = key * 128 + c2;
    const thirds = (byTriple[key] ??= new Array<Candidates | undefined>(128).fill(undefined));
    return run((thirds[c2] ??= only(pair.alternatives, (o) => o.nullable || o.single[c0] === 1 || o.doubles.has(key) || o.triples.has(triple) || o.open.has(key))), text);
  };
}

/** The top-level alternatives of a regex source (`a|b(c|d)` → `a`, `b(c|d)`). */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** A lower bound on the length of any match of `re`: a shorter string need not run it. */
export function shortestMatch(re: RegExp): number {
  const [opening, end] = alternation(re.source, 0, re.flags, new Map(), false);
  if (end !== re.source.length) throw new Error(`unbalanced ) at ${end} in ${re.source}`);
  return opening.min;
}

/**
 * A sieve for `regexes` (at most 16): one pass over a string's characters returns, as bit k, whether
 * regexes[k] may match it; a clear bit means it cannot. Every match of a top-level alternative holds
 * the runs of literal characters the alternative must match (`\bcookies?\b` holds `cooki`); one
 * n-gram of such a run (three characters, or a shorter run whole) is chosen per alternative, the
 * rarest by a letter-frequency guess, and a string holding none of a regex's n-grams (its
 * characters folded as the engine folds them) cannot match it. A regex with an alternative that
 * must match no literal character keeps its bit set. irregexp tries a big unanchored alternation's
 * alternatives at every position of a line (BOILERPLATE_LINE's 53 under `iu`: 10–15 ns per
 * character); this pass costs a few, and most lines hold none of the n-grams.
 */
export function gramSieve(regexes: readonly RegExp[]): (text: string) => number {
  if (regexes.length > 16) throw new Error('gramSieve takes at most 16 regexes');
  // Symbols: 0 a character no n-gram needs, 1 a non-ASCII character without a symbol of its own
  // (what the non-ASCII letters of case-insensitive regexes need: which characters the engine folds
  // them onto is not read, only that none of those has another symbol), then one per ASCII
  // character (both cases of a letter) and one per non-ASCII letter of a case-sensitive regex.
  const keys = new Map<string, string | undefined>();
  const keyOf = (c: string, flags: string): string | undefined => {
    let key = keys.get(c + flags);
    if (key === undefined && !keys.has(c + flags)) keys.set(c + flags, (key = symbolKey(c, flags)));
    return key;
  };
  const symbols = new Map<string, number>();
  const shared: RegExp[] = [];
  const symbolOf = (c: string, flags: string): number => {
    const key = keyOf(c, flags) as string;
    if (key === '') {
      shared.push(new RegExp(escapeLiteral(c), flags));
      return 1;
    }
    let symbol = symbols.get(key);
    if (symbol === undefined) symbols.set(key, (symbol = symbols.size + 2));
    return symbol;
  };
  let always = 0;
  const chosen: { gram: number[]; bit: number }[] = [];
  regexes.forEach((re, k) => {
    for (const alternative of topLevelAlternatives(re.source)) {
      const [grams, end] = requiredGrams(alternative, 0);
      if (end !== alternative.length) throw new Error(`unbalanced ) at ${end} in ${alternative}`);
      let best: string[] | undefined;
      let bestScore = -1;
      for (const gram of grams) {
        const chars = [...gram];
        // Longer n-grams first, then rarer characters.
        const score = chars.length * 100 + chars.reduce((n, c) => n + rarity(c), 0);
        if (score > bestScore && chars.every((c) => keyOf(c, re.flags) !== undefined)) [best, bestScore] = [chars, score];
      }
      if (best === undefined) always |= 1 << k;
      else chosen.push({ gram: best.map((c) => symbolOf(c, re.flags)), bit: 1 << k });
    }
  });
  const codes = new Uint8Array(65536).fill(1, 128);
  for (const [key, symbol] of symbols) {
    codes[key.charCodeAt(0)] = symbol;
    if (key >= 'a' && key <= 'z') codes[key.toUpperCase().charCodeAt(0)] = symbol;
  }
  // Non-ASCII characters the engine folds onto an ASCII one (ſ is s, K is k under `iu`) take its symbol.
  for (const c of FOLDED_TO_ASCII) codes[c.charCodeAt(0)] = codes[(ASCII.match(new RegExp(escapeLiteral(c), 'iu')) as RegExpMatchArray)[0].charCodeAt(0)] as number;
  // A case-insensitive non-ASCII letter matching a case-sensitive regex's (/ü/i and /Ü/) would miss it.
  const own = [...symbols.keys()].filter((key) => key.charCodeAt(0) >= 128);
  for (const re of shared) {
    const hit = own.find((c) => re.test(c));
    if (hit !== undefined) throw new Error(`gramSieve: /${re.source}/${re.flags} matches ${hit}, which has a symbol of its own`);
  }
  const bits = Math.ceil(Math.log2(symbols.size + 2));
  if (3 * bits > 24) throw new Error('gramSieve: too many symbols');
  const mask = (1 << (3 * bits)) - 1;
  // table[three symbols]: the regexes one of whose n-grams ends there (a shorter one after any
  // symbols). One element type for every sieve: the testers share one closure's type feedback.
  const table = new Uint16Array(mask + 1);
  for (const { gram, bit } of chosen) {
    const low = gram.reduce((n, c) => (n << bits) | c, 0);
    const shift = bits * gram.length;
    for (let before = 0; before < 1 << (3 * bits - shift); before++) table[(before << shift) | low] = (table[(before << shift) | low] as number) | bit;
  }
  return (text) => {
    let may = always;
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      at = ((at << bits) | (codes[text.charCodeAt(i)] as number)) & mask;
      may |= table[at] as number;
    }
    return may;
  };
}

/**
 * The key of the symbol of literal `c` of a regex with `flags`: its lower case for an ASCII
 * character, or for a non-ASCII one that the engine folds onto it (ſ under `iu`); itself for a
 * non-ASCII character of a case-sensitive regex; '' for the shared symbol; undefined when it can
 * have none (a surrogate, or a non-ASCII character that only folds onto one with another symbol).
 */
function symbolKey(c: string, flags: string): string | undefined {
  const code = c.charCodeAt(0);
  if (c.length !== 1 || (code >= 0xd800 && code < 0xe000)) return undefined;
  if (code < 128) return c.toLowerCase();
  if (!flags.includes('i')) return FOLDED_TO_ASCII.includes(c) ? undefined : c;
  const literal = new RegExp(escapeLiteral(c), flags);
  const ascii = literal.exec(ASCII);
  if (ascii !== null) return ascii[0].toLowerCase();
  return FOLDED_TO_ASCII.some((f) => literal.test(f)) ? undefined : '';
}

/** Characters by how common they are in text (space and `e` first): an n-gram of late ones is rarer. */
const COMMON = ' etaoinsrhldcumfpgwybvkxjqz';

function rarity(c: string): number {
  const k = COMMON.indexOf(c.toLowerCase());
  if (k >= 0) return k;
  // Most lines of Latin-script text are ASCII: non-ASCII characters (and ASCII punctuation, digits)
  // are rarer than any letter.
  return c.charCodeAt(0) >= 128 ? 26 : 20;
}

/** Non-ASCII UTF-16 units that the engine matches to an ASCII character under `iu` (ſ, K). */
const FOLDED_TO_ASCII: readonly string[] = (() => {
  // Every non-ASCII unit but the surrogates, decoded at once (concatenating 63k strings took 16 ms).
  const units = new Uint16Array(0x10000 - 128 - 0x800);
  let n = 0;
  for (let c = 128; c < 0x10000; c++) if (c < 0xd800 || c >= 0xe000) units[n++] = c;
  return [...new TextDecoder('utf-16le').decode(units).matchAll(/[\0-\x7f]/giu)].map((m) => m[0]);
})();

const escapeLiteral = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * The n-grams (three characters, or a shorter run whole) of the runs of literal characters that
 * every match of the alternation from `i` to its closing `)` or the end holds; returns them and
 * where it stopped. A group counts when it must match (the n-grams all its branches hold); classes,
 * escapes, `.`, assertions, lookarounds and quantified atoms end a run.
 */
function requiredGrams(src: string, i: number): [Set<string>, number] {
  let common: Set<string> | undefined;
  let grams = new Set<string>();
  let run = '';
  const endRun = (): void => {
    const chars = [...run];
    if (chars.length > 0 && chars.length < 3) grams.add(run);
    for (let k = 0; k + 3 <= chars.length; k++) grams.add(chars.slice(k, k + 3).join(''));
    run = '';
  };
  for (;;) {
    if (i >= src.length || src[i] === ')' || src[i] === '|') {
      endRun();
      const branch = grams;
      common = common === undefined ? branch : new Set([...common].filter((g) => branch.has(g)));
      if (src[i] !== '|') return [common, i];
      grams = new Set();
      i++;
      continue;
    }
    const ch = src[i] as string;
    let literal: string | undefined;
    let group: Set<string> | undefined;
    let end: number;
    if (ch === '(') {
      const { body, lookaround } = groupAt(src, i);
      const [inner, close] = requiredGrams(src, body);
      if (src[close] !== ')') throw new Error(`unclosed ( at ${i} in ${src}`);
      end = close + 1;
      if (!lookaround) group = inner;
    } else if (ch === '^' || ch === '$' || ch === '.' || ch === '{' || ch === '}') end = i + 1;
    else if (ch === '\\' && (src[i + 1] === 'b' || src[i + 1] === 'B')) end = i + 2;
    else {
      end = characterEnd(src, i);
      if (ch !== '[' && ch !== '\\') literal = src.slice(i, end);
    }
    const [min, max, next] = quantifier(src, end);
    i = next;
    if (literal !== undefined && min === 1 && max === 1) {
      run += literal;
      continue;
    }
    endRun();
    if (group !== undefined && min >= 1) for (const g of group) grams.add(g);
  }
}

/** What a regex source (an alternation) can open with, for `flags`. Throws on what it cannot read. */
export function openingOf(source: string, flags: string, atoms = new Map<string, Uint8Array>()): Opening {
  const [opening, end] = alternation(source, 0, flags, atoms);
  if (end !== source.length) throw new Error(`unbalanced ) at ${end} in ${source}`);
  return opening;
}

/**
 * The alternation from `i` to its closing `)` or the end; returns it and where it stopped. Where
 * `opening` is false only its nullable and min are read: its characters are left unread.
 */
function alternation(src: string, i: number, flags: string, atoms: Map<string, Uint8Array>, opening = true): [Opening, number] {
  const all = nothing();
  let seq = ZERO_WIDTH;
  for (;;) {
    if (i >= src.length || src[i] === ')' || src[i] === '|') {
      if (opening) addInto(all, seq);
      else {
        all.nullable ||= seq.nullable;
        all.min = Math.min(all.min, seq.min);
      }
      if (src[i] !== '|') return [all, i];
      seq = ZERO_WIDTH;
      i++;
      continue;
    }
    // Past a sequence's first three characters its opening is settled (see then): what follows
    // counts only for the length.
    const [atom, next] = atomAt(src, i, flags, atoms, opening && !seq.settled);
    const [min, max, end] = quantifier(src, next);
    i = end;
    seq = then(seq, repeat(atom, min, max));
  }
}

/** a followed by b. */
function then(a: Opening, b: Opening): Opening {
  if (a === ZERO_WIDTH) return b;
  if (b === ZERO_WIDTH) return a;
  // Past its first three characters a match's opening is settled: b adds only to the length (most
  // of a long list's atoms, so nothing is allocated for them).
  if (a.settled) return { ...a, min: a.min + b.min };
  const pairs = new Set(a.pairs);
  cross(a.single, b.first, pairs);
  if (a.nullable) for (const p of b.pairs) pairs.add(p);
  const doubles = new Set(b.nullable ? a.doubles : undefined);
  cross(a.single, b.single, doubles);
  if (a.nullable) for (const p of b.doubles) doubles.add(p);
  const triples = new Set(a.triples);
  const open = new Set(a.open);
  crossTriples(a.doubles, b.first, triples, open);
  crossTriples(b.pairs, a.single, triples, open, true);
  if (a.nullable) {
    for (const t of b.triples) triples.add(t);
    for (const p of b.open) open.add(p);
  }
  const none = new Uint8Array(128);
  const single = or(b.nullable ? a.single : none, a.nullable ? b.single : none);
  const nullable = a.nullable && b.nullable;
  return { first: a.nullable ? or(a.first, b.first) : a.first, single, pairs, doubles, triples, open, nullable, min: a.min + b.min, settled: isSettled(nullable, single, doubles) };
}

/**
 * a repeated min to max times. A match of a^n (n > 3) opens as one of a^3 does (its first three
 * non-empty pieces, or all of them when fewer, are a match of a^3), so the openings of a^min to
 * a^3 cover every count; the length is read apart.
 */
function repeat(a: Opening, min: number, max: number): Opening {
  if (min === 1 && max === 1) return a;
  if (max === 0) return ZERO_WIDTH;
  const out = nothing();
  let power = ZERO_WIDTH;
  for (let n = 1; n <= Math.min(Math.max(min, 3), max, 3); n++) {
    power = then(power, a);
    if (n >= Math.min(min, 3)) addInto(out, power);
  }
  const nullable = a.nullable || min === 0;
  return { ...out, nullable, min: a.min * min, settled: isSettled(nullable, out.single, out.doubles) };
}

/** An opening of no match, for addInto to gather alternatives in. */
const nothing = (): Opening => ({ first: new Uint8Array(128), single: new Uint8Array(128), pairs: new Set(), doubles: new Set(), triples: new Set(), open: new Set(), nullable: false, min: Infinity, settled: false });

/** Adds the matches of b to those of `into` (an opening made by nothing). */
function addInto(into: Opening, b: Opening): void {
  orInto(into.first, b.first);
  orInto(into.single, b.single);
  addAll(into.pairs, b.pairs);
  addAll(into.doubles, b.doubles);
  addAll(into.triples, b.triples);
  addAll(into.open, b.open);
  into.nullable ||= b.nullable;
  into.min = Math.min(into.min, b.min);
  into.settled = isSettled(into.nullable, into.single, into.doubles);
}

function addAll(into: Set<number>, b: Set<number>): void {
  for (const x of b) into.add(x);
}

const isSettled = (nullable: boolean, single: Uint8Array, doubles: Set<number>): boolean => !nullable && isEmpty(single) && doubles.size === 0;

/**
 * Adds to `triples` those of the pairs followed by the characters of `chars` (with `before`, of
 * those characters followed by the pairs); when they are more than TRIPLES_MAX, their first two
 * characters go to `open` instead.
 */
function crossTriples(pairs: Set<number>, chars: Uint8Array, triples: Set<number>, open: Set<number>, before = false): void {
  const cs: number[] = [];
  for (let c = 0; c < 128; c++) if (chars[c] === 1) cs.push(c);
  if (pairs.size * cs.length <= TRIPLES_MAX) {
    for (const p of pairs) for (const c of cs) triples.add(before ? c * 16384 + p : p * 128 + c);
  } else if (!before) {
    for (const p of pairs) open.add(p);
  } else {
    const seconds = new Uint8Array(128);
    for (const p of pairs) seconds[p >> 7] = 1;
    cross(chars, seconds, open);
  }
}

function isEmpty(a: Uint8Array): boolean {
  for (let c = 0; c < 128; c++) if (a[c] !== 0) return false;
  return true;
}

function orInto(a: Uint8Array, b: Uint8Array): void {
  for (let c = 0; c < 128; c++) a[c] = (a[c] as number) | (b[c] as number);
}

function or(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(128);
  for (let c = 0; c < 128; c++) out[c] = (a[c] as number) | (b[c] as number);
  return out;
}

function cross(a: Uint8Array, b: Uint8Array, pairs: Set<number>): void {
  for (let x = 0; x < 128; x++) if (a[x] === 1) for (let y = 0; y < 128; y++) if (b[y] === 1) pairs.add(x * 128 + y);
}

/** The atom at `i` (a character, escape, class, group or assertion) and where it ends. */
function atomAt(src: string, i: number, flags: string, atoms: Map<string, Uint8Array>, opening: boolean): [Opening, number] {
  const ch = src[i] as string;
  if (ch === '^' || ch === '$') return [ZERO_WIDTH, i + 1];
  if (ch === '(') {
    const { body, lookaround } = groupAt(src, i);
    // A lookaround consumes nothing; ignoring what it demands only widens what can open a match.
    const [group, end] = alternation(src, body, flags, atoms, opening && !lookaround);
    if (src[end] !== ')') throw new Error(`unclosed ( at ${i} in ${src}`);
    return [lookaround ? ZERO_WIDTH : group, end + 1];
  }
  if (ch === '\\' && (src[i + 1] === 'b' || src[i + 1] === 'B')) return [ZERO_WIDTH, i + 2];
  const end = characterEnd(src, i);
  if (!opening) return [UNREAD_CHARACTER, end];
  // One character: the ASCII characters it matches, as the engine folds them under these flags.
  const atom = src.slice(i, end);
  let set = atoms.get(atom);
  if (set === undefined) {
    set = literalMatches(atom, flags);
    if (set === undefined) {
      // One scan of the 128 characters: a one-character atom's matches there are the characters it matches.
      set = new Uint8Array(128);
      for (const m of ASCII.matchAll(new RegExp(`(?:${atom})`, `${flags}g`))) set[m.index] = 1;
    }
    atoms.set(atom, set);
  }
  return [{ first: set, single: set, pairs: new Set(), doubles: new Set(), triples: new Set(), open: new Set(), nullable: false, min: 1, settled: isEmpty(set) }, end];
}

/**
 * The ASCII characters a literal character matches, without asking the engine (a regex compiled
 * per atom was most of the reading's start-up): an ASCII one matches itself and, under `i`, its
 * other case (no ASCII letter folds onto another ASCII character); a non-ASCII one matches none,
 * except those the engine folds onto ASCII under `iu` (ſ, K). undefined for the engine to decide:
 * classes, escapes, `.` and those folded ones.
 */
export function literalMatches(atom: string, flags: string): Uint8Array | undefined {
  const code = atom.codePointAt(0) as number;
  if (atom.length !== String.fromCodePoint(code).length || atom === '.') return undefined;
  const set = new Uint8Array(128);
  if (code < 128) {
    set[code] = 1;
    if (flags.includes('i')) set[atom.toLowerCase().charCodeAt(0)] = set[atom.toUpperCase().charCodeAt(0)] = 1;
    return set;
  }
  return flags.includes('i') && flags.includes('u') && FOLDED_TO_ASCII.includes(atom) ? undefined : set;
}

/** Where the body of the group opening at `i` starts, and whether the group is a lookaround. */
function groupAt(src: string, i: number): { body: number; lookaround: boolean } {
  if (src.startsWith('(?=', i) || src.startsWith('(?!', i)) return { body: i + 3, lookaround: true };
  if (src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) return { body: i + 4, lookaround: true };
  if (src.startsWith('(?:', i)) return { body: i + 3, lookaround: false };
  if (src.startsWith('(?<', i)) return { body: src.indexOf('>', i) + 1, lookaround: false };
  if (src[i + 1] === '?') throw new Error(`unsupported group at ${i} in ${src}`);
  return { body: i + 1, lookaround: false };
}

/** Where the one-character atom at `i` (a character, a class or an escape other than `\\b`) ends. */
function characterEnd(src: string, i: number): number {
  const ch = src[i];
  if (ch === '[') {
    let end = i + 1;
    while (src[end] !== ']') {
      if (end >= src.length) throw new Error(`unclosed [ at ${i} in ${src}`);
      end += src[end] === '\\' ? 2 : 1;
    }
    return end + 1;
  }
  if (ch === '\\') {
    const e = src[i + 1];
    if (e === undefined || (e >= '1' && e <= '9') || e === 'k') throw new Error(`unsupported escape at ${i} in ${src}`);
    if ((e === 'p' || e === 'P' || e === 'u') && src[i + 2] === '{') return src.indexOf('}', i) + 1;
    if (e === 'u') return i + 6;
    if (e === 'x') return i + 4;
    if (e === 'c') return i + 3;
    return i + 2;
  }
  return i + String.fromCodePoint(src.codePointAt(i) as number).length;
}

/** The quantifier at `i`, if any: its minimum and maximum counts (1, 1 without one) and where it ends. */
function quantifier(src: string, i: number): [number, number, number] {
  const q = src[i];
  let min = 1;
  let max = 1;
  let end = i;
  if (q === '?') [min, max, end] = [0, 1, i + 1];
  else if (q === '*') [min, max, end] = [0, Infinity, i + 1];
  else if (q === '+') [min, max, end] = [1, Infinity, i + 1];
  else if (q === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
    if (m !== null) [min, max, end] = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]), i + m[0].length];
  }
  if (end > i && src[end] === '?') end++;
  return [min, max, end];
}
