// Hugging Face tokenizers compile a tokenizer.json's Split regex with Oniguruma; we run it as a
// JavaScript RegExp (flags `gu`). The two read most patterns alike; the differences that real
// tokenizers hit are rewritten here so a piece is cut at the same place:
// - `\s`/`\S`: Oniguruma's is Unicode White_Space; JS adds U+FEFF and leaves out U+0085;
// - `.` excludes only `\n` in Oniguruma (JS also excludes `\r`, U+2028, U+2029);
// - `$`, `^`, `\A`, `\z`, `\Z`: Oniguruma's `$`/`^` are line anchors (on `\n` only);
// - possessive quantifiers (`?+`, `*+`, `++`), which JS lacks: an atomic group, written as a
//   lookahead that captures and a backreference to it (`{n,m}+` is a repeat in Ruby syntax).
// `(?i:…)` needs no change: JS with `u` folds case by Unicode simple case folding, so `(?i:s)`
// matches `ſ` and `(?i:k)` the Kelvin sign, as in Oniguruma. A construct JS cannot read is refused.

/** Unicode White_Space, as literal characters (valid inside a class). */
export const WHITE_SPACE = '\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';

const ANCHORS: ReadonlyMap<string, string> = new Map([
  ['A', '(?<![\\s\\S])'],
  ['z', '(?![\\s\\S])'],
  ['Z', '(?=\\n?(?![\\s\\S]))'],
]);

/** The JS source of an Oniguruma pattern; throws an Error naming the construct it cannot read. */
export function onigurumaToJs(pattern: string): string {
  let out = '';
  let inClass = false;
  let atomStart = 0; // where in `out` the last complete atom (what a quantifier applies to) starts
  const groupStarts: number[] = [];
  let atomic = 0;
  let classStart = 0;
  let i = 0;
  const quantifierEnd = (at: number): number => {
    const c = pattern[at];
    if (c === '*' || c === '+' || c === '?') return at + 1;
    if (c === '{') {
      const m = /^\{\d*(?:,\d*)?\}/.exec(pattern.slice(at));
      if (m) return at + m[0].length;
    }
    return at;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    const start = out.length;
    if (inClass) {
      if (c === '\\') {
        const e = pattern[i + 1];
        if (e === 's') out += WHITE_SPACE;
        else if (e === 'S' || e === 'h' || e === 'H') throw new Error(`\\${e} inside a character class`);
        else out += c + (e ?? '');
        i += 2;
        continue;
      }
      if (c === '[' && pattern[i + 1] !== ':') throw new Error('a nested character class');
      out += c;
      i++;
      if (c !== ']') continue;
      inClass = false;
      atomStart = classStart; // the class just closed is the atom a quantifier would apply to
    } else if (c === '\\') {
      const e = pattern[i + 1] ?? '';
      if (e === 's') out += `[${WHITE_SPACE}]`;
      else if (e === 'S') out += `[^${WHITE_SPACE}]`;
      else if (ANCHORS.has(e)) out += ANCHORS.get(e)!;
      else if (e === 'h' || e === 'H' || e === 'R' || e === 'X' || e === 'K' || e === 'G') throw new Error(`\\${e}`);
      else if (e === 'p' || e === 'P') {
        const m = /^\\[pP]\{\^?[A-Za-z_=]+\}/.exec(pattern.slice(i));
        if (!m) throw new Error(`\\${e} without braces`);
        out += m[0].includes('{^') ? `\\${e === 'p' ? 'P' : 'p'}{${m[0].slice(4, -1)}}` : m[0];
        i += m[0].length;
        atomStart = start;
        continue;
      } else out += c + e;
      i += 2;
      atomStart = start;
    } else if (c === '[') {
      inClass = true;
      classStart = start;
      out += c;
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      i++;
      atomStart = start;
      continue;
    } else if (c === '(') {
      groupStarts.push(out.length);
      out += c;
      i++;
      continue;
    } else if (c === ')') {
      out += c;
      i++;
      atomStart = groupStarts.pop() ?? 0;
    } else if (c === '.') {
      out += '[^\\n]';
      i++;
      atomStart = start;
    } else if (c === '$') {
      out += '(?=\\n|(?![\\s\\S]))';
      i++;
      atomStart = start;
    } else if (c === '^') {
      out += '(?<![^\\n])';
      i++;
      atomStart = start;
    } else {
      out += c;
      i++;
      atomStart = start;
    }
    // A quantifier on the atom just written, possibly possessive.
    const q = quantifierEnd(i);
    if (q === i) continue;
    let quantified = out.slice(atomStart) + pattern.slice(i, q);
    i = q;
    if (pattern[i] === '?') {
      quantified += '?';
      i++;
    } else if (pattern[i] === '+' && pattern[i - 1] === '}') {
      // Ruby syntax (Oniguruma's default, which tokenizers use): `{n,m}+` repeats, it is not possessive
      quantified = `(?:${quantified})+`;
      i++;
    } else if (pattern[i] === '+') {
      const name = `atomic${atomic++}`;
      quantified = `(?=(?<${name}>${quantified}))\\k<${name}>`;
      i++;
    }
    out = out.slice(0, atomStart) + quantified;
  }
  try {
    new RegExp(out, 'gu');
  } catch (err) {
    throw new Error(`JavaScript cannot compile it (${(err as Error).message})`, { cause: err });
  }
  return out;
}
