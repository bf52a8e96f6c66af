// A binary heap of (key, value) number pairs in typed arrays, ordered by a caller's `before`
// (a strict total order on key, then value): the BPE trainer's pair queue and the encoder's merge
// queue for long pre-tokens. Entries may go stale; callers re-check what they pop.

export interface Heap {
  readonly size: number;
  push(key: number, value: number): void;
  /** The first entry's key and value (size must be > 0). */
  topKey(): number;
  topValue(): number;
  pop(): void;
}

export function createHeap(before: (keyA: number, valueA: number, keyB: number, valueB: number) => boolean, capacity = 16): Heap {
  let keys = new Float64Array(Math.max(1, capacity));
  let values = new Int32Array(Math.max(1, capacity));
  let size = 0;
  const less = (i: number, j: number) => before(keys[i]!, values[i]!, keys[j]!, values[j]!);
  const swap = (i: number, j: number) => {
    const k = keys[i]!;
    keys[i] = keys[j]!;
    keys[j] = k;
    const v = values[i]!;
    values[i] = values[j]!;
    values[j] = v;
  };
  return {
    get size() {
      return size;
    },
    push(key, value) {
      if (size === keys.length) {
        const k = new Float64Array(size * 2);
        k.set(keys);
        keys = k;
        const v = new Int32Array(size * 2);
        v.set(values);
        values = v;
      }
      let i = size++;
      keys[i] = key;
      values[i] = value;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!less(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    },
    topKey: () => keys[0]!,
    topValue: () => values[0]!,
    pop() {
      size--;
      if (size === 0) return;
      keys[0] = keys[size]!;
      values[0] = values[size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const m = l + 1 < size && less(l + 1, l) ? l + 1 : l;
        if (!less(m, i)) break;
        swap(i, m);
        i = m;
      }
    },
  };
}
