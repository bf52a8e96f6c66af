// A blog's or a paper's name over the post ("Schneier on Security", "Healthcare Economist") is the
// site's masthead, not the post's text: the page's <title> names it beside the post's headline
// ("Micromorts « Schneier on Security", "Schneier on Security: Micromorts"), and golds leave it
// out, with the tagline under it ("A blog covering security and security technology."). The pick
// takes both when the masthead shares the post's column. They are only not written; they are
// still scored as the blocks they are.

import type { ParsedPage, TextBlock } from './html-blocks.ts';
import { collapseSpace } from './collapse-space.ts';

/** How <title> joins the page's name to the site's after it: `|`, `«`, `»`, `·`, `•`, a dash between
 * spaces (not a hyphenated word's), a colon or `::` before a space. */
const CLOSES = /\S(?:\s+[-–—]+\s+|\s*[|«»·•]+\s*|\s*::?\s+)$/u;
/** A site's name opens the title before a colon ("Schneier on Security: Micromorts"); before a dash
 * or a bar the opening part is the page's own ("О компании - Стратегия пожарной безопасности"). */
const OPENS = /^\s*::?\s+\S/u;

/** CLOSES is anchored at the end only, so it is tried at every position of what it is given: it is
 * given the title's last characters, which hold any real separator (a run of `|` as long as the
 * title would otherwise cost quadratic time). */
const SEPARATOR_TAIL = 64;

/** The headline must be one of the first blocks after the name. */
const HEADLINE_WITHIN = 4;

/** Shorter lines found in the title (a section's name, a date) are no evidence of the headline. */
const MIN_HEADLINE = 8;

/** A tagline is one short line. */
const TAGLINE_MAX = 200;

const norm = (s: string): string => collapseSpace(s).toLowerCase();

/** The rest of `title` when `name` opens or closes it with a separator between them, else undefined. */
function titleRest(title: string, name: string): string | undefined {
  if (title.startsWith(name) && OPENS.test(title.slice(name.length))) return title.slice(name.length);
  if (title.endsWith(name)) {
    const before = title.slice(0, title.length - name.length);
    if (CLOSES.test(before.slice(-SEPARATOR_TAIL))) return before;
  }
  return undefined;
}

/** `chosen` without its first block when that block is the site's name (the text that opens or
 * closes the title, apart from the rest by a separator) and the post's headline (a later block
 * that the rest of the title holds) is among the next few blocks; nor the tagline between them. */
export function withoutSiteName(page: ParsedPage, chosen: TextBlock[]): TextBlock[] {
  if (page.title === undefined || chosen.length < 2) return chosen;
  const name = norm((chosen[0] as TextBlock).text);
  const rest = name === '' ? undefined : titleRest(norm(page.title), name);
  if (rest === undefined) return chosen;
  const at = chosen.slice(1, 1 + HEADLINE_WITHIN).findIndex((b) => {
    const t = norm(b.text);
    return t.length >= MIN_HEADLINE && rest.includes(t);
  });
  if (at < 0) return chosen;
  // The masthead's tagline, between the name and the headline: a line with no digit (a date there
  // is the post's, and golds keep it).
  const between = chosen.slice(1, 1 + at).filter((b) => b.kind === 'h' || /\d/.test(b.text) || b.text.length > TAGLINE_MAX);
  return [...between, ...chosen.slice(1 + at)];
}
