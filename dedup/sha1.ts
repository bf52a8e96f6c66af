// The first 64 bits of SHA-1, read little-endian: datatrove's `sha1_hash64`, the shingle hash of
// FineWeb's MinHash. Own code because Node's crypto costs ~1 µs of call overhead per shingle
// (measured in bench/dedup), more than the whole rest of the signature; this runs on a byte range
// of one buffer without allocating.

/** The message schedule, all 80 words: computed ahead, so each of the four round loops is branch-free. */
const W = new Int32Array(80);

/** Writes SHA-1(bytes[start, start+len)) bytes 0..7, a little-endian uint64, to out[o] (low word) and out[o+1] (high word). */
export function sha1Prefix64(bytes: Uint8Array, start: number, len: number, out: Uint32Array, o: number): void {
  let h0 = 0x67452301 | 0;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476 | 0;
  let h4 = 0xc3d2e1f0 | 0;
  const blocks = ((len + 8) >>> 6) + 1;
  const bitLen = len * 8;
  for (let blk = 0; blk < blocks; blk++) {
    const base = blk * 64;
    // Words wholly inside the message are read directly; only the word holding the end (and
    // the 0x80 pad byte) goes byte by byte; words past it are zero.
    for (let i = 0; i < 16; i++) {
      const pos = base + i * 4;
      if (pos + 4 <= len) {
        const p = start + pos;
        W[i] = (bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!;
      } else if (pos > len) W[i] = 0;
      else {
        let word = 0;
        for (let k = 0; k < 4; k++) word = (word << 8) | (pos + k < len ? bytes[start + pos + k]! : pos + k === len ? 0x80 : 0);
        W[i] = word;
      }
    }
    if (blk === blocks - 1) {
      W[14] = Math.floor(bitLen / 4294967296) | 0;
      W[15] = bitLen | 0;
    }
    for (let i = 16; i < 80; i++) {
      const x = W[i - 3]! ^ W[i - 8]! ^ W[i - 14]! ^ W[i - 16]!;
      W[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let t: number;
    for (let i = 0; i < 20; i++) {
      t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + W[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 20; i < 40; i++) {
      t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + W[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 40; i < 60; i++) {
      t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + (0x8f1bbcdc | 0) + W[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    for (let i = 60; i < 80; i++) {
      t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + (0xca62c1d6 | 0) + W[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  out[o] = bswap(h0);
  out[o + 1] = bswap(h1);
}

/** The uint32 whose bytes are x's in reverse order: a big-endian SHA-1 word read little-endian. */
export function bswap(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}
