// GPT-2's byte-to-unicode alphabet: the printable stand-in for each of the 256 bytes that
// Hugging Face's ByteLevel pre-tokenizer and decoder use in tokenizer.json vocab and merges.

const BYTE_TO_CHAR: readonly string[] = (() => {
  const chars = new Array<string>(256);
  let next = 256;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    chars[b] = String.fromCodePoint(printable ? b : next++);
  }
  return chars;
})();

const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((c, b) => [c, b]));

/** The byte-level string of some bytes, as written in tokenizer.json. */
export function bytesToByteLevel(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += BYTE_TO_CHAR[b]!;
  return s;
}

/** The bytes of a byte-level string; undefined when a character is not in the alphabet. */
export function byteLevelToBytes(text: string): Uint8Array | undefined {
  const out: number[] = [];
  for (const ch of text) {
    const b = CHAR_TO_BYTE.get(ch);
    if (b === undefined) return undefined;
    out.push(b);
  }
  return Uint8Array.from(out);
}
