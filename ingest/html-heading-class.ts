// A heading named a "header" is a heading, not the page's header: `<h2 class="header-anchor-post">`
// (a newsletter platform's section headings, anchors for its table of contents),
// `<h2 class="recipe__tips-header">`. The chrome word `header` names a page's banner on the
// elements that hold one (`div.site-header`); on h1–h6 it only says the element is a heading.
// Other chrome words on a heading (`h3.widget-title`, `h2.related-posts-title`) still count.

import { classVerdict } from './html-rules.ts';
import type { Verdict } from './html-rules.ts';

/** `header` as a whole `-`/`_`/space-separated part of a class or id. */
const HEADER_PART = /(^|[-_\s])header(?=$|[-_\s])/gi;

/** The verdict of a heading element's names with the word `header` left out. */
export function headingVerdict(attribs: Record<string, string>): Verdict {
  const named: Record<string, string> = { ...attribs };
  for (const key of ['class', 'id']) {
    const value = attribs[key];
    if (value !== undefined) named[key] = value.replace(HEADER_PART, '$1');
  }
  return classVerdict(named);
}
