// Forum-thread rules of the thirteenth round (x19q): each with a snippet cut down from a WCXB
// tuning-half forum page (the smallest markup that still shows the pattern, texts shortened).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';

/** One post of a thread: the poster's box (name, title, the join date and post count as label and
 * value pairs) beside the message. */
const post = (user: string, joined: string, posts: string, body: string): string => `<article class="message message--post">
  <div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user">
    <div class="message-userDetails"><h4 class="message-name"><a href="/members/${user}/" class="username">${user}</a></h4>
    <h5 class="userTitle message-userTitle">Member</h5></div>
    <div class="message-userExtras"><dl class="pairs pairs--justified"><dt>Joined</dt><dd>${joined}</dd></dl>
    <dl class="pairs pairs--justified"><dt>Posts</dt><dd>${posts}</dd></dl></div>
  </section></div>
  <div class="message-cell message-cell--main"><div class="message-content"><div class="bbWrapper">${body}</div></div></div></div>
</article>`;

test("the join date and post count in a forum poster's box are not the thread's text", () => {
  // WCXB 1674: a travel forum's thread (XenForo's `message-userExtras`).
  const html = `<!DOCTYPE html><html><head><title>Why NOT to book flights with the Booking.com</title></head><body>
  <div class="p-body-main"><h1 class="p-title-value">Why NOT to book flights with the Booking.com or the GoToGate.com</h1>
  <div class="block-body js-replyNewMessageContainer">
  ${post('latawiec', 'Oct 28, 2023', '267', 'Booking.com has been our number one for booking service for many years. I have booked accommodation multiple times using this site and have never had an issue until this year.<br>In April 2023 we purchased a cruise starting from London, UK in June 2023, so we booked two days of accommodation in London to be sure not to be late for our cruise.')}
  ${post('LondonAussie', 'Jan 25, 2022', '251', 'Also a reason not to use Malaysia airlines if that is how much they charge for two suitcases under twenty kilograms each, which is more than the fare itself.')}
  ${post('MELso', 'Mar 2, 2015', '1,295', 'Please be aware that the same holding company owns several other brands, and they share the same flight partner for their bookings as well.')}
  </div></div></body></html>`;
  const lines = extractMainText(html).text.split('\n');
  for (const text of ['Also a reason not to use Malaysia airlines if that is how much they charge for two suitcases under twenty kilograms each, which is more than the fare itself.', 'Please be aware that the same holding company owns several other brands, and they share the same flight partner for their bookings as well.'])
    assert.ok(lines.includes(text), `missing: ${text}\n--- got:\n${lines.join('\n')}`);
  for (const extra of ['Joined', 'Posts', 'Oct 28, 2023', '267', '1,295'])
    assert.ok(!lines.includes(extra), `kept: ${extra}\n--- got:\n${lines.join('\n')}`);
});
