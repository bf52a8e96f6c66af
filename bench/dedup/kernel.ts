// The fineweb-compat permutation step three ways on the same shingle hashes, equal results checked:
// the WebAssembly kernel we ship, the pure-JS formulation with 32-bit halves (Math.imul + 16-bit
// partial products) it replaced, and naive BigInt. numpy's vectorised uint64 arithmetic is the
// anchor for this step inside datatrove (bench/dedup/signatures.ts measures the whole signature).
//   node_modules/.bin/node bench/dedup/kernel.ts [shingles=1500] [docs=300]

import { createPermuteKernel } from '../../dedup/permute-wasm.ts';
import { compatParams } from '../../dedup/permutations.ts';
import { rng } from '../../test/dedup/corpus.ts';

const TWO_32 = 4294967296;
const n = Number(process.argv[2] ?? 1500);
const docs = Number(process.argv[3] ?? 300);
const k = 112;
const params = compatParams(1, k);
const next = rng(9);
const lo = Uint32Array.from({ length: n }, () => Math.floor(next() * TWO_32));
const hi = Uint32Array.from({ length: n }, () => Math.floor(next() * TWO_32));

function jsHalves(out: Uint32Array): void {
  for (let j = 0; j < k; j++) {
    const aHi = params[j * 4]!;
    const aLo = params[j * 4 + 1]!;
    const bHi = params[j * 4 + 2]!;
    const bLo = params[j * 4 + 3]!;
    const a0 = aLo & 0xffff;
    const a1 = aLo >>> 16;
    let minHi = 0xffffffff;
    let minLo = 0xffffffff;
    for (let i = 0; i < n; i++) {
      const hl = lo[i]!;
      const hh = hi[i]!;
      const t = hl * a0;
      const u = hl * a1 + Math.floor(t / 65536);
      const pLo = Math.imul(hl, aLo) >>> 0;
      const pHi = (Math.floor(u / 65536) + Math.imul(hh, aLo) + Math.imul(hl, aHi)) >>> 0;
      let xLo = pLo + bLo;
      let carry = 0;
      if (xLo >= TWO_32) {
        xLo -= TWO_32;
        carry = 1;
      }
      const xHi = (pHi + bHi + carry) >>> 0;
      let rHi = xHi & 0x1fffffff;
      let rLo = xLo + (xHi >>> 29);
      if (rLo >= TWO_32) {
        rLo -= TWO_32;
        rHi += 1;
      }
      if (rHi === 0x20000000) {
        rHi = 0;
        rLo += 1;
      } else if (rHi === 0x1fffffff && rLo === 0xffffffff) {
        rHi = 0;
        rLo = 0;
      }
      if (rHi < minHi || (rHi === minHi && rLo < minLo)) {
        minHi = rHi;
        minLo = rLo;
      }
    }
    out[j * 2] = minLo;
    out[j * 2 + 1] = minHi;
  }
}

function bigint(out: Uint32Array): void {
  const P = (1n << 61n) - 1n;
  const M = (1n << 64n) - 1n;
  const hs = Array.from({ length: n }, (_, i) => (BigInt(hi[i]!) << 32n) | BigInt(lo[i]!));
  for (let j = 0; j < k; j++) {
    const a = (BigInt(params[j * 4]!) << 32n) | BigInt(params[j * 4 + 1]!);
    const b = (BigInt(params[j * 4 + 2]!) << 32n) | BigInt(params[j * 4 + 3]!);
    let m = M;
    for (const h of hs) {
      const v = ((h * a + b) & M) % P;
      if (v < m) m = v;
    }
    out[j * 2] = Number(m & 0xffffffffn);
    out[j * 2 + 1] = Number(m >> 32n);
  }
}

const kernel = createPermuteKernel(params);
function wasmKernel(out: Uint32Array): void {
  const sh = kernel.reserve(n);
  for (let i = 0; i < n; i++) {
    sh[i * 2] = lo[i]!;
    sh[i * 2 + 1] = hi[i]!;
  }
  out.set(kernel.run(n));
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const results: Record<string, Uint32Array> = {};
const rate: Record<string, number> = {};
for (const [name, fn, reps] of [
  ['wasm', wasmKernel, docs],
  ['js-32bit-halves', jsHalves, docs],
  ['bigint', bigint, Math.max(1, Math.floor(docs / 50))],
] as const) {
  const out = new Uint32Array(k * 2);
  fn(out);
  const t0 = cpu();
  for (let r = 0; r < reps; r++) fn(out);
  rate[name] = reps / (cpu() - t0);
  results[name] = out;
}
const same = (a: Uint32Array, b: Uint32Array) => a.every((v, i) => v === b[i]);
console.log(`permutation step, ${n} shingles × ${k} hashes per document, CPU time, one thread:`);
for (const [name, r] of Object.entries(rate)) {
  console.log(`  ${name.padEnd(16)} ${r.toFixed(0).padStart(7)} docs/s  ${(r / rate['js-32bit-halves']!).toFixed(2)}× JS halves  equal to BigInt: ${same(results[name]!, results.bigint!)}`);
}
