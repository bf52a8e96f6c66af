// Cheap necessary conditions read from a regex's own source, so that most strings never run it:
// which characters a match can open with (anchoredAlternation: a large `^(a|b|…)` alternation run
// only with the alternatives that can open with a line's first two characters) and how short a
// match can be (shortestMatch). irregexp tries every alternative of a `^(a|b|…)` regex in turn,
// 15–20 ns each under `iu` even when the first character already differs (the ~140 alternatives of
// the CMS and anchored boilerplate lines cost 0.3–0.7 µs per line); a line's first two characters
// leave a few of them. Which ASCII characters an atom matches is decided by the regex engine itself
// (case folding included); what the reader does not know (a backreference) throws.

/** What can open a match of a piece of regex source, over ASCII characters. */
interface Opening {
  /** first[c]: a match can open with character c. */
  first: Uint8Array;
  /** single[c]: the piece can match the one-character string c. */
  single: Uint8Array;
  /** The first two characters (c0 * 128 + c1) of matches of two or more characters. */
  pairs: Set<number>;
  /** The piece can match the empty string. */
  nullable: boolean;
  /** The length of its shortest match, in UTF-16 units or fewer. */
  min: number;
  /** Never empty and never one character: what follows it cannot change its opening. */
  settled: boolean;
}

const ZERO_WIDTH: Opening = { first: new Uint8Array(128), single: new Uint8Array(128), pairs: new Set(), nullable: true, min: 0, settled: false };
/** One character whose opening is not needed (after a sequence's first two). */
const UNREAD_CHARACTER: Opening = { first: new Uint8Array(128), single: new Uint8Array(128), pairs: new Set(), nullable: false, min: 1, settled: true };

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
  uses: number;
  /** The list's own regex once it has earned it; null for an empty list. */
  re: RegExp | null | undefined;
}

/**
 * A tester equivalent to `new RegExp(`^(?:${alternatives.join('|')})`, flags).test(text)`. A line
 * whose first two characters are ASCII runs the alternatives that can open with them (after
 * COMPILE_AFTER uses as one regex, made then, one per distinct list; before, one regex per
 * alternative); a line of one ASCII character, or whose second character is not ASCII, runs those
 * that can open with the first; any other line (empty, or opening with a non-ASCII character,
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
  const only = (keep: (o: Opening) => boolean): Candidates => {
    const list = openings.flatMap((o, k) => (keep(o) ? [k] : []));
    const key = list.join(',');
    let c = byList.get(key);
    if (c === undefined) {
      c = { alternatives: list, uses: 0, re: list.length === 0 ? null : list.length === 1 ? aloneRegex(list[0]!) : undefined };
      byList.set(key, c);
    }
    return c;
  };
  const run = (c: Candidates, text: string): boolean => {
    if (c.re === undefined && ++c.uses >= COMPILE_AFTER) c.re = new RegExp(`^(?:${c.alternatives.map((k) => alternatives[k]).join('|')})`, flags);
    if (c.re !== undefined) return c.re !== null && c.re.test(text);
    for (const k of c.alternatives) if (aloneRegex(k).test(text)) return true;
    return false;
  };
  const byFirst = new Array<Candidates | undefined>(128).fill(undefined);
  const byPair = new Array<Candidates | undefined>(128 * 128).fill(undefined);
  return (text) => {
    const c0 = text.charCodeAt(0);
    if (!(c0 < 128)) return whole.test(text);
    const c1 = text.charCodeAt(1);
    if (!(c1 < 128)) return run((byFirst[c0] ??= only((o) => o.nullable || o.first[c0] === 1)), text);
    const key = c0 * 128 + c1;
    return run((byPair[key] ??= only((o) => o.nullable || o.single[c0] === 1 || o.pairs.has(key))), text);
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
  return openingOf(re.source, re.flags).min;
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
  const all: Opening = { first: new Uint8Array(128), single: new Uint8Array(128), pairs: new Set(), nullable: false, min: Infinity, settled: false };
  let seq = ZERO_WIDTH;
  for (;;) {
    if (i >= src.length || src[i] === ')' || src[i] === '|') {
      if (opening) {
        orInto(all.first, seq.first);
        orInto(all.single, seq.single);
        for (const p of seq.pairs) all.pairs.add(p);
      }
      all.nullable ||= seq.nullable;
      all.min = Math.min(all.min, seq.min);
      if (src[i] !== '|') {
        all.settled = !all.nullable && isEmpty(all.single);
        return [all, i];
      }
      seq = ZERO_WIDTH;
      i++;
      continue;
    }
    // Past a sequence's first two characters its opening is settled (see then): what follows
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
  // Past its first two characters a match's opening is settled: b adds only to the length (most of
  // a long list's atoms, so nothing is allocated for them).
  if (a.settled) return { ...a, min: a.min + b.min };
  const pairs = new Set(a.pairs);
  cross(a.single, b.first, pairs);
  if (a.nullable) for (const p of b.pairs) pairs.add(p);
  const none = new Uint8Array(128);
  const single = or(b.nullable ? a.single : none, a.nullable ? b.single : none);
  const nullable = a.nullable && b.nullable;
  return { first: a.nullable ? or(a.first, b.first) : a.first, single, pairs, nullable, min: a.min + b.min, settled: !nullable && isEmpty(single) };
}

/** a repeated min to max times. */
function repeat(a: Opening, min: number, max: number): Opening {
  if (min === 1 && max === 1) return a;
  if (max === 0) return ZERO_WIDTH;
  let pairs = a.pairs;
  if (max > 1) {
    pairs = new Set(a.pairs);
    cross(a.single, a.first, pairs);
  }
  // Matching a twice or more never yields one character unless a can match empty (then single stays a's).
  const single = min <= 1 || a.nullable ? a.single : new Uint8Array(128);
  const nullable = a.nullable || min === 0;
  return { first: a.first, single, pairs, nullable, min: a.min * min, settled: !nullable && isEmpty(single) };
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
    if (src.startsWith('(?=', i) || src.startsWith('(?!', i) || src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) {
      // A lookaround consumes nothing; ignoring what it demands only widens what can open a match.
      const [, end] = alternation(src, i + (src[i + 2] === '<' ? 4 : 3), flags, atoms, false);
      return [ZERO_WIDTH, end + 1];
    }
    let body = i + 1;
    if (src.startsWith('?:', body)) body += 2;
    else if (src.startsWith('?<', body)) body = src.indexOf('>', body) + 1;
    else if (src[body] === '?') throw new Error(`unsupported group at ${i} in ${src}`);
    const [group, end] = alternation(src, body, flags, atoms, opening);
    if (src[end] !== ')') throw new Error(`unclosed ( at ${i} in ${src}`);
    return [group, end + 1];
  }
  let end: number;
  if (ch === '[') {
    end = i + 1;
    while (src[end] !== ']') {
      if (end >= src.length) throw new Error(`unclosed [ at ${i} in ${src}`);
      end += src[end] === '\\' ? 2 : 1;
    }
    end++;
  } else if (ch === '\\') {
    const e = src[i + 1];
    if (e === 'b' || e === 'B') return [ZERO_WIDTH, i + 2];
    if (e === undefined || (e >= '1' && e <= '9') || e === 'k') throw new Error(`unsupported escape at ${i} in ${src}`);
    if ((e === 'p' || e === 'P' || e === 'u') && src[i + 2] === '{') end = src.indexOf('}', i) + 1;
    else if (e === 'u') end = i + 6;
    else if (e === 'x') end = i + 4;
    else if (e === 'c') end = i + 3;
    else end = i + 2;
  } else {
    end = i + String.fromCodePoint(src.codePointAt(i) as number).length;
  }
  if (!opening) return [UNREAD_CHARACTER, end];
  // One character: the ASCII characters it matches, as the engine folds them under these flags.
  const atom = src.slice(i, end);
  let set = atoms.get(atom);
  if (set === undefined) {
    // One scan of the 128 characters: a one-character atom's matches there are the characters it matches.
    set = new Uint8Array(128);
    for (const m of ASCII.matchAll(new RegExp(`(?:${atom})`, `${flags}g`))) set[m.index] = 1;
    atoms.set(atom, set);
  }
  return [{ first: set, single: set, pairs: new Set(), nullable: false, min: 1, settled: isEmpty(set) }, end];
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
