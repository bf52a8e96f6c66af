// Interleaved A/B timing for the benches that run this tree and a reference side by side in one
// process (bench/html/vs-reference.ts, rules-vs-reference.ts): the two sides alternate every chunk
// of items, the order swapped from chunk to chunk, so that on a machine shared with other jobs a
// slow spell of a few seconds hits both sides alike. Also the median the benches report.

/** CPU seconds of this process spent in `pass`. The other side's young garbage is collected before
 * the timer starts (with --expose-gc), so it is not charged here. */
export function cpuSeconds(pass: () => void): number {
  globalThis.gc?.({ type: 'minor' });
  const start = process.cpuUsage();
  pass();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** One side's work over items [from, to). */
export type Pass = (from: number, to: number) => void;

/** One round over items [0, n): CPU seconds of each side, and reference / this tree per chunk. */
export function alternateChunks(n: number, chunk: number, here: Pass, ref: Pass): { here: number; ref: number; chunks: number[] } {
  let hereSum = 0;
  let refSum = 0;
  const chunks: number[] = [];
  for (let from = 0, k = 0; from < n; from += chunk, k++) {
    const to = Math.min(from + chunk, n);
    let h: number;
    let f: number;
    if (k % 2 === 0) {
      h = cpuSeconds(() => here(from, to));
      f = cpuSeconds(() => ref(from, to));
    } else {
      f = cpuSeconds(() => ref(from, to));
      h = cpuSeconds(() => here(from, to));
    }
    hereSum += h;
    refSum += f;
    chunks.push(f / h);
  }
  return { here: hereSum, ref: refSum, chunks };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
