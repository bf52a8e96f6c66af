// Quality floors on the validation halves of every extraction benchmark (pages the rules were
// never tuned on; see bench/extraction/datasets.ts halfOf), scored with the bench metrics, and
// the rules of issue-style failures each shown on one real page of the dev data. Skipped without
// the shared data. Floors sit a little below the figures in docs/extraction.md so that a
// regression in the heuristics fails here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';
import { parseBlocks } from '../../ingest/html-blocks.ts';
import { loadHtmlCleaning, loadScrapinghub, loadWcxb } from '../../bench/extraction/datasets.ts';
import type { BenchPage, HtmlCleaningSet } from '../../bench/extraction/datasets.ts';
import { bagOfWordsPRF, macroScore, scrapinghubScore, shinglePR } from '../../bench/extraction/metrics.ts';
import { sharedDataDir } from '../shared-data.ts';

const dataDir = sharedDataDir();
const skip = dataDir ? false : 'shared data absent (../shared/data/extraction)';
const fmt = (s: { f1: number; precision: number; recall: number }): string => `F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)})`;
const bow = (pages: readonly BenchPage[]) => macroScore(pages.map((p) => bagOfWordsPRF(extractMainText(p.html).text, p.gold)));

test('scrapinghub validation half', { skip }, async () => {
  const pages = (await loadScrapinghub(dataDir as string)).filter((p) => p.half === 'valid');
  assert.ok(pages.length > 80);
  const s = scrapinghubScore(pages.map((p) => shinglePR(extractMainText(p.html).text, p.gold)));
  assert.ok(s.f1 >= 0.96, fmt(s));
});

test('WCXB dev validation half', { skip }, async () => {
  const pages = (await loadWcxb(dataDir as string)).filter((p) => p.half === 'valid');
  assert.ok(pages.length > 700);
  const s = bow(pages);
  assert.ok(s.f1 >= 0.82, fmt(s));
});

const CLEANING_FLOORS: readonly [HtmlCleaningSet, number][] = [
  ['cleaneval-final', 0.92],
  ['cleaneval-dev', 0.87],
  ['CleanPortalEval', 0.85],
  ['dragnet', 0.88],
  ['l3s-gn1', 0.91],
];
for (const [set, floor] of CLEANING_FLOORS) {
  test(`${set} validation half (raw bytes through our charset decoding)`, { skip }, async () => {
    const pages = (await loadHtmlCleaning(dataDir as string, set)).filter((p) => p.half === 'valid');
    assert.ok(pages.length > 20);
    const s = bow(pages);
    assert.ok(s.f1 >= floor, fmt(s));
  });
}

const wcxbPage = async (id: string): Promise<BenchPage> => {
  const [p] = await loadWcxb(dataDir as string, 1, [id]);
  assert.ok(p, `WCXB page ${id} missing`);
  return p;
};

test('site builders: Webflow puts the article in <header class="rich-text w-richtext">', { skip }, async () => {
  const p = await wcxbPage('4096');
  const s = bagOfWordsPRF(extractMainText(p.html).text, p.gold);
  assert.ok(s.f1 >= 0.9, fmt(s));
});

test("site builders: Elementor's elementor-widget-text-editor is content, not a chrome widget", { skip }, async () => {
  const p = await wcxbPage('0001');
  const page = parseBlocks(p.html);
  const editors = page.blocks.filter((b) => {
    for (let n = b.node; n > 0; n = page.nodes[n]?.parent ?? 0) if (page.nodes[n]?.kind.includes('elementor-widget-text-editor')) return true;
    return false;
  });
  assert.ok(editors.length > 3);
  assert.deepEqual(editors.filter((b) => b.chrome === 1).map((b) => b.text.slice(0, 60)), []);
});

test('boilerplate lines: a "Comments are closed." notice inside the post body is dropped', { skip }, async () => {
  const [p] = await loadHtmlCleaning(dataDir as string, 'dragnet', 1, ['R363']);
  assert.ok(p);
  const text = extractMainText(p.html).text;
  assert.ok(!/comments are closed/i.test(text), text);
  assert.ok(bagOfWordsPRF(text, p.gold).recall >= 0.9);
});

test('a description repeated for other layouts (gallery, tab, mobile) is written once', { skip }, async () => {
  const p = await wcxbPage('0604');
  const text = extractMainText(p.html).text;
  const line = 'The AS Colour Staple Tee. Enduring comfort in a regular fit';
  assert.equal(text.split('\n').filter((l) => l.startsWith(line)).length, 1, text);
});

test('forum thread: the replies, siblings of the same kind as the best post, are kept', { skip }, async () => {
  const p = await wcxbPage('0515');
  const s = bagOfWordsPRF(extractMainText(p.html).text, p.gold);
  assert.ok(s.f1 >= 0.8, fmt(s));
});

test('short post: the post is kept, not traded for the site menus and link lists around it (Dragnet R18, F1 0.27 before, 0.98 now)', { skip }, async () => {
  const [p] = await loadHtmlCleaning(dataDir as string, 'dragnet', 1, ['R18']);
  assert.ok(p);
  const text = extractMainText(p.html).text;
  const s = bagOfWordsPRF(text, p.gold);
  assert.ok(s.f1 >= 0.9, fmt(s));
  assert.ok(!/Latest from The Design Club|Hotspots/.test(text), text);
});

test("list between kept siblings: a plan's feature list of short lines stays with the text around it (WCXB 0465, F1 0.65 before, 0.86 now)", { skip }, async () => {
  const p = await wcxbPage('0465');
  const text = extractMainText(p.html).text;
  const s = bagOfWordsPRF(text, p.gold);
  assert.ok(s.f1 >= 0.8, fmt(s));
  assert.ok(text.includes('User Roles (admin, editor, user)'), text);
});

test('reading list: linked course titles that a line ending in a colon introduces are kept (WCXB 0215, F1 0.76 before, 0.93 now)', { skip }, async () => {
  const p = await wcxbPage('0215');
  const text = extractMainText(p.html).text;
  const s = bagOfWordsPRF(text, p.gold);
  assert.ok(s.f1 >= 0.9, fmt(s));
  assert.ok(text.includes('Here are some of the courses you can take on OpenLearn:\n- Everyday English 1\n- Information security'), text);
});

test('shop category page: the product grid wins over the shop-promise paragraphs beside it (WCXB 3001, F1 0.08 before, 0.71 now)', { skip }, async () => {
  const p = await wcxbPage('3001');
  const text = extractMainText(p.html).text;
  const s = bagOfWordsPRF(text, p.gold);
  assert.ok(s.f1 >= 0.65, fmt(s));
  assert.ok(text.includes('Nalgene Sustain Logo Narrow-Mouth Water Bottle - 32 fl. oz.'), text);
});

test('the rest of a post after its "more" break (entry-more) is body, not a "read more" link (Dragnet R396, F1 0.27 before, 1.00 now)', { skip }, async () => {
  const [p] = await loadHtmlCleaning(dataDir as string, 'dragnet', 1, ['R396']);
  assert.ok(p);
  const s = bagOfWordsPRF(extractMainText(p.html).text, p.gold);
  assert.ok(s.f1 >= 0.95, fmt(s));
});

test('landing page: the sibling sections (hero, features, reviews) are kept with the chosen one (WCXB 4474, F1 0.57 before, 0.89 now)', { skip }, async () => {
  const p = await wcxbPage('4474');
  const text = extractMainText(p.html).text;
  const s = bagOfWordsPRF(text, p.gold);
  assert.ok(s.f1 >= 0.85, fmt(s));
  assert.ok(text.includes('Transparent pricing and powerful features.'), text);
});

test('Q&A thread: the other answers are kept when the best block is the body of one answer (WCXB 0566, F1 0.26 before, 0.77 now)', { skip }, async () => {
  const p = await wcxbPage('0566');
  const text = extractMainText(p.html).text;
  const s = bagOfWordsPRF(text, p.gold);
  assert.ok(s.f1 >= 0.7, fmt(s));
  assert.ok(text.includes('RAID helps you recover from failures') && text.includes('RAID helps you to eliminate downtime'), text);
});

/** A rule of issue 12 shown on one dev page (tuning half): its text scores at least `floor` against
 * the gold (scrapinghub: word 4-gram shingles, the others: bag of words), holds `has` and matches
 * none of `hasNot`. */
interface PageCase {
  rule: string;
  set: 'scrapinghub' | 'wcxb-dev' | HtmlCleaningSet;
  /** Page id; for scrapinghub the first characters of its hash. */
  id: string;
  floor: number;
  has?: string;
  hasNot?: RegExp;
}

const PAGE_CASES: readonly PageCase[] = [
  { rule: 'accordion: FAQ panels inside an element with role="tablist" are content, not a tab bar (F1 0.16 before, 0.98 now)', set: 'wcxb-dev', id: '4242', floor: 0.9, has: 'Limit of two smart thermostat rebates per account.' },
  { rule: 'accordion: collapsed panels (role="region", aria-hidden="true") are the page text, not hidden chrome (F1 0.48 before, 0.97 now)', set: 'wcxb-dev', id: '4911', floor: 0.9, has: "Pet insurance typically also doesn't cover dietary expenses" },
  { rule: 'a stray <![CDATA[ after <body> ends at the first ">" as in browsers, not at a "]]>" that never comes (F1 0 before, 0.90 now)', set: 'wcxb-dev', id: '4311', floor: 0.85 },
  { rule: 'an article inside a wrapper with a chrome name (div.share_wrapper) wins over a sidebar paragraph (F1 0.49 before, 0.97 now)', set: 'dragnet', id: 'R373', floor: 0.9, hasNot: /Our Blogs|More White Papers/ },
  { rule: 'a short post with hundreds of comments is written without the comments (F1 0.01 before, 0.85 now)', set: 'dragnet', id: 'T50', floor: 0.8, hasNot: /reply actions/ },
  { rule: 'the one article body (entry-content) inside the pick wins over a wrapper that adds a sidebar of post excerpts (F1 0.52 before, 0.97 now)', set: 'dragnet', id: 'R847', floor: 0.9, hasNot: /Recent Posts|A Lie That’s Good for Password Security/ },
  { rule: 'chrome words glued to another word (postcomments, commentlist, commententry) mark chrome (F1 0.61 before, 0.99 now)', set: 'CleanPortalEval', id: 'blogs.wsj.com_brussels_12', floor: 0.95, hasNot: / wrote :/ },
  { rule: "a list page: the items of the page's one <main> are written when the pick is a small part of it (F1 0.11 before, 0.99 now)", set: 'wcxb-dev', id: '2904', floor: 0.95, has: '- A.NET (A#/A sharp)\n- A-0 System' },
  { rule: 'a short post of one-sentence lines (60-80 characters) is prose and is kept, not traded for the page (F1 0.33 before, 0.82 now)', set: 'dragnet', id: 'R568', floor: 0.75, has: 'The most accurate synopsis ever for The Wizard of Oz.' },
  { rule: "a site builder's layout class (elementor-element) is not a post kind: the post is written without the blocks around it (F1 0.54 before, 0.98 now)", set: 'wcxb-dev', id: '0296', floor: 0.9, hasNot: /Latest News|Sign Up To Receive Our Newsletter/ },
  { rule: 'form field labels (Last Name*, Email*) are not text (F1 0.65 before, 0.70 now with the headline written)', set: 'wcxb-dev', id: '0362', floor: 0.69, hasNot: /^(Last Name|Email|Company)\*$/m },
  { rule: "under a short post the fallback leaves out the sidebar's link lists (F1 0.32 before, 0.93 now)", set: 'dragnet', id: 'R99', floor: 0.85, hasNot: /Seven Easily Avoidable Ways To Die In A Hurricane/ },
  { rule: 'a line that is one bare URL between paragraphs is written, not dropped as a link (F1 0.72 before, 0.84 now)', set: 'scrapinghub', id: '20b2b649', floor: 0.8, has: 'http://amzn.to/2iJFhRj' },
  { rule: 'a teaser section after the text ("Самые популярные диеты", most popular diets) is dropped with its heading (F1 0.90 before, 0.99 now)', set: 'scrapinghub', id: 'ff0f958a', floor: 0.95, hasNot: /Самые популярные диеты|Гречневая диета/ },
  { rule: "a comment form's notes (Your email address will not be published, the allowed HTML tags) are boilerplate (F1 0.55 before, 0.90 then; 0.85 since the eleventh round adds no block outside a short post's named body, so its source line \"[Via Collider]\" below the body is gone)", set: 'dragnet', id: 'R835', floor: 0.84, hasNot: /will not be published|You may use these HTML tags/ },
  { rule: 'more, next and prev mark chrome only as the last part of a name: section id="more-on-lists" is a heading anchor (F1 0.67 before, 1.00 now)', set: 'wcxb-dev', id: '2858', floor: 0.95, has: ">>> fruits.count('apple')" },
  { rule: "a notice bar in its desktop and mobile copies counts once: it no longer outscores a short service page's body (F1 0.10 before, 0.93 now)", set: 'wcxb-dev', id: '0135', floor: 0.85, has: '- Root Canals on Select Teeth' },
  { rule: 'an FAQ accordion: the questions in toggle buttons and their hidden answers are written (F1 0.64 before, 0.99 now)', set: 'wcxb-dev', id: '0713', floor: 0.95, has: 'How much does it cost to build a custom progressive web app?' },
  { rule: 'a consent dialog (role="dialog") is structural chrome: the feed of news cards is written, not the consent text (F1 0.11 before, 0.88 now)', set: 'wcxb-dev', id: '2967', floor: 0.8, hasNot: /store and access personal data/ },
  { rule: 'a long "best viewed in an up-to-date web browser" notice is boilerplate: it no longer outscores a short synopsis (F1 0.07 before, 0.95 now)', set: 'dragnet', id: '85', floor: 0.9, hasNot: /best viewed/ },
  { rule: 'a paragraph that wins inside a content-named body holding more prose yields to the body, whose link lists sank it (F1 0.44 before, 0.91 now)', set: 'dragnet', id: 'R579', floor: 0.85, has: 'Fisker said the battery packs in the Karmas were not at fault' },
  { rule: "CKEditor's ck-widget blocks inside an article are the text, not chrome widgets (F1 0.32 before, 1.00 now)", set: 'wcxb-dev', id: '4705', floor: 0.95, has: 'Snake Plant' },
  { rule: 'a two-line post in its named body (entry-content) is written, not traded for the comment list elsewhere on the page (F1 0.13 before, 0.86 now)', set: 'dragnet', id: 'R728', floor: 0.8, has: 'Leelee Sobieski looks like', hasNot: /Oh my, she is just getting more/ },
  { rule: "a table of contents written twice (the desktop and the mobile copy) after the text is written once (F1 0.85 before, 0.99 now)", set: 'wcxb-dev', id: '0355', floor: 0.95, hasNot: /(Leveraging Tax Credits or Incentives[\s\S]*){2}/ },
  { rule: "a post card's reading time (7 min read) is metadata, not text (F1 0.59 before, 0.63 now)", set: 'wcxb-dev', id: '3014', floor: 0.62, hasNot: /^\d+ min read$/m },
  { rule: 'the linked deals that "Other deals:" introduces at the end of a deals post are its text (F1 0.47 before, 0.95 now)', set: 'dragnet', id: 'R706', floor: 0.9, has: 'Asus RT-N66U Dual-Band Wireless-N900 Gigabit Router' },
  { rule: "a WordPress post's 250-character filing line (This entry was posted on … and is filed under …) is boilerplate (F1 0.64 before, 1.00 now)", set: 'dragnet', id: 'R40', floor: 0.95, hasNot: /This entry was posted/ },
  { rule: "a news front: the linked headlines of <main> are written when the pick (a podcast section) is a small part of it (F1 0.33 before, 0.56 now)", set: 'wcxb-dev', id: '2970', floor: 0.5, has: 'OpenAI robotics lead Caitlin Kalinowski quits in response to Pentagon deal' },
  { rule: 'a headline equal to the title is written in the text (F1 0.94 before, 0.95 now)', set: 'dragnet', id: 'T99', floor: 0.95, has: 'Collectible Hot Rod Pedal Cars marks the 80th anniversary of 1932 Ford Deuce\n' },
  { rule: "an <iframe … /> left open in a <noscript> ends at </noscript>, as browsers read it, instead of swallowing the rest of the page (F1 0.02 before, 0.94 now)", set: 'wcxb-dev', id: '2838', floor: 0.9, has: 'Intuitive infrastructure to scale any app or agent' },
  { rule: "a shop category's grid of linked product titles (−0.25 a character, not −0.5) outweighs the page's other blocks (F1 0.04 before, 0.69 now)", set: 'wcxb-dev', id: '2955', floor: 0.65, has: 'Canon EOS R50 V Mirrorless Camera' },
  { rule: "accordion panels after the <dt> holding their toggle button are the page's text, not hidden chrome (F1 0.58 before, 0.88 now)", set: 'wcxb-dev', id: '1056', floor: 0.85, has: 'Our experienced team delivers consulting services and solutions' },
  { rule: "a brand and a product name in adjacent spans (MerrellMoab) are two words (F1 0.48 before, 0.53 now)", set: 'wcxb-dev', id: '2951', floor: 0.5, has: 'Merrell Moab 3 Mid Waterproof Hiking Boots' },
  { rule: "a landing page's hero (its one <h1> and the tagline beside it) is written before the feature sections that outscore it (F1 0.60 before, 0.63 now)", set: 'wcxb-dev', id: '2842', floor: 0.62, has: 'Clarity, finally.\nJoin 50+ million professionals who simplify work and life' },
  { rule: "a review widget's cards (div.grw-reviews) beside a service page's text are chrome (F1 0.34 before, 1.00 now)", set: 'wcxb-dev', id: '4273', floor: 0.95, hasNot: /Iceberg Web Design and they are wonderful/ },
  { rule: "a post whose page sits inside a div#header gets its headline: the hero rule looks inside the pick's own chrome (F1 0.984 before, 1.00 now)", set: 'dragnet', id: 'R595', floor: 0.99, has: 'Incredible RGB LED Cube Tutorial\n' },
  { rule: "an FAQ's question buttons name their hidden answers (aria-controls): the answers are the page's text (F1 0.85 before, 0.94 now)", set: 'wcxb-dev', id: '4287', floor: 0.9, has: 'least-privilege access to tools and data' },
  { rule: 'an author box after the text (About the Author, About the Reviewer) is dropped with its section (F1 0.66 before, 0.81 now)', set: 'wcxb-dev', id: '4058', floor: 0.8, hasNot: /About the Author|About the Reviewer/ },
  { rule: "a newsletter's sign-up prompt and its form's replies after a post are not written (F1 0.94 before, 1.00 now)", set: 'wcxb-dev', id: '0487', floor: 0.98, hasNot: /delivered straight to your inbox|confirm your subscription/ },
  { rule: "Tailwind's w-full on the article's column and the sidebar's column makes no sibling posts of them: the sidebar's popular posts are left out (F1 0.87 before, 1.00 now)", set: 'wcxb-dev', id: '0333', floor: 0.95, hasNot: /Trending stories in world travel/ },
  { rule: "a grid's linked line repeated on four or more items is the items' button, not their name: the store buttons under each product card are not written (F1 0.48 before, 0.64 now)", set: 'wcxb-dev', id: '0635', floor: 0.6 },
  { rule: "a product description in div.item-caption (3,850 chars of prose) is text, not a figure caption's chrome (F1 0.62 before, 0.95 now)", set: 'wcxb-dev', id: '4795', floor: 0.9, has: 'What makes The Verte Chair unique' },
  { rule: "a ticker's one call to action cloned a dozen times in a row is written once (F1 0.82 before, 0.83 now)", set: 'wcxb-dev', id: '0117', floor: 0.82, hasNot: /(SECURE YOUR SPOT - ENROL NOW[\s\S]*){2}/ },
  { rule: "a landing page's sibling sections count also when a div wraps one (div > section): the hero section is written (F1 0.67 before, 0.74 now)", set: 'wcxb-dev', id: '2841', floor: 0.72, has: 'All your teams, all their workflows—connected in one workspace' },
  { rule: "legal fine print (a section classed legal, div.copy-legal) is chrome: a partner pitch classed legal after an article is not written (F1 0.92 before, 0.98 now)", set: 'wcxb-dev', id: '0008', floor: 0.95, hasNot: /Join the growth phase at Flatworld Solutions as a Partner/ },
  { rule: "an advertisement's label between a news article's paragraphs is not written (shingle F1 0.977 before, 0.993 now)", set: 'scrapinghub', id: '098bb3e9', floor: 0.99, hasNot: /^Advertisement$/m },
  { rule: "a post's tag line (Tags: Chicken, …) is not written (F1 0.715 before, 0.786 now)", set: 'dragnet', id: 'R277', floor: 0.78, hasNot: /^Tags: /m },
  { rule: 'a comment section under its COMMENTS heading after a post is dropped (F1 0.815 before, 0.995 now)', set: 'dragnet', id: 'R179', floor: 0.99, hasNot: /^COMMENTS$/m },
  { rule: 'a news site\'s teasers under "Latest Sport News" after the article are dropped with their section (F1 0.752 before, 1.00 now)', set: 'l3s-gn1', id: '7634af91-c989-485b-b0a3-3ea43181951f', floor: 0.98, hasNot: /Latest Sport News/ },
  { rule: 'a paragraph whose links carry two long patent titles, between the paragraphs of a news story, is text (F1 0.634 before, 0.728 now)', set: 'dragnet', id: 'R709', floor: 0.7, has: 'As noted in our story on the $368.2 million judgment' },
  { rule: 'a footer line "(c) 2012 … | powered by WordPress" under a short post is boilerplate like "©" (F1 0.738 before, 0.817 now)', set: 'dragnet', id: 'R634', floor: 0.81, hasNot: /^\(c\) 2012/m },
  { rule: 'a news site\'s teasers under "Also In The News" after the article are dropped with their section (F1 0.836 before, 0.956 now)', set: 'l3s-gn1', id: '35ece29f-38f4-493d-922c-7ea6f6f21e7c', floor: 0.95, hasNot: /Also In The News/ },
  { rule: 'a short post in div#post is written without the sidebar and footer the whole-page fallback took (F1 0.479 before, 0.903 now)', set: 'dragnet', id: '511', floor: 0.9, hasNot: /About Hacker Monthly/ },
  { rule: "a news article's byline (By GRANT PECK, Associated Press Writer …) is not written (F1 0.952 before, 0.988 now)", set: 'l3s-gn1', id: 'a745e119-1b4b-4b6f-9423-cfb08c063763', floor: 0.98, hasNot: /By GRANT PECK/ },
  { rule: "a news front's repeated <article>s: each one's <header> holds its title and is written (F1 0.90 before, 0.99 now)", set: 'wcxb-dev', id: '3030', floor: 0.98, has: 'Budgie 10.10.2 Brings Improved Labwc Wayland Compositor Integration' },
  { rule: "a landing page's bands in divs between its kept sections are written: a headline band and a stack of features (F1 0.86 before, 0.93 then; 0.88 since the linked cards' pitches score as prose, which also keeps the pricing band)", set: 'wcxb-dev', id: '0694', floor: 0.87, has: 'Keep your customers engaged and your business growing' },
  { rule: "a story's bold lead between its headline and the paragraphs the pick takes is written (F1 0.946 before, 1.000 now)", set: 'l3s-gn1', id: '6e76afd5-2ffa-40fc-acd3-60b9f6a4c238', floor: 0.99, has: 'Liverpool boss Rafa Benitez says he will be among the managers' },
  { rule: 'a paragraph under the <h1> in an element with more good prose is not a lone post: the element is not taken for it (F1 0.929 before, 0.955 now)', set: 'cleaneval-final', id: '508', floor: 0.95 },
  { rule: "the last fallback reads no <footer>: a two-product collection is written, not the footer's brand message (F1 0.036 before, 0.698 now)", set: 'wcxb-dev', id: '4760', floor: 0.65, has: 'Balm Dotcom Trio', hasNot: /At Glossier, we make products/ },
];

const devPage = async (set: PageCase['set'], id: string): Promise<BenchPage | undefined> => {
  if (set === 'scrapinghub') return (await loadScrapinghub(dataDir as string)).find((p) => p.id.startsWith(id));
  const [p] = set === 'wcxb-dev' ? await loadWcxb(dataDir as string, 1, [id]) : await loadHtmlCleaning(dataDir as string, set, 1, [id]);
  return p;
};

for (const c of PAGE_CASES) {
  test(`${c.rule} (${c.set} ${c.id})`, { skip }, async () => {
    const p = await devPage(c.set, c.id);
    assert.ok(p, `${c.set} page ${c.id} missing`);
    const text = extractMainText(p.html).text;
    const pr = c.set === 'scrapinghub' ? shinglePR(text, p.gold) : bagOfWordsPRF(text, p.gold);
    const s = { ...pr, f1: pr.precision + pr.recall > 0 ? (2 * pr.precision * pr.recall) / (pr.precision + pr.recall) : 0 };
    assert.ok(s.f1 >= c.floor, fmt(s));
    if (c.has !== undefined) assert.ok(text.includes(c.has), text);
    if (c.hasNot !== undefined) assert.ok(!c.hasNot.test(text), text);
  });
}
