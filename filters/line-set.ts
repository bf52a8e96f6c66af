// A read-only set of the lines of big block-list files (UT1's 4.5 M adult domains, 123 MB), kept as
// the files' own bytes plus an open-addressing table of line offsets. A JS Set of those lines took
// 1.2 GB and ~9 CPU-seconds to build in every extract task; this takes ~190 MB and about a second.
// Lines are taken as `readListFile` takes them (split on '\n', `#` lines and blank lines skipped,
// trimmed), so membership is exactly the same as a Set of those strings.

import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

export interface LineSet {
  readonly size: number;
  has(line: string): boolean;
}

const FNV_OFFSET = -2128831035;
const FNV_PRIME = 16777619;

function isAsciiSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/** Reads the files (`.gz` allowed); throws one line naming a file that cannot be read. */
export async function loadLineSet(files: readonly string[], what: string): Promise<LineSet> {
  const parts: Buffer[] = [];
  for (const file of files) {
    let buf: Buffer;
    try {
      buf = await readFile(file);
    } catch (err) {
      throw new Error(`${what}: cannot read list file ${file}: ${(err as Error).message}`);
    }
    parts.push(file.endsWith('.gz') ? gunzipSync(buf) : buf);
  }
  // One file (the usual case) is used as read; several are joined line-wise.
  return lineSet(parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')])));
}

/** The set of trimmed, non-blank, non-`#` lines of `text` (UTF-8). */
export function lineSet(text: Buffer): LineSet {
  // Lines with non-ASCII bytes are trimmed as JS strings (String#trim knows Unicode spaces) and
  // re-encoded into a side buffer; starts ≥ text.length point into it.
  const extra: Buffer[] = [];
  let lineCount = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === 0x0a) lineCount++;
  lineCount++;
  const starts = new Int32Array(lineCount);
  const lengths = new Int32Array(lineCount);
  let bits = 4;
  while (1 << bits < lineCount * 2) bits++;
  const mask = (1 << bits) - 1;
  const table = new Int32Array(1 << bits);
  let size = 0;
  let side = Buffer.alloc(0);

  const byteAt = (pos: number): number => (pos < text.length ? text[pos]! : side[pos - text.length]!);
  const hashOf = (bytes: Uint8Array, from: number, len: number): number => {
    let h = FNV_OFFSET;
    for (let i = from; i < from + len; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
    return h;
  };
  const slotOf = (bytes: Uint8Array, from: number, len: number, h: number): number => {
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const e = table[at]!;
      if (e === 0) return at;
      const s = starts[e - 1]!;
      if (lengths[e - 1] === len) {
        let j = 0;
        while (j < len && byteAt(s + j) === bytes[from + j]) j++;
        if (j === len) return at;
      }
    }
  };

  const insert = (bytes: Uint8Array, from: number, len: number, start: number): void => {
    const at = slotOf(bytes, from, len, hashOf(bytes, from, len));
    if (table[at] !== 0) return;
    starts[size] = start;
    lengths[size] = len;
    table[at] = ++size;
  };
  for (let a = 0; a <= text.length; ) {
    let b = text.indexOf(0x0a, a);
    if (b < 0) b = text.length;
    if (b > a && text[a] !== 0x23) {
      let ascii = true;
      for (let i = a; i < b && ascii; i++) ascii = text[i]! < 0x80;
      if (ascii) {
        let s = a;
        let e = b;
        while (s < e && isAsciiSpace(text[s]!)) s++;
        while (e > s && isAsciiSpace(text[e - 1]!)) e--;
        if (e > s) insert(text, s, e - s, s);
      } else {
        const trimmed = Buffer.from(text.toString('utf8', a, b).trim(), 'utf8');
        if (trimmed.length > 0) extra.push(trimmed);
      }
    }
    a = b + 1;
  }
  side = Buffer.concat(extra);
  for (let off = 0, i = 0; i < extra.length; off += extra[i]!.length, i++) insert(side, off, extra[i]!.length, text.length + off);

  const encoder = new TextEncoder();
  let scratch = new Uint8Array(256);
  return {
    size,
    has(line) {
      // A lone surrogate cannot come from a UTF-8 file (TextEncoder would turn it into U+FFFD).
      if (size === 0 || !line.isWellFormed()) return false;
      if (scratch.length < line.length * 3) scratch = new Uint8Array(line.length * 3);
      const len = encoder.encodeInto(line, scratch).written;
      return table[slotOf(scratch, 0, len, hashOf(scratch, 0, len))] !== 0;
    },
  };
}
