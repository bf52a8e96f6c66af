// Varied test strings for comparing an imported tokenizer with Hugging Face tokenizers: many
// scripts, emoji sequences, code, NUL and control characters, every kind of whitespace, long runs,
// decomposed accents (normalizers), case-folding traps for `(?i:…)`, lone surrogates and the
// literal text of the tokenizer's own special tokens. Deterministic for a seed.

const FRAGMENTS = [
  'the', 'The', ' of', 'and', 'constructor', 'toString', ' valueOf', 'hasOwnProperty', '__proto__', "don't", "It's", "WE'LL", "she'd", "I'M", "'ſ", "'K", "'S", 'naïve', 'café', 'Straße', 'ﬁne', 'Ǆemal',
  '東京', '日本語のテキスト', 'カタカナ', '中文字符', '한국어', 'Привет', 'мир', 'Ελληνικά', 'العربية', 'עברית', 'हिन्दी', 'ภาษาไทย', 'ქართული', 'Հայերեն', 'አማርኛ',
  '🦊', '👩‍👩‍👧', '🇫🇷', '👍🏽', '❤️', '🧑🏿‍🚀', '©', '™', '½', '²', '①', '٣', '१२३',
  '2024', '3.14159', '1,000,000', '0x1F', 'x86_64', 'https://example.com/a?b=c&d=e', 'user@example.org', '(parens)', '"quotes"', '«guillemets»', '...', '—', '–', '…',
  'function f(x) { return x * 2; }', 'const a = [1, 2, 3];', 'def main():\n    pass', '#include <stdio.h>', 'SELECT * FROM t WHERE id = 1;', '<div class="x">', '$$\\frac{a}{b}$$', '=> !== ===', '/* c */', '// note',
  'e\u0301', 'a\u0308', 'n\u0303o', '\u1100\u1161', 'Å', 'Å', 'ℌ', 'ｆｕｌｌ', '\u0130', '\u0131',
  '\u0000', '\u0001', '\u0007', '\b', '\u001b[0m', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udfff',
  ' ', '  ', '   ', '\t', '\n', '\r\n', '\n\n', ' \n ', '\u3000', '\u2003', '\u000b', '\f',
  '▁', '▁▁', '<0x41>', '<s>', '</s>', '<unk>', '<|endoftext|>', '<|im_start|>', '<|begin_of_text|>', '<pad>',
];

function runOf(rnd: () => number): string {
  const unit = ['a', ' ', '1', '=', '\n', '日', '🦊', 'ab', '▁', '\u0000', '-', '.'][Math.floor(rnd() * 12)]!;
  return unit.repeat(1 + Math.floor(rnd() * 300));
}

/** `n` strings; `specials` are the tokenizer's added-token texts, mixed in literally. */
export function variedStrings(n: number, seed: number, specials: readonly string[] = []): string[] {
  let x = seed >>> 0 || 1;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const len = 1 + Math.floor(rnd() * 12);
    for (let k = 0; k < len; k++) {
      const r = rnd();
      if (r < 0.04) parts.push(runOf(rnd));
      else if (r < 0.1 && specials.length) parts.push(specials[Math.floor(rnd() * specials.length)]!);
      else if (r < 0.16) parts.push(String.fromCodePoint(Math.floor(rnd() * 0x3000)));
      else parts.push(FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)]!);
      const sep = rnd();
      if (sep < 0.5) parts.push(' ');
      else if (sep < 0.6) parts.push('\n');
    }
    out.push(parts.join(''));
  }
  return out;
}
