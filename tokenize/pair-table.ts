// A hash table from a pair of non-negative int32 (two token ids) to a non-negative int32, in typed
// arrays: BPE training and encoding look pairs up millions of times, and a JS Map keyed by
// `a * 2^21 + b` (a heap number) is several times slower and larger.

export interface PairTable {
  get(a: number, b: number): number;
  /** The value for (a, b), inserting `make()` first when absent. */
  getOrInsert(a: number, b: number, make: () => number): number;
  set(a: number, b: number, value: number): void;
  readonly size: number;
}

const EMPTY = -1;

export function createPairTable(initialCapacity = 1024): PairTable {
  let cap = 1;
  while (cap < initialCapacity * 2) cap <<= 1;
  let keysA = new Int32Array(cap).fill(EMPTY);
  let keysB = new Int32Array(cap);
  let values = new Int32Array(cap);
  let mask = cap - 1;
  let size = 0;

  const slotOf = (a: number, b: number): number => {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h ^= h >>> 15;
    let i = h & mask;
    while (keysA[i] !== EMPTY && (keysA[i] !== a || keysB[i] !== b)) i = (i + 1) & mask;
    return i;
  };

  const grow = () => {
    const oldA = keysA;
    const oldB = keysB;
    const oldV = values;
    cap <<= 1;
    mask = cap - 1;
    keysA = new Int32Array(cap).fill(EMPTY);
    keysB = new Int32Array(cap);
    values = new Int32Array(cap);
    for (let i = 0; i < oldA.length; i++) {
      if (oldA[i] === EMPTY) continue;
      const s = slotOf(oldA[i]!, oldB[i]!);
      keysA[s] = oldA[i]!;
      keysB[s] = oldB[i]!;
      values[s] = oldV[i]!;
    }
  };

  const insertAt = (s: number, a: number, b: number, value: number) => {
    keysA[s] = a;
    keysB[s] = b;
    values[s] = value;
    if (++size * 2 > cap) grow();
  };

  return {
    get(a, b) {
      const s = slotOf(a, b);
      return keysA[s] === EMPTY ? -1 : values[s]!;
    },
    getOrInsert(a, b, make) {
      const s = slotOf(a, b);
      if (keysA[s] !== EMPTY) return values[s]!;
      const v = make();
      insertAt(s, a, b, v);
      return v;
    },
    set(a, b, value) {
      const s = slotOf(a, b);
      if (keysA[s] !== EMPTY) values[s] = value;
      else insertAt(s, a, b, value);
    },
    get size() {
      return size;
    },
  };
}
