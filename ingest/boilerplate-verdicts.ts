// isBoilerplateLine's verdicts on one page's lines, each distinct line tested once: menus, share
// bars and listings repeat their lines ("Share", "Read more"), and the picks and fallbacks ask
// about blocks the scoring already tested; four in ten tests were repeats, on a regex of ~200
// alternatives that is the extractor's costliest. The page's map is passed along as an argument to
// one module-level function, not captured in a closure made per page: a closure new with every page
// is a new call target wherever the JIT inlined the last one.

import { isBoilerplateLine } from './html-rules.ts';

/** One page's verdicts, by line. */
export type BoilerplateVerdicts = Map<string, boolean>;

/** isBoilerplateLine(text), asked of the page whose verdicts these are. */
export function isBoilerplate(verdicts: BoilerplateVerdicts, text: string): boolean {
  let v = verdicts.get(text);
  if (v === undefined) {
    v = isBoilerplateLine(text);
    verdicts.set(text, v);
  }
  return v;
}
