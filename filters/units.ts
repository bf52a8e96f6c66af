// A string's UTF-16 units copied into a typed array by one native call (Buffer's utf16le write).
// A scan that reads typed-array elements costs about half of one that reads `charCodeAt`, which
// dispatches on the string's representation (flat or a slice, one or two bytes a unit) at every
// unit: language id's scan and the word scan of plain sentences read a document's units so.

/** Copies `text` into a typed array: its units, then at least `spare` more free for the caller (a sentinel). */
export type UnitCopy = (text: string, spare?: number) => Uint16Array;

/**
 * A copier whose buffer is made at the first call and kept between calls for texts up to `kept`
 * units (2 MB by default; a longer text gets a buffer of its own); the view it returns is valid
 * until the next call.
 */
export function createUnitCopy(kept = 1 << 20): UnitCopy {
  let keptBytes = Buffer.allocUnsafeSlow(0);
  let keptUnits = new Uint16Array(0);
  return (text, spare = 0) => {
    const need = text.length + spare;
    let bytes = keptBytes;
    let units = keptUnits;
    if (need > units.length) {
      const size = Math.max(need, Math.min(2 * units.length, kept));
      bytes = Buffer.allocUnsafeSlow(2 * size);
      units = new Uint16Array(bytes.buffer, 0, size);
      if (size <= kept) {
        keptBytes = bytes;
        keptUnits = units;
      }
    }
    bytes.write(text, 0, 'utf16le');
    return units;
  };
}
