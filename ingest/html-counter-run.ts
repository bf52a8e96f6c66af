// A slideshow's or a story's pager written as bare numbers, one a block ("1", "2", "3", … under a
// gallery whose script moves between its slides, unlinked): no line of it says anything, yet each is
// scored as a short line and written with the story around it. Three or more blocks in a row that
// count up by one from any start are such a counter; a recipe's step numbers have their steps between
// them and table cells share a row, so neither forms a run.
import type { TextBlock } from './html-blocks.ts';

/** A counter's run is at least this long. */
const COUNTER_RUN = 3;
const NUMBER = /^\d{1,3}$/;

/** Sets `marks[k]` to `mark` for each block k of the counters among `blocks`; one pass. */
export function markCounterRuns<T>(blocks: readonly TextBlock[], marks: T[], mark: T): void {
  let i = 0;
  while (i < blocks.length) {
    let v = value(blocks, i);
    if (v < 0) {
      i++;
      continue;
    }
    let end = i + 1;
    for (let next = end < blocks.length ? value(blocks, end) : -1; next === v + 1; next = end < blocks.length ? value(blocks, end) : -1) {
      v = next;
      end++;
    }
    if (end - i >= COUNTER_RUN) for (let k = i; k < end; k++) marks[k] = mark;
    i = end;
  }
}

/** The number block i says, -1 for any other block. */
function value(blocks: readonly TextBlock[], i: number): number {
  const b = blocks[i] as TextBlock;
  return b.kind !== 'cell' && b.text.length <= 3 && NUMBER.test(b.text) ? Number(b.text) : -1;
}
