import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchoredAlternation, gramSieve, literalMatches, openingOf, shortestMatch, topLevelAlternatives } from '../../ingest/regex-prefilter.ts';
import { seededRandom } from '../../pipeline/seeded-random.ts';

const ALTERNATIVES = [
  '(one|\\d+) (comments?|replies) (on|to) [“"\']',
  '(einen )?kommentar hinterlassen',
  '¿?(te|le) (fue|ha sido) útil',
  'x',
  'ab{2,}c',
  '(follow us|folge uns)(?!\\p{L})',
  '\\bsponsored( links)?$',
  '[←«‹]? ?(previous|next) post',
  'skip(?:ped)? to',
  '(?<w>kw)?s',
];

test('anchoredAlternation agrees with the whole anchored regex', () => {
  const whole = new RegExp(`^(?:${ALTERNATIVES.join('|')})`, 'iu');
  const tester = anchoredAlternation(ALTERNATIVES, 'iu');
  const lines = [
    '', 'x', 'X', 'xy', 'y', 's', 'ſ', 'K', 'Kws', 'kws', 'ſkip to', 'SKIPPED TO', 'skip', 'One comment on “A”', '12 replies to "B"',
    'Kommentar hinterlassen', 'EINEN KOMMENTAR HINTERLASSEN', 'einen kommentar', '¿Te fue útil?', 'le ha sido útil', 'abbc', 'abc', 'ABBBC',
    'Follow us', 'follow usa', 'Sponsored', 'sponsored links', 'sponsored content', '← Previous post', '«next post', ' next post', 'next post',
    'İkws', 'ẞ', 'Ss',
  ];
  for (const line of lines) assert.equal(tester(line), whole.test(line), JSON.stringify(line));
});

test('lists of several alternatives agree before and after they get a regex of their own', () => {
  // Every alternative can open with "ab", so a line opening so runs a list of all of them: one by
  // one for its first uses, then as one regex.
  const alternatives = ['abz', 'a[bc]d', '(?:a|x)b{2}', 'ab(?!c)\\d', 'a?b[^z]e', 'abc$'];
  const whole = new RegExp(`^(?:${alternatives.join('|')})`, 'iu');
  const tester = anchoredAlternation(alternatives, 'iu');
  const lines = ['abz', 'ABD', 'acd', 'abb', 'xbb', 'ab1', 'abc1', 'abye', 'bxe', 'abc', 'ABC', 'abcd', 'ab', 'a', 'ax', 'b'];
  for (let round = 0; round < 6000; round++) {
    for (const line of lines) assert.equal(tester(line), whole.test(line), `use ${round}: ${JSON.stringify(line)}`);
  }
});

test('anchoredAlternation agrees with the whole regex on every short line over an alphabet', () => {
  // Openings by three characters: repeats past three (a^n opens as a^3 does), optional and
  // nullable pieces before the third character, two-character matches, and `\\W*` before a word,
  // whose triples are too many to list (its pairs are then open to any third character).
  const alternatives = ['\\W*(back|zz) x', 'a?b{0,2}c', '(ab|c)+d', '\\d{4}-', 'x\\s*:?\\s*\\*', 'ab$', 'q(?=r)rs', 'k{2,}z', '(?:x|)y', '[^a-z](b[a-z]|c[a-z])'];
  const whole = new RegExp(`^(?:${alternatives.join('|')})`, 'iu');
  const tester = anchoredAlternation(alternatives, 'iu');
  const alphabet = [...'abcdkqrsxyz-1 :*!', '\u017f', '\u212a', 'B', 'Z'];
  let lines = [''];
  let matched = 0;
  for (let length = 1; length <= 4; length++) {
    lines = lines.flatMap((line) => (line.length === length - 1 ? alphabet.map((c) => line + c) : []));
    for (const line of [...lines, ...lines.map((l) => `${l}ack x`), ...lines.map((l) => `${l}z x`), ...lines.map((l) => `${l}k*`)]) {
      const want = whole.test(line);
      if (want) matched++;
      assert.equal(tester(line), want, JSON.stringify(line));
    }
  }
  assert.ok(matched > 1000, `lines matched: ${matched}`);
});

test('openingOf reads what a match can open with', () => {
  const o = openingOf('(einen )?kommentar|a?b{0,2}c', 'iu');
  const first = (c: string): number => o.first[c.charCodeAt(0)] as number;
  assert.deepEqual(['e', 'E', 'k', 'K', 'a', 'b', 'c'].map(first), [1, 1, 1, 1, 1, 1, 1]);
  assert.equal(first('x'), 0);
  assert.ok(o.pairs.has('k'.charCodeAt(0) * 128 + 'o'.charCodeAt(0)));
  assert.ok(o.pairs.has('e'.charCodeAt(0) * 128 + 'i'.charCodeAt(0)));
  assert.equal(o.single['c'.charCodeAt(0)], 1);
  const code = (t: string): number => [...t].reduce((n, c) => n * 128 + c.charCodeAt(0), 0);
  assert.ok(o.doubles.has(code('bc')) && o.doubles.has(code('ac')) && !o.doubles.has(code('ko')));
  assert.ok(o.triples.has(code('kom')) && o.triples.has(code('ein')) && o.triples.has(code('abb')) && !o.triples.has(code('kon')));
  const many = openingOf('\\W*ab', 'iu');
  assert.ok(many.open.has(code('!!')) && many.triples.has(code('!ab')) && !many.open.has(code('ab')));
  assert.equal(o.nullable, false);
  assert.equal(openingOf('(a|)', 'iu').nullable, true);
  assert.throws(() => openingOf('(a)\\1', 'iu'));
});

test('literalMatches agrees with the engine on the ASCII characters a literal matches', () => {
  const literals = [...ASCII_LITERALS, '\u017f', '\u212a', '\u0130', '\u0131', 'ẞ', 'ß', 'é', 'É', 'ü', 'д', '版', '😀'];
  for (let c = 0x80; c < 0x3000; c += 7) literals.push(String.fromCharCode(c));
  for (const flags of ['iu', 'i', 'u', '']) {
    for (const c of literals) {
      const got = literalMatches(c, flags);
      if (got === undefined) continue;
      const re = new RegExp(`^(?:${c})$`, flags);
      const want = Array.from({ length: 128 }, (_, k) => (re.test(String.fromCharCode(k)) ? 1 : 0));
      assert.deepEqual([...got], want, `${JSON.stringify(c)} under ${flags}`);
    }
  }
  assert.equal(literalMatches('\u017f', 'iu'), undefined);
  assert.equal(literalMatches('[a-z]', 'iu'), undefined);
  assert.equal(literalMatches('.', 'iu'), undefined);
});

/** The ASCII characters that stand for themselves in a regex source. */
const ASCII_LITERALS = Array.from({ length: 128 - 32 }, (_, k) => String.fromCharCode(k + 32)).filter((c) => !'^$.*+?()[]{}|\\/'.includes(c));

test('topLevelAlternatives splits outside groups and classes only', () => {
  assert.deepEqual(topLevelAlternatives('a|b(c|d)|[|]e|\\|f'), ['a', 'b(c|d)', '[|]e', '\\|f']);
});

test('shortestMatch is the shortest match length', () => {
  assert.equal(shortestMatch(/^(comments?|popup)(?!ary)[a-z]|[a-z](footer|advert)$/), 6);
  assert.equal(shortestMatch(/post-?(body|text)|rich-?text/), 8);
  assert.equal(shortestMatch(/(ab){2,3}c?|x*/), 0);
  assert.equal(shortestMatch(/\bab{2}\b/), 3);
});

const SIEVED = [
  /©/,
  /\bcookies?\b|skip to (main )?content|\b(pingback|trackback)\b|comentários (estão )?encerrados|все права|版权所有|ſkip|(?=ab)abc|x[yz]w|[a-c]+d|^ok$|go (jqx )?on|hq(?!vwx)/iu,
  /\bakismet\b|KELVIN|straße/i,
  /Çava|Ünd\b/,
  /.*|ab/u,
];

test('gramSieve clears only the bits of regexes that cannot match', () => {
  const sieve = gramSieve(SIEVED);
  const pool = [...'abcdeikmnoprstuvwxyzABCKST ©.-:\u017f\u212a\u0130ẞßÇçÜüáàõãêçéåвсеправАВСЕПРАВ版权所有'];
  const seeds = ['cookie', 'cookies', 'skip to content', 'Skip To Main Content', 'ſKIP', 'pingback', 'TRACKBACK', 'comentários encerrados',
    'COMENTÁRIOS ESTÃO ENCERRADOS', 'все права', 'ВСЕ ПРАВА', '版权所有', 'abc', 'xzw', 'ccd', 'ok', 'akismet', 'AKISMET', 'kelvin', 'straße', 'STRASSE',
    'Çava', 'çava', 'Ünd', '© 2024', 'go on', 'go jqx on', 'hq'];
  const random = seededRandom(0x5eed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const lines = [...seeds];
  for (let n = 0; n < 20000; n++) {
    let s = '';
    while (s.length < 12 && random() < 0.9) s += random() < 0.3 ? pick(seeds) : pick(pool);
    // Case flips and the engine's look-alikes (ſ is s, K is k under `iu`).
    lines.push([...s].map((c) => (random() < 0.2 ? c.toUpperCase() : random() < 0.05 ? ({ s: '\u017f', k: '\u212a', i: '\u0130' } as Record<string, string>)[c] ?? c : c)).join(''));
  }
  const seen = new Array<number>(SIEVED.length).fill(0);
  for (const line of lines) {
    const may = sieve(line);
    SIEVED.forEach((re, k) => {
      const matches = re.test(line);
      if (matches) seen[k] = (seen[k] as number) + 1;
      if (matches) assert.ok((may & (1 << k)) !== 0, `${JSON.stringify(line)} matches ${re} but its bit is clear`);
    });
  }
  assert.ok(seen.every((n) => n > 50), `each regex matched some lines: ${seen}`);
  // Lines without the n-grams run nothing; a regex that needs no literal (`.*`) always may.
  assert.equal(sieve('hello there'), 1 << 4);
  assert.equal(sieve('ok') & 2, 2);
  assert.equal(sieve('copyright ©') & 1, 1);
  assert.equal(sieve('the Akismet plugin') & 4, 4);
});

test('gramSieve keeps the bits of regexes past the eighth', () => {
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett'];
  const sieve = gramSieve(words.map((w) => new RegExp(`\\b${w}\\b`, 'i')));
  words.forEach((w, k) => assert.ok((sieve(`say ${w.toUpperCase()}!`) & (1 << k)) !== 0, w));
  assert.equal(sieve('zzzz'), 0);
  assert.throws(() => gramSieve(Array.from({ length: 17 }, () => /x/)));
});

test('gramSieve refuses a shared non-ASCII letter that matches a character with a symbol of its own', () => {
  assert.throws(() => gramSieve([/ünd/i, /Ünd/]));
  // ſ folds onto s under `iu` only: there it is an s; under `i` and case-sensitive it has no symbol.
  const sieve = gramSieve([/ſtop/iu, /xſyzw/i, /qſwxv/]);
  assert.equal(sieve('STOP'), 1);
  assert.equal(sieve('xſyzw'), 2);
  assert.equal(sieve('qſwxv'), 4);
});
