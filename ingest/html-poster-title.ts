// A forum poster's title ("Senior Member", "macrumors 6502a", "Legend") is the rank a forum gives a
// member, written under the name beside each post: about the poster, not the thread's text, and
// forum golds leave it out. It is still scored as the block it is (as class chrome it sank posts
// below their siblings and the pick fell to one post, WCXB's thirteenth round); it is only not
// written.

import type { ElementNode, ParsedPage, TextBlock } from './html-blocks.ts';

/** XenForo's `h5.userTitle message-userTitle`, vBulletin's and others' `usertitle`, `user-title`:
 * the element holding the line is named as the poster's title. XenForo's staff badge
 * (`div.userBanner message-userBanner`: "Administrator", "Moderator", "Developer") is a title too. */
const POSTER_TITLE = /[.\s_-]user[-_]?(?:title|banner)(?:$|[\s_-])/i;

/** The blocks of `chosen` minus those whose own element is named as a poster's title. */
export function withoutPosterTitles(page: ParsedPage, chosen: TextBlock[]): TextBlock[] {
  const { nodes } = page;
  return chosen.filter((b) => !POSTER_TITLE.test((nodes[b.node] as ElementNode).kind));
}
