// Turns the bytes of a web page into text. The charset comes from, in order: the HTTP
// Content-Type header, a byte order mark, a `<meta charset>` or http-equiv in the first bytes,
// then detection (valid UTF-8 first, else ingest/charset-detect.ts: cheap rules for the common
// cases, chardet's statistical guess for the rest). Decoding is done by TextDecoder (Node ships
// full ICU: windows-125x, shift_jis, euc-jp, iso-2022-jp, gb18030, big5, euc-kr, koi8 …) with
// iconv-lite for the few labels ICU lacks. Bad bytes become U+FFFD and are counted; they are
// never fatal. A declared legacy charset yields to UTF-8 when the bytes hold non-ASCII and are
// valid UTF-8 throughout: servers and templates that default to ISO-8859-1 or windows-1252 serve
// UTF-8 text under that label, and read as declared every accented letter and typographic quote
// becomes mojibake (`fÃ¼r`, `doesnâ€™t`), while text really in a legacy charset is almost never
// valid UTF-8 (a lone `ü` byte, 0xFC, can start no UTF-8 sequence).

import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { detectCharset } from './charset-detect.ts';

export type CharsetSource = 'http' | 'bom' | 'meta' | 'detect';

export interface DecodedPage {
  text: string;
  /** The encoding actually used, as TextDecoder names it (e.g. `utf-8`, `windows-1251`). */
  charset: string;
  source: CharsetSource;
  /** Characters replaced because the bytes were invalid in that encoding. */
  replaced: number;
}

/** How far into the page a `<meta>` charset declaration is looked for. */
const META_SCAN_BYTES = 4096;

export interface Decoders {
  /** A decoder for `label`, or undefined when neither TextDecoder nor iconv-lite knows it. */
  get(label: string): ((bytes: Uint8Array) => string) | undefined;
  /** The canonical name for `label`, or undefined when unknown. */
  canonical(label: string): string | undefined;
}

/** Decoders are built once per label and reused for every page of a reader. */
export function createDecoders(): Decoders {
  const cache = new Map<string, { name: string; decode: (bytes: Uint8Array) => string } | null>();
  const lookup = (label: string) => {
    const key = label.trim().toLowerCase();
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = null;
      try {
        const td = new TextDecoder(key, { ignoreBOM: false });
        hit = { name: td.encoding, decode: (b) => td.decode(b) };
      } catch {
        if (iconv.encodingExists(key)) hit = { name: key, decode: (b) => iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), key) };
      }
      cache.set(key, hit);
    }
    return hit ?? undefined;
  };
  return {
    get: (label) => lookup(label)?.decode,
    canonical: (label) => lookup(label)?.name,
  };
}

/** Valid UTF-8 decoded by simdutf (Buffer's decoder), else undefined. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // TextDecoder drops a UTF-8 BOM; so does this.
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.toString('utf8', 3) : b.toString('utf8');
}

function charsetParam(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*["']?([^"';,\s]+)/i.exec(contentType);
  return m?.[1];
}

function bomCharset(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The charset declared by `<meta charset=…>` or `<meta http-equiv=content-type content="…; charset=…">`. */
export function metaCharset(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, META_SCAN_BYTES)).toString('latin1');
  const re = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    let label = m[1]!.toLowerCase();
    // A page whose meta is readable as ASCII is not UTF-16 (HTML's prescan rule).
    if (label.startsWith('utf-16')) label = 'utf-8';
    return label;
  }
  return undefined;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function isUtf8Name(name: string): boolean {
  return name === 'utf-8';
}

/** The bytes read under `label`, unless they are valid UTF-8 holding non-ASCII (see the top of this
 * file): then as UTF-8, whatever the label. All-ASCII bytes keep their label (a 7-bit charset such as
 * iso-2022-jp is ASCII bytes); a UTF-16 byte order mark is never valid UTF-8, so it is not overruled. */
function decodeWith(decoders: Decoders, bytes: Uint8Array, label: string): { text: string; charset: string; replaced: number } | undefined {
  const name = decoders.canonical(label);
  if (!name) return undefined;
  if (isUtf8Name(name) || !isAscii(bytes)) {
    const text = strictUtf8(bytes);
    if (text !== undefined) return { text, charset: 'utf-8', replaced: 0 };
  }
  const text = decoders.get(label)!(bytes);
  return { text, charset: name, replaced: countReplacements(text) };
}

/** Decodes a page, choosing the charset as described at the top of this file. */
export function decodePage(bytes: Uint8Array, contentType: string | undefined, decoders: Decoders): DecodedPage {
  const candidates: [() => string | undefined, CharsetSource][] = [
    [() => charsetParam(contentType), 'http'],
    [() => bomCharset(bytes), 'bom'],
    [() => metaCharset(bytes), 'meta'],
  ];
  for (const [find, source] of candidates) {
    const label = find();
    if (!label) continue;
    const out = decodeWith(decoders, bytes, label);
    if (out) return { ...out, source };
  }
  const text = strictUtf8(bytes);
  if (text !== undefined) return { text, charset: 'utf-8', source: 'detect', replaced: 0 };
  const out = decodeWith(decoders, bytes, detectCharset(bytes).label) ?? decodeWith(decoders, bytes, 'windows-1252')!;
  return { ...out, source: 'detect' };
}
