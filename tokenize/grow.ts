// Growing typed arrays: the trainer, the encoder and the heap keep their state in typed arrays
// and double them when full.

type Growable = Int32Array | Uint32Array | Uint16Array | Float64Array;

/** A copy of `a` at least `min` long (doubling), same type; the new tail is zero. */
export function grow<T extends Growable>(a: T, min = a.length + 1): T {
  let cap = Math.max(16, a.length * 2);
  while (cap < min) cap *= 2;
  const next = new (a.constructor as new (length: number) => T)(cap);
  next.set(a);
  return next;
}
