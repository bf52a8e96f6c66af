// A hash table from a piece of a text (UTF-16 offsets [start, end)) to a number, probed on the
// text itself: a lookup slices no string, so counting pre-tokens and the encoder's cache make no
// garbage for pieces already seen (most of them), only for new ones. Open addressing, FNV-1a.

export interface PieceTable extends Iterable<[string, number]> {
  readonly size: number;
  /** The slot holding text[start, end), or -1 when absent (then `insert` may follow at once). */
  lookup(text: string, start: number, end: number): number;
  value(slot: number): number;
  setValue(slot: number, value: number): void;
  /** Inserts the piece the last `lookup` missed. */
  insert(text: string, start: number, end: number, value: number): void;
  clear(): void;
}

export function createPieceTable(initialCapacity = 1 << 16): PieceTable {
  let cap = 16;
  while (cap < initialCapacity * 2) cap <<= 1;
  let mask = cap - 1;
  let keys = new Array<string | undefined>(cap).fill(undefined);
  let hashes = new Int32Array(cap);
  let values = new Float64Array(cap);
  let size = 0;
  let missHash = 0;
  let missSlot = 0;

  const grow = () => {
    const oldKeys = keys;
    const oldHashes = hashes;
    const oldValues = values;
    cap <<= 1;
    mask = cap - 1;
    keys = new Array<string | undefined>(cap).fill(undefined);
    hashes = new Int32Array(cap);
    values = new Float64Array(cap);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === undefined) continue;
      const h = oldHashes[i]!;
      let s = (h ^ (h >>> 16)) & mask;
      while (keys[s] !== undefined) s = (s + 1) & mask;
      keys[s] = oldKeys[i];
      hashes[s] = h;
      values[s] = oldValues[i]!;
    }
  };

  return {
    get size() {
      return size;
    },
    lookup(text, start, end) {
      let h = 0x811c9dc5 | 0;
      for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      const len = end - start;
      let slot = (h ^ (h >>> 16)) & mask;
      for (;;) {
        const key = keys[slot];
        if (key === undefined) break;
        if (hashes[slot] === h && key.length === len) {
          let j = 0;
          while (j < len && key.charCodeAt(j) === text.charCodeAt(start + j)) j++;
          if (j === len) return slot;
        }
        slot = (slot + 1) & mask;
      }
      missHash = h;
      missSlot = slot;
      return -1;
    },
    value: (slot) => values[slot]!,
    setValue(slot, value) {
      values[slot] = value;
    },
    insert(text, start, end, value) {
      // A plain slice of 13+ characters is a view that keeps the whole text alive; slicing a
      // fresh one-character-longer copy stores only the piece.
      keys[missSlot] = (' ' + text.slice(start, end)).slice(1);
      hashes[missSlot] = missHash;
      values[missSlot] = value;
      if (++size * 2 > cap) grow();
    },
    clear() {
      keys.fill(undefined);
      size = 0;
    },
    *[Symbol.iterator]() {
      for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) yield [keys[i]!, values[i]!] as [string, number];
    },
  };
}
