// Main-text extraction rules, one small hand-written page per rule, and robustness against deep
// nesting, huge and broken pages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';
import { parseBlocks } from '../../ingest/html-blocks.ts';
import { classVerdict, isBoilerplateLine } from '../../ingest/html-rules.ts';

const ARTICLE = [
  'The harbor was rebuilt after the great storm of 1953, and the town spent a decade paying for it.',
  'Fishermen moved their boats to the northern quay, where the water stayed calm through the winter months.',
  'Today the old warehouses hold a museum, two cafes and a school for boat builders that takes twelve students a year.',
];
const paras = ARTICLE.map((p) => `<p>${p}</p>`).join('\n');
const page = (body: string, head = '<title>The Harbor</title>'): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const lines = (html: string): string[] => extractMainText(html).text.split('\n');

function assertArticle(text: string): void {
  for (const p of ARTICLE) assert.ok(text.includes(p), `missing: ${p}\n--- got:\n${text}`);
}

test('paragraphs come out one per line, the title apart', () => {
  const out = extractMainText(page(`<article><h1>The Harbor</h1>${paras}</article>`));
  assert.equal(out.title, 'The Harbor');
  assert.deepEqual(out.text.split('\n'), ['The Harbor', ...ARTICLE]);
});

test('script, style, template, svg and iframe are dropped, noscript is chrome', () => {
  const out = extractMainText(
    page(
      `<script>var secret = "SCRIPTTEXT";</script><style>.x{color:red} STYLETEXT</style><article>${paras}<noscript>NOSCRIPTTEXT enable javascript</noscript><template><p>TEMPLATETEXT</p></template><svg><title>SVGTEXT</title><text>SVGTEXT</text></svg><iframe>IFRAMETEXT</iframe></article>`,
    ),
  );
  assertArticle(out.text);
  for (const w of ['SCRIPTTEXT', 'STYLETEXT', 'NOSCRIPTTEXT', 'TEMPLATETEXT', 'SVGTEXT', 'IFRAMETEXT']) assert.ok(!out.text.includes(w), w);
  assert.equal(out.title, 'The Harbor');
});

test('form controls are dropped, text in a page-wide form is kept', () => {
  const out = extractMainText(
    page(`<form id="aspnetForm"><div>${paras}<select><option>OPTIONTEXT</option></select><button>BUTTONTEXT</button><textarea>AREATEXT</textarea><input value="INPUTTEXT"></div></form>`),
  );
  assertArticle(out.text);
  for (const w of ['OPTIONTEXT', 'BUTTONTEXT', 'AREATEXT', 'INPUTTEXT']) assert.ok(!out.text.includes(w), w);
});

test('nav, header, footer and aside are dropped', () => {
  const out = extractMainText(
    page(
      `<header><p>Welcome to the harbor town site, where you can read everything about the harbor, the boats and the town.</p></header><nav><ul><li><a href="/">Home</a></li><li><a href="/a">About</a></li></ul></nav><main>${paras}</main><aside><p>Our sponsor sells the finest rope in the county, and you should buy some of it today.</p></aside><footer><p>Made with care by the harbor society, a small group of volunteers who love the sea.</p></footer>`,
    ),
  );
  assert.deepEqual(out.text.split('\n'), ARTICLE);
});

test('class, id and role chrome is dropped: menus, cookie banners, share bars, related links, ads, comments', () => {
  const out = extractMainText(
    page(`<div id="page">
<div class="main-menu"><p>Browse our guides about harbors, boats, sailing and the sea, all written by locals.</p></div>
<div class="cookie-banner"><p>We value your privacy and use small files to remember you between visits, if you agree.</p></div>
<div class="entry-content">${paras}</div>
<div class="share-buttons"><p>Tell your friends about this story on every network you use, it helps us a lot.</p></div>
<div class="related-posts"><p>You might also enjoy reading about the lighthouse, which was painted red last year.</p></div>
<div id="ad-slot-3" class="ad"><p>Buy the new waterproof jacket now, with a discount of twenty percent for readers.</p></div>
<div id="comments"><p>Great article, I grew up in that town and remember the storm very well indeed.</p></div>
<div role="navigation"><p>Previous story: the bridge over the river, and why it closed for a month.</p></div>
</div>`),
  );
  assert.deepEqual(out.text.split('\n'), ARTICLE);
});

test('reviews beside a product are chrome only as the last part of a class name: a listing of reviews named by its id, or a testimonials section, is kept', () => {
  const review = '<div class="review"><p>Great service from start to finish, the team answered every question we had quickly.</p></div>';
  const shop = lines(page(`<div class="product-page"><div class="product-info">${paras}</div><section class="product-reviews">${review.repeat(3)}</section></div>`));
  assert.deepEqual(shop, ARTICLE);
  const listing = extractMainText(page(`<div id="page_app_reviews">${paras}</div>`)).text;
  assertArticle(listing);
  const testimonials = extractMainText(page(`<div class="service">${paras}<div class="reviews-section">${review}</div></div>`)).text;
  assert.ok(testimonials.includes('Great service from start to finish'), testimonials);
});

test('hidden elements are dropped', () => {
  const out = extractMainText(
    page(
      `<article>${paras}<div style="display: none">HIDDEN1 sign up for the newsletter today and save.</div><p hidden>HIDDEN2 secret text that should stay secret.</p><div aria-hidden="true">HIDDEN3 a decorative caption.</div><span class="sr-only">HIDDEN4</span><div style="visibility:hidden">HIDDEN5</div></article>`,
    ),
  );
  assertArticle(out.text);
  for (const w of ['HIDDEN1', 'HIDDEN2', 'HIDDEN3', 'HIDDEN4', 'HIDDEN5']) assert.ok(!out.text.includes(w), w);
});

test("a tab panel's role does not leak to later elements of the same hiding class, in either order", () => {
  const panel = '<div role="tabpanel" class="hidden"><p>PANEL the opening hours of the harbor office change with the tides in winter.</p></div>';
  const popup = '<div class="hidden"><p>POPUP your cart has been updated with the item you chose.</p></div>';
  for (const body of [`${paras}${panel}${popup}`, `${paras}${popup}${panel}`]) {
    const out = extractMainText(page(`<article>${body}</article>`)).text;
    assert.ok(out.includes('PANEL'), 'the tab panel is visible');
    assert.ok(!out.includes('POPUP'), 'the hidden pop-up stays hidden');
  }
});

test('link-dense blocks are dropped, a link inside a sentence is kept', () => {
  const links = Array.from({ length: 12 }, (_, i) => `<a href="/t/${i}">Topic number ${i}</a>`).join(' ');
  const out = extractMainText(page(`<div><p>${links}</p>${paras}<p>Read more in the <a href="/report">harbor report</a>, which the council published in May.</p></div>`));
  assertArticle(out.text);
  assert.ok(!out.text.includes('Topic number'));
  assert.ok(out.text.includes('Read more in the harbor report, which the council published in May.'));
});

test('the block holding the article wins over short boilerplate blocks around it', () => {
  const out = extractMainText(
    page(`<div><div><span>Home</span> <span>Login</span></div><div>Breaking: tide tables updated</div><div>${paras}</div><div>Follow us</div><div>Sitemap</div></div>`),
  );
  assert.deepEqual(out.text.split('\n'), ARTICLE);
});

test('headings, list items as "- ", table rows joined by " | "', () => {
  const got = lines(
    page(
      `<article>${paras}<h2>Opening hours</h2><ul><li>Monday to Friday, from nine in the morning.</li><li>Saturday, from ten, with guided tours.</li></ul><table><tr><th>Boat</th><th>Built</th></tr><tr><td>Mary Anne</td><td>1921</td></tr></table><p>Entry is free for children under twelve years of age, and for all residents of the town.</p></article>`,
    ),
  );
  assert.deepEqual(lines(page(`<article>${paras}</article>`)), ARTICLE);
  assert.ok(got.includes('Opening hours'), got.join('\n'));
  assert.ok(got.includes('- Monday to Friday, from nine in the morning.'), got.join('\n'));
  assert.ok(got.includes('- Saturday, from ten, with guided tours.'), got.join('\n'));
  assert.ok(got.includes('Boat | Built'), got.join('\n'));
  assert.ok(got.includes('Mary Anne | 1921'), got.join('\n'));
});

test('br breaks lines, pre keeps its lines, entities are decoded', () => {
  const out = lines(page(`<article>${paras}<p>First line of the poem, &amp; more.<br>Second line &eacute;t&eacute;, and the end.</p><pre>  one  two\n    three\n</pre></article>`));
  assert.ok(out.includes('First line of the poem, & more.'));
  assert.ok(out.includes('Second line été, and the end.'));
  assert.ok(out.includes('one two'));
  assert.ok(out.includes('three'));
});

test('a headline equal to the title is written in the text too: the text stands alone', () => {
  const out = extractMainText(page(`<div class="post"><h1>The Harbor</h1>${paras}</div>`, '<title>The Harbor | Town News</title>'));
  assert.equal(out.title, 'The Harbor | Town News');
  assert.deepEqual(out.text.split('\n'), ['The Harbor', ...ARTICLE]);
});

test("a landing page's hero (its one <h1> and the tagline beside it) is written before the feature sections that outscore it, unless the page marks an article", () => {
  const logos = Array.from({ length: 12 }, (_, i) => `<p>Partner ${i}</p>`).join('');
  const features = ARTICLE.map((p, i) => `<div class="feature"><h3>Feature ${i}</h3><p>${p}</p></div>`).join('');
  const hero = `<div class="hero"><h1>Harbor Tours</h1><p>Boats, museums and cafes</p><a href="/start">Start for free</a></div><div class="logos">${logos}</div>`;
  const head = '<title>Harbor Tours | Home</title>';
  const landing = lines(page(`${hero}<div class="features">${features}</div>`, head));
  assert.deepEqual(landing.slice(0, 3), ['Harbor Tours', 'Boats, museums and cafes', 'Feature 0'], landing.join('\n'));
  const article = lines(page(`${hero}<article class="features">${features}</article>`, head));
  assert.equal(article[0], 'Feature 0', article.join('\n'));
});

test("a landing page's hero is written also when the whole page sits in a wrapper named like chrome (a framework's root div#__next)", () => {
  const logos = Array.from({ length: 12 }, (_, i) => `<p>Partner ${i}</p>`).join('');
  const features = ARTICLE.map((p, i) => `<div class="feature"><h3>Feature ${i}</h3><p>${p}</p></div>`).join('');
  const hero = `<div class="hero"><h1>Harbor Tours</h1><p>Boats, museums and cafes</p><a href="/start">Start for free</a></div><div class="logos">${logos}</div>`;
  const landing = lines(page(`<div id="__next">${hero}<div class="features">${features}</div></div>`, '<title>Harbor Tours | Home</title>'));
  assert.deepEqual(landing.slice(0, 3), ['Harbor Tours', 'Boats, museums and cafes', 'Feature 0'], landing.join('\n'));
});

test("a level-1 heading outside every element (an FAQ toggle's <h1> at the top of the body) is a hero too, not a crash", () => {
  const out = lines(`<button aria-expanded="false"><h1>Opening hours</h1></button><p>${ARTICLE.join(' ')}</p>`);
  assert.equal(out[0], 'Opening hours', out.join('\n'));
  assert.equal(out[1], ARTICLE.join(' '), out.join('\n'));
});

test('copyright and cookie lines are dropped wherever they sit', () => {
  const out = extractMainText(page(`<div>${paras}<p>Copyright 2024 Harbor Town. All rights reserved.</p><p>This site uses cookies.</p></div>`));
  assert.deepEqual(out.text.split('\n'), ARTICLE);
});

test('when chrome rules would leave nothing, the text is kept anyway', () => {
  const out = extractMainText(page(`<div class="sidebar-layout"><div class="widget">${paras}</div></div>`));
  assertArticle(out.text);
  const navOnly = extractMainText(page(`<nav>${paras}</nav>`));
  assertArticle(navOnly.text);
});

test('empty and text-free pages give empty text', () => {
  assert.deepEqual(extractMainText(''), { text: '' });
  assert.equal(extractMainText(page('<script>x()</script><img src="a.png">')).text, '');
  assert.equal(extractMainText('<html><head><title>  Only   a title </title></head></html>').title, 'Only a title');
});

test('broken HTML: unclosed tags, stray closers, no body, junk', () => {
  const html = `<html><head><title>Broken</title><div class=nav><a href=/>Home</a></div><h1>Broken<p>${ARTICLE[0]}<p>${ARTICLE[1]}</div></span></b><p>${ARTICLE[2]}<table><tr><td>never closed`;
  assertArticle(extractMainText(html).text);
  assert.equal(typeof extractMainText('<<<>>><!-- unterminated comment <p>x').text, 'string');
  assert.equal(typeof extractMainText('</p></div></html>text<').text, 'string');
});

test('10,000-deep nesting completes and keeps the text', () => {
  const depth = 10_000;
  const nested = `${'<div>'.repeat(depth)}${paras}${'</div>'.repeat(depth)}`;
  assert.deepEqual(extractMainText(page(nested)).text.split('\n'), ARTICLE);
  const unclosed = `${'<div><span><b>'.repeat(depth)}${paras}`;
  assertArticle(extractMainText(page(unclosed)).text);
});

test('a huge page (about 8 MB) is extracted whole', () => {
  const n = 30_000;
  const body = Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: ${ARTICLE[i % 3]}</p>`).join('');
  const text = extractMainText(page(`<article>${body}</article>`)).text;
  const out = text.split('\n');
  assert.equal(out.length, n);
  assert.equal(out[n - 1], `Paragraph ${n - 1}: ${ARTICLE[(n - 1) % 3]}`);
});

test('a page hidden until a script shows it, or served in noscript, is recovered', () => {
  assertArticle(extractMainText(page(`<div style="visibility:hidden">${paras}</div>`)).text);
  assertArticle(extractMainText(page(`<div id="app"></div><noscript><div class="topic">${paras}</div></noscript>`)).text);
  const out = extractMainText(page(`<article>${paras}</article><noscript><p>Please enable JavaScript to use every feature of this website today.</p></noscript>`));
  assert.deepEqual(out.text.split('\n'), ARTICLE);
});

test('the article body wins over a wrapper class that reads like chrome', () => {
  const out = extractMainText(page(`<div class="under-menu"><div class="article-content">${paras}</div></div><div class="menu"><p>Shop all our keyboards and typewriters in one place.</p></div>`));
  assert.deepEqual(out.text.split('\n'), ARTICLE);
});

test('a wrapper naming the sidebar with the content or the layout is not a sidebar', () => {
  for (const cls of ['content-sidebar-wrap', 'layout-docs layout-docs--sidebar']) {
    const out = extractMainText(page(`<div class="${cls}"><div class="hentry">${paras}</div><div class="sidebar"><p>About this site: a blog about harbors, boats and the people who build them.</p></div></div>`));
    assert.deepEqual(out.text.split('\n'), ARTICLE, cls);
  }
});

test('a short line holding © or a legal phrase is boilerplate wherever it sits', () => {
  for (const notice of ['© 2012 Harbor Press', 'Text and photos ©Harbor Press', 'Copyright 2012 Harbor Press', 'Tous droits réservés.']) {
    assert.deepEqual(lines(page(`<div>${paras}<p>${notice}</p></div>`)), ARTICLE, notice);
  }
  assert.equal(isBoilerplateLine('© Harbor Press'), true);
  assert.equal(isBoilerplateLine('The harbor press'), false);
  // "(c)" written for "©" at the start of a line; not a vitamin's dose.
  assert.equal(isBoilerplateLine('(c) 2012 The Harbor Blog | powered by WordPress'), true);
  assert.equal(isBoilerplateLine('Vitamin (C) 2000 mg'), false);
});

test('classVerdict judges each class and id name, split on any whitespace, in any case', () => {
  const cases: [Record<string, string>, -1 | 0 | 1 | 2][] = [
    [{}, 0],
    [{ role: 'main' }, 1],
    [{ role: 'main', id: 'x' }, 0],
    [{ role: 'Navigation', class: 'article-content' }, -1],
    [{ class: 'Sidebar' }, -1],
    [{ id: 'commentlist' }, -1],
    [{ class: 'commentary' }, 0],
    [{ class: 'RichText' }, 2],
    [{ class: 'post' }, 1],
    [{ class: 'x\u3000menu' }, -1],
    [{ class: 'x\ufeffpost', id: 'y' }, 1],
    [{ class: 'post\tmenu' }, 0],
    [{ class: 'read-more' }, -1],
    [{ id: 'more-on-lists' }, 0],
    [{ class: 'has-sidebar' }, 0],
    [{ class: 'wp-about-author-text' }, -1],
    [{ class: 'wp-block-post-author' }, -1],
    [{ class: 'wp-caption alignnone' }, 0],
    [{ class: 'wp-custom-logo' }, 0],
    [{ class: 'elementor-widget-text-editor' }, 1],
    [{ class: 'elementor-widget-author-box' }, -1],
    [{ class: 'content-sidebar-wrap' }, 0],
    [{ class: 'article-template under-menu' }, 0],
    [{ class: 'hentry', id: 'post-1234' }, 1],
    [{ class: 'menu-item', id: 'entry-content' }, 2],
  ];
  for (const [attribs, verdict] of cases) assert.equal(classVerdict(attribs), verdict, JSON.stringify(attribs));
});

test("HubSpot's hs_cos_wrapper_widget is a layout wrapper, not a chrome widget", () => {
  const blocks = parseBlocks(page(`<div class="hs_cos_wrapper hs_cos_wrapper_widget">${paras}</div><div class="widget"><p>Short promo.</p></div>`)).blocks;
  assert.deepEqual(blocks.map((b) => b.chrome), [0, 0, 0, 1]);
});

test('a list of linked titles introduced by a colon inside the text is kept; other link lists are not', () => {
  const titles = ['The harbor museum guide', 'Boat builders of the north', 'A history of the quay'];
  const list = `<ul>${titles.map((t) => `<li><a href="/${t.length}">${t}</a></li>`).join('')}</ul>`;
  const body = (intro: string): string => page(`<article><p>${ARTICLE[0]}</p><p>${intro}</p>${list}<p>${ARTICLE[1]}</p><p>${ARTICLE[2]}</p></article>`);
  const withColon = lines(body('To read more about the harbor, start with these books:'));
  for (const t of titles) assert.ok(withColon.includes(`- ${t}`), withColon.join('\n'));
  const without = lines(body('The town library keeps a shelf of books about the harbor.'));
  for (const t of titles) assert.ok(!without.includes(`- ${t}`), without.join('\n'));
});

test('a grid of product cards wins over a paragraph of shop promises beside it', () => {
  const cards = Array.from({ length: 40 }, (_, i) => `<div class="card"><h3>Steel water bottle, model ${i}</h3><div>$${10 + i}.95</div><div>Capacity: ${i + 1} l</div><div>Lid: screw cap</div></div>`).join('');
  const promo =
    '<div class="about"><p>We have shared our passion for the outdoors since 1938, and every member gets great offers, special prices on events and a yearly reward.</p><p>Outdoor equity, climate action and the places we love: raise your voice in the movement to protect and share life outdoors.</p><p>Every order over fifty dollars ships free, and returns are free within a year of the purchase, no questions asked.</p><p>Our staff test the gear they sell on real trips, so ask them anything before you buy.</p></div>';
  const got = lines(page(`${promo}<div class="grid">${cards}</div>`));
  for (let i = 0; i < 40; i++) assert.ok(got.includes(`Steel water bottle, model ${i}`) && got.includes(`$${10 + i}.95`), got.join('\n'));
});

test('a landing page keeps its sibling sections; an article keeps out the sections beside it', () => {
  const partners = Array.from({ length: 8 }, (_, i) => `<a href="/partner/${i}">Partner boatyard number ${i}</a>`).join(' ');
  const features = `<section class="features"><h2>Why sailors choose us</h2><p>Moorings are cleaned every spring and the harbor master answers the phone at night.</p></section><section class="partners"><p>${partners}</p></section>`;
  const landing = lines(page(`<section class="hero"><h1>Moorings for every boat</h1></section><section class="story">${paras}${paras}</section>${features}`));
  assert.ok(landing.includes('Why sailors choose us') && landing.includes(ARTICLE[2] as string), landing.join('\n'));
  // The article's own length, not its lines counted twice (a repeated line counts once).
  const more = 'The museum opens at ten every morning, and the boat school shows its work to visitors on the first Sunday of each month.';
  const article = lines(page(`<section class="story"><article>${paras}<p>${more}</p></article></section>${features}`));
  assert.deepEqual(article, [...ARTICLE, more]);
});

test("a landing page's bands between kept sections are written, though they are divs, not sections", () => {
  // Cut down from a service page of the WCXB dev tuning half (0694): headline and feature bands in
  // plain divs between the hero and the FAQ sections, with a grid of linked cards in between. A rule
  // of their own (keepBandsBetweenSections) first kept them; since the cards' pitches score as prose
  // the other rules keep them, that rule moved no tuning page of any set and was removed
  // (nineteenth round): this test holds the outcome.
  const faq = [
    ['How effective is email marketing?', 'Email marketing can be a powerful part of any company’s marketing strategy. It helps you build relationships with your audience while also driving traffic to your blog, social media, or anywhere else you’d like folks to visit.'],
    ['How to start email marketing', 'Email marketing can serve as a cornerstone of any company’s digital marketing strategy. Start by choosing a platform, then build an audience and segment it into groups that share interests.'],
    ['What is email marketing?', 'Email marketing is a marketing tactic where companies communicate commercial messages to an audience through email, to promote products, share news or nurture leads.'],
  ]
    .map(([q, a]) => `<li class="p23AccordionItem"><h3>${q}</h3><div class="p23AccordionItem__description"><p>${a}</p></div></li>`)
    .join('');
  const card = ([name, what]: readonly string[]): string => `<li><a href="/features/"><h3>${name}</h3><p>${what}</p></a></li>`;
  const tools = [['Design & Templates', 'Get inspiration from our drag-and-drop email templates or code your own.'], ['Segmentation', 'Use our targeting tools to boost customer engagement and loyalty.'], ['Automations', 'Drive more site traffic and sales with email automations.'], ['Analytics & AI', 'Get the insights you need to create content that performs.']];
  const apps = [['Canva', 'Create compelling visuals for your marketing.'], ['Instagram', 'Promote and share your Instagram posts in email campaigns.'], ['Shopify', 'Sync Shopify customers, products, and purchase data to Mailchimp.'], ['Google Analytics', 'Unlock powerful insights with campaign, website, or landing page data.'], ['WooCommerce', 'Power your ecommerce store with smart marketing features.'], ['QuickBooks Online', 'Bring together your marketing tools and invoice data.']];
  const headline = 'Keep your customers engaged and your business growing';
  const feature = 'Boost customer engagement and loyalty by focusing on the right people with our segmentation tools.';
  const got = lines(
    page(`<div class="page">
<section class="p23hero module"><div class="p23hero__content"><p>Email Marketing Tools</p><p>Win customers with the number one email marketing and automations platform.</p><p>Grow your revenue with targeted and engaging emails that get more customers to buy again and again.</p></div></section>
<section class="p23HorizontalGrid module"><ul>${tools.map(card).join('')}</ul></section>
<div class="p23Headliner module"><h2>${headline}</h2><p>Learn how to drive more site traffic and sales from a marketing platform that sends half a billion emails every day.</p></div>
<div class="p23StackingHighlightModule module"><h2>Send more relevant emails, earn more revenue</h2><p>${feature}</p><div><a href="/automations">Start automating</a></div></div>
<section class="p23GridFarm module"><h2>Bring in more data, drive more growth with our integrations</h2><ul class="p23GridFarm__grid">${apps.map(card).join('')}</ul></section>
<section class="p23Accordion module"><div class="module--content"><h2>FAQs</h2><ul class="p23Accordion__list">${faq}</ul></div></section>
</div>`),
  );
  assert.ok(got.includes(headline) && got.includes(feature) && got.includes('What is email marketing?'), got.join('\n'));
  // The linked cards' pitches are sentences, scored as prose (the gold keeps them); a lone link is not.
  assert.ok(got.includes('Create compelling visuals for your marketing.') && !got.includes('Start automating'), got.join('\n'));
});

test("a listing's repeated <article>s: each one's <header> is its title, not chrome; a lone article's header stays out", () => {
  // Cut down from a news front of the WCXB dev tuning half (3030): six stories, each title a link
  // in the article's own <header>.
  const stories = [
    ['Linux 7.0 Adds A New Minor Performance Optimization Shown With AMD Zen 2 CPUs', 'The Linux event poll "epoll" code for efficient I/O multiplexing and monitoring of file descriptors has a new optimization merged today.'],
    ['Budgie 10.10.2 Brings Improved Labwc Wayland Compositor Integration', 'Out today is Budgie 10.10.2 as the latest minor update to this open-source desktop environment that began as part of the Solus Linux project.'],
    ['AMD GAIA 0.16 Introduces C++17 Agent Framework For Building AI PC Agents In Pure C++', "AMD's GAIA open-source framework for building AI agents that run locally on Ryzen AI PCs is out with a new release."],
    ['FreeBSD 15.1 On Track With Better Realtek WiFi & KDE Desktop Install Option', 'The FreeBSD 15.1 release is on track for June and should ship with improved Realtek WiFi support and a KDE desktop option in its installer.'],
    ["New Maui.Gtk Project Provides A GTK4 Backend For Microsoft's .NET MAUI", 'A new open-source project provides a GTK4 back-end for .NET MAUI, the cross-platform framework for building native apps.'],
    ['Wine 11.4 Released With More Improvements', 'Wine 11.4 is out as the newest bi-weekly development release of this open-source software for running Windows games and applications on Linux.'],
  ];
  const story = ([title, excerpt]: readonly string[], i: number): string =>
    `<article style="clear: both;"><header><a href="/news/${i}">${title}</a></header><div class="details">7 March - <a href="/linux/Desktop">Desktop</a><span class="comments"> - <a href="/forums/${i}">${i + 2} Comments</a></span></div><p>${excerpt}</p></article>`;
  const got = lines(page(`<div class="content">${stories.map(story).join('')}</div>`));
  for (const [title, excerpt] of stories) assert.ok(got.includes(title as string) && got.includes(excerpt as string), got.join('\n'));
  const lone = lines(page(`<article><header><h1>The Harbor</h1><p>Posted on a windy day by the harbor master</p></header>${paras}</article>`));
  assert.ok(!lone.includes('Posted on a windy day by the harbor master'), lone.join('\n'));
});

test('the other answers of a thread are kept when the best block is the body of one answer', () => {
  const answer = (cls: string, text: string): string => `<div class="${cls}"><div class="layout"><div class="votes">12</div><div class="body"><p>${text}</p></div></div></div>`;
  const sort = Array.from({ length: 6 }, (_, i) => `<a href="/sort/${i}">Sort the answers by option ${i}</a>`).join(' ');
  const thread = [answer('answer accepted', ARTICLE[0] as string), answer('answer', ARTICLE.join(' '))].join('');
  const got = lines(page(`<div class="answers"><div class="bar">${sort}</div>${thread}</div>`));
  assert.ok(got.includes(ARTICLE[0] as string) && got.includes(ARTICLE.join(' ')), got.join('\n'));
});

test('a listing of linked items falls back to the page text outside structural chrome', () => {
  const items = Array.from({ length: 12 }, (_, i) => `<tr><td><a href="/item/${i}">Startup number ${i} is hiring engineers</a></td><td><a href="/from/${i}">site${i}.com</a></td></tr>`).join('');
  const out = extractMainText(page(`<nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav><table>${items}</table><footer>Legal notes</footer>`));
  const got = out.text.split('\n');
  assert.equal(got.length, 12);
  assert.equal(got[0], 'Startup number 0 is hiring engineers | site0.com');
  assert.ok(!out.text.includes('Legal notes') && !out.text.includes('Home'));
});

test('boilerplate lines in other languages are dropped: share, like, related posts, pingbacks, closed comments, comment-form notes, legal', () => {
  const noise = [
    'Teilen Sie dies mit:',
    'Gefällt mir:',
    'Ähnliche Beiträge',
    'Articles similaires',
    'Artículos relacionados',
    'Kommentare sind geschlossen.',
    'Les commentaires sont fermés.',
    'I commenti sono chiusi.',
    'Pingback: Ein anderer Blog über den Hafen',
    'Impressum',
    'Wszelkie prawa zastrzeżone',
    'Похожие записи',
    '相关文章',
    'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert',
    'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *',
    'Ваш адрес email не будет опубликован. Обязательные поля помечены *',
    'Click to expand...',
    'Be the first to like this.',
    'Sponsored Links',
  ];
  const out = extractMainText(page(`<article>${paras}${noise.map((n) => `<p>${n}</p>`).join('')}</article>`));
  assert.deepEqual(out.text.split('\n'), ARTICLE);
});

test("a line that is only a date is a post's metadata: dropped, in the languages of the boilerplate lines", () => {
  // The first three are date lines of dev pages (WCXB 1674, Dragnet R568, CleanEval final 392), the others alike in other languages.
  const dates = ['Oct 28, 2023', 'Sunday, November 04, 2012', '26 January, 2005', 'Posted on March 3, 2011 at 5:30 pm', 'Montag, 4. November 2012', '4 de noviembre de 2012', '12 ottobre 2020', '12 października 2020', '4 ноября 2012 г.', '2012年11月4日', '04.11.2012 um 10:15'];
  const out = extractMainText(page(`<article>${dates.map((d) => `<p>${d}</p>`).join('')}${paras}</article>`));
  assert.deepEqual(out.text.split('\n'), ARTICLE);
  // A sentence that starts with a date is text.
  assert.ok(extractMainText(page(`<article>${paras}<p>May 2013 was great</p></article>`)).text.endsWith('May 2013 was great'));
});

test("a blog CMS's lines around a post are dropped, in the languages of the boilerplate lines: comment headings and form prompts, like and share prompts, ratings, post navigation, credits, ad labels", () => {
  const noise = [
    '2 Antworten auf „Der Hafen“',
    'One thought on “The Harbor”',
    'Hinterlasse einen Kommentar',
    'Antworten abbrechen',
    'Erforderliche Felder sind mit * markiert',
    'Diese Website verwendet Akismet, um Spam zu reduzieren.',
    'Gefällt mir Wird geladen …',
    'Diesen Beitrag teilen',
    'Klicke, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)',
    'Folge uns auf Instagram',
    'War dieser Artikel hilfreich?',
    'Durchschnittliche Bewertung 4.6 / 5. Anzahl Bewertungen: 12',
    'Nach oben',
    'Stolz präsentiert von WordPress',
    'Beitragsnavigation',
    '← Vorheriger Beitrag',
    'Article précédent',
    'Anzeige',
    'Publicidad',
    'Schlagwörter: Hafen, Boote, Werft',
    'Tags: harbor, boats',
    'Verschlagwortet mit Hafen, Boote',
  ];
  const out = extractMainText(page(`<article>${paras}${noise.map((n) => `<p>${n}</p>`).join('')}</article>`));
  assert.deepEqual(out.text.split('\n'), ARTICLE);
  // Alike lines that are a listing's data or a product's pitch are text.
  const kept = ['14 comments', 'Average rating: 4.9', 'Powered by AI', 'Previous posts in the series', 'Anzeigen sind teuer', 'Category: Drama Director: Michael Caton-Jones'];
  assert.deepEqual(lines(page(`<article>${paras}${kept.map((n) => `<p>${n}</p>`).join('')}</article>`)), [...ARTICLE, ...kept]);
});

test('a post\'s date line opening with "Veröffentlicht am", "Stand:", "Publié le" (and the like) is its metadata; a teaser heading in German, French, Spanish, Italian, Dutch or Portuguese ends the text', () => {
  const dates = ['Veröffentlicht am 12. September 2019 um 14:35 Uhr', 'Stand: 12.03.2019 14:35 Uhr', 'Publié le 4 novembre 2012 à 10h15', 'Pubblicato il 12 ottobre 2020 alle 10:15', 'Gepubliceerd op 12 mei 2020', '12.03.2019 - 14:35', '12. März 2019 | 14:35 Uhr'];
  assert.deepEqual(lines(page(`<article>${dates.map((d) => `<p>${d}</p>`).join('')}${paras}</article>`)), ARTICLE);
  for (const heading of ['Also in Travel News', 'Latest Sport News', 'More Business Stories', 'Weitere Nachrichten aus Hamburg', 'Mehr zum Thema', 'Das könnte Sie auch interessieren', 'Dies könnte dich auch interessieren', 'Neueste Kommentare', 'Sur le même sujet', 'Noticias relacionadas', 'Ti potrebbe interessare', 'Meest gelezen', 'Notícias relacionadas']) {
    const teasers = `<section><h2>${heading}</h2><p>Ein anderer Artikel über den Hafen, mit einem langen Anreißer, der wie Text aussieht.</p></section>`;
    assert.deepEqual(lines(page(`<article><div>${paras}</div>${teasers}</article>`)), ARTICLE, heading);
  }
});

test("an article's byline (By …, VON …, Par …) is not written; a sentence opening with the same word, a heading, and a reading list's authors are", () => {
  for (const byline of ['Von Max Mustermann', 'VON MIRJAM SWANSON', 'By Lim Cheng Soon, 08 June 2010', 'Par Jean Dupont | 12.03.2019', 'door Jan de Vries']) {
    assert.deepEqual(lines(page(`<article><h1>Der Hafen</h1><p>${byline}</p>${paras}</article>`)), ['Der Hafen', ...ARTICLE], byline);
  }
  const sentences = ['Von Anfang an war klar, dass der Hafen zu klein ist', 'Von Berlin, Hamburg und München aus fahren täglich Züge.', 'By the time we arrived, the quay was empty'];
  assert.deepEqual(lines(page(`<article>${paras}${sentences.map((t) => `<p>${t}</p>`).join('')}<h2>Von Kopf Bis Fuß</h2></article>`)), [...ARTICLE, ...sentences, 'Von Kopf Bis Fuß']);
  const books = ['Harbors of the North', 'The Quay', 'Boats and Builders'].flatMap((t, i) => [`<h3>${t}</h3>`, `<p>By Author Number${'ABC'[i]}</p>`]).join('');
  assert.ok(lines(page(`<article>${paras}${books}</article>`)).includes('By Author NumberC'));
});

test("a comment section after the text (Comments, 3 Kommentare, Commentaires (2)) is dropped from its heading to the end of its section", () => {
  for (const heading of ['Comments', '3 Kommentare', 'Commentaires (2)', 'Comentarios', 'Have your say', 'Ihre Meinung']) {
    const thread = `<section><h3>${heading}</h3><p>Ich war letzten Sommer dort, und die Cafés im alten Lagerhaus sind wirklich einen Besuch wert.</p></section>`;
    assert.deepEqual(lines(page(`<article><div>${paras}</div>${thread}</article>`)), ARTICLE, heading);
  }
});

test('a sentence between paragraphs whose links make up most of it (a long title linked) is text; a labelled teaser line of links and a run of linked headlines are not', () => {
  const linked = 'As noted in our story on the ruling, the patents include one for an "<a href="/p/1">Agile network protocol for secure communications with assured system availability</a>" and one for a "<a href="/p/2">System and method employing an agile network protocol</a>".';
  const teaser = '<p>Also read: <a href="/t/1">Ten harbors on the northern coast that are worth a long detour in any season</a></p>';
  const run = `<p>${['Harbor news one for the week', 'Boat builders meet in the old warehouse', 'The quay reopens after the storm repairs', 'Museum adds a new wing for the ferries'].map((t, i) => `<a href="/r/${i}">${t}</a>`).join(' ')}.</p>`;
  const [first, ...rest] = ARTICLE;
  const got = lines(page(`<article><p>${first}</p><p>${linked}</p>${teaser}${run}${rest.map((p) => `<p>${p}</p>`).join('')}</article>`));
  assert.deepEqual(got, [first, linked.replace(/<[^>]+>/g, ''), ...rest]);
});

test("a short post in an element named as content (div#post) is written without the sidebar and footer that the last fallback would take", () => {
  const post = '<div id="post"><h2>Kurz notiert</h2><p>Heute lagen alle Boote im Hafen, und die Möwen hatten die Kaimauer für sich.</p></div>';
  const sidebar = '<div class="sidebar"><div class="widget"><h3>Über diesen Blog</h3><p>Ein Blog über den alten Hafen, seine Boote und die Leute, die dort arbeiten.</p></div></div>';
  const footer = '<div id="footer"><p>Dieser Blog wird von einem Verein herausgegeben und ist mit keiner Reederei verbunden.</p></div>';
  const menu = `<div id="links"><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/archiv/${i}">Archiv des Hafenblogs, Monat ${i + 1}</a></li>`).join('')}</ul></div>`;
  assert.deepEqual(lines(page(`<div id="wrap">${post}</div>${menu}${sidebar}${footer}`)), ['Kurz notiert', 'Heute lagen alle Boote im Hafen, und die Möwen hatten die Kaimauer für sich.']);
});

test('a boilerplate heading is dropped even when linked (linked headings are otherwise kept as listing titles)', () => {
  const out = extractMainText(page(`<article>${paras}<h3><a href="/share">Like this:</a></h3><h3>Related Links</h3></article>`));
  assert.deepEqual(out.text.split('\n'), ARTICLE);
});

test("an FAQ accordion: the question in its toggle button and the hidden answer after it are the page's text", () => {
  const faq = (q: string, a: string, attrs = ''): string => `<div class="item"><button type="button"${attrs}><h5>${q}</h5></button><div class="hidden"><p>${a}</p></div></div>`;
  const got = lines(
    page(
      `<main>${paras}<section>${faq('How long does a mooring contract run?', 'Contracts run for one season, from April to October, and renew unless cancelled by the end of January.')}${faq(
        'Can I leave my boat in the water over winter?',
        'Yes: the northern quay stays calm through the winter months and is watched every night by the harbor master.',
      )}</section><div class="cart"><button type="button">Add to cart</button><div class="hidden"><p>Added to your cart! Complete the set with these matching designs from our shop.</p></div></div></main>`,
    ),
  );
  for (const l of ['How long does a mooring contract run?', 'Contracts run for one season, from April to October, and renew unless cancelled by the end of January.', 'Can I leave my boat in the water over winter?'])
    assert.ok(got.includes(l), got.join('\n'));
  // A plain button's hidden neighbour (a cart pop-up) stays hidden.
  assert.ok(!got.some((l) => l.startsWith('Added to your cart')), got.join('\n'));
  const expanded = lines(page(`<main>${paras}${faq('Where do I pay?', 'At the harbor office beside the museum, every weekday from nine to five.', ' aria-expanded="false"').replace(/<\/?h5>/g, '')}</main>`));
  assert.ok(expanded.includes('Where do I pay?') && expanded.includes('At the harbor office beside the museum, every weekday from nine to five.'), expanded.join('\n'));
});

test("an FAQ's question button that names its answer (aria-controls) opens it: the hidden answer with that id is the page's text, a shop's detail drawer is not", () => {
  const faq = (id: string, q: string, a: string): string =>
    `<div class="item"><div class="controls"><button type="button" aria-controls="${id}">${q}</button></div><div id="${id}" class="panel" style="display: none;"><p>${a}</p></div></div>`;
  const got = lines(
    page(
      `<main>${paras}<section>${faq('q1', 'How long does a mooring contract run?', 'Contracts run for one season, from April to October, and renew unless cancelled by the end of January.')}${faq(
        'q2',
        'Shipping and returns',
        'Orders ship within two days from our warehouse by the harbor, and returns are accepted for thirty days.',
      )}</section></main>`,
    ),
  );
  for (const l of ['How long does a mooring contract run?', 'Contracts run for one season, from April to October, and renew unless cancelled by the end of January.'])
    assert.ok(got.includes(l), got.join('\n'));
  assert.ok(!got.some((l) => l.startsWith('Orders ship') || l === 'Shipping and returns'), got.join('\n'));
});

test("an accordion whose toggle sits in its own element (<dt>, WAI-ARIA's <h3>): the hidden panel after that element is the page's text", () => {
  const item = (q: string, a: string): string => `<dt><button aria-expanded="false">${q}</button></dt><dd hidden><p>${a}</p></dd>`;
  const got = lines(
    page(
      `<main>${paras}<dl>${item('Moorings', 'Contracts run for one season, from April to October, and renew unless cancelled by the end of January.')}${item(
        'Winter berths',
        'The northern quay stays calm through the winter months and is watched every night by the harbor master.',
      )}</dl><div><div><button aria-expanded="false">Menu</button></div></div><div hidden><p>A menu panel two elements away from its toggle is not a panel of this accordion.</p></div></main>`,
    ),
  );
  for (const l of ['Moorings', 'Contracts run for one season, from April to October, and renew unless cancelled by the end of January.', 'Winter berths'])
    assert.ok(got.includes(l), got.join('\n'));
  assert.ok(!got.some((l) => l.startsWith('A menu panel')), got.join('\n'));
});

test('a dialog (role="dialog", aria-modal) is structural chrome: a consent banner never stands in for a listing of news cards', () => {
  const consent = `<div role="dialog" aria-label="Consent"><p>${'We and our partners store and access personal data, like browsing data or unique identifiers, on your device. '.repeat(6)}</p></div>`;
  const modal = `<div class="box" aria-modal="true"><p>${'Sign up for our letter and get the news of the harbor every Monday morning, with the tides of the week. '.repeat(3)}</p></div>`;
  const cards = Array.from({ length: 8 }, (_, i) => `<li><h2><a href="/n/${i}">Harbor story number ${i} about the boats</a></h2><p>The quay was busy again on day ${i}, with ${i + 2} new boats.</p></li>`).join('');
  const got = lines(page(`${consent}<ul>${cards}</ul>${modal}`));
  assert.ok(got.includes('Harbor story number 3 about the boats'), got.join('\n'));
  assert.ok(!got.some((l) => l.startsWith('We and our partners') || l.startsWith('Sign up')), got.join('\n'));
  const blocks = parseBlocks(page(`${consent}${modal}`)).blocks;
  assert.deepEqual(blocks.map((b) => b.chrome), [2, 2]);
});

test('a notice about the browser (best viewed with, enable JavaScript) is boilerplate however long', () => {
  const notice =
    'This page is best viewed in an up-to-date web browser with style sheets enabled. While you will be able to view the content of this page in your current browser, you will not be able to get the full visual experience. Please consider upgrading your browser software if you are able to do so.';
  const got = lines(page(`<div><p>${notice}</p></div><div><p>${ARTICLE[0]}</p><p>${ARTICLE[1]}</p></div>`));
  assert.deepEqual(got, ARTICLE.slice(0, 2));
});

test('a body named as content whose link lists sink its score is the pick, not its best paragraph', () => {
  const deals = (n: number): string => `<ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/d/${n}/${i}">Deal ${n}.${i}: a quay lantern for $${i + 10}</a></li>`).join('')}</ul>`;
  const got = lines(page(`<div class="article-text"><p>${ARTICLE[0]} ${ARTICLE[1]}</p>${deals(1)}<div><p>${ARTICLE[2]}</p>${deals(2)}</div>${deals(3)}</div><div><p>Short note on the side.</p></div>`));
  assert.deepEqual(got, [`${ARTICLE[0]} ${ARTICLE[1]}`, ARTICLE[2]]);
});

test("CKEditor's ck-widget wraps blocks of the text it edited, not a chrome widget", () => {
  const blocks = parseBlocks(page(`<article><div class="ck-widget ck-widget_selected row">${paras}</div><div class="widget"><p>Short promo.</p></div></article>`)).blocks;
  assert.deepEqual(blocks.map((b) => b.chrome), [0, 0, 0, 1]);
});

test('a short post in the element named as its body is kept, not traded for the many comments after it', () => {
  const comments = ARTICLE.concat(ARTICLE)
    .map((c, i) => `<li class="comment"><p class="says">Reader ${i} says:</p><p>${c}</p></li>`)
    .join('');
  const archive = Array.from({ length: 8 }, (_, i) => `<li><a href="/archive/${i}">Archive of harbor news, month ${i}</a></li>`).join('');
  const got = lines(
    page(
      `<div class="post"><h2>A new boat</h2><div class="entry-content"><p>The harbor has a new boat, born on the sixth.</p></div><ul>${archive}</ul></div><div id="comments"><ol>${comments}</ol></div>`,
    ),
  );
  assert.ok(got.includes('The harbor has a new boat, born on the sixth.'), got.join('\n'));
  assert.ok(!got.some((l) => l.includes(ARTICLE[0] as string) || l.startsWith('Reader')), got.join('\n'));
});

test("a carousel's cloned track of short slides is written once; labels that recur across a list are kept", () => {
  const slides = '<li><p>30+ million</p><p>app downloads across the harbor towns</p></li><li><p>2+ billion</p><p>tasks completed by the crews</p></li>';
  const got = lines(page(`<main><article>${paras}</article><ul class="ticker">${slides}${slides}${slides}</ul><ul><li><p>Quay lantern</p><p>In stock</p></li><li><p>Rope, 20 m</p><p>In stock</p></li></ul></main>`));
  assert.equal(got.filter((l) => l === '30+ million').length, 1, got.join('\n'));
  assert.equal(got.filter((l) => l === 'tasks completed by the crews').length, 1, got.join('\n'));
  assert.equal(got.filter((l) => l === 'In stock').length, 2, got.join('\n'));
});

test("a ticker's one short line cloned three times or more in a row is written once; twice is kept, and so are a table's repeated rows", () => {
  const ticker = '<p>Book your harbor tour now</p>'.repeat(6);
  const rows = '<tr><td>by Thread</td><td>by Date</td></tr>'.repeat(3);
  const got = lines(page(`<main><article>${paras}<div class="marquee">${ticker}</div><p>Dock fees</p><p>Dock fees</p><table>${rows}</table></article></main>`));
  assert.equal(got.filter((l) => l === 'Book your harbor tour now').length, 1, got.join('\n'));
  assert.equal(got.filter((l) => l === 'Dock fees').length, 2, got.join('\n'));
  assert.equal(got.filter((l) => l === 'by Thread | by Date').length, 3, got.join('\n'));
});

test("a post's reading time is its metadata: dropped, in the languages of the boilerplate lines; a sentence about reading is text", () => {
  const times = ['7 min read', '12 mins read', 'Reading time: 4 minutes', '5 Min. Lesezeit', 'Lesezeit: 3 Minuten', 'Lesedauer: 4 Minuten', 'Lecture 6 min', '4 min de lectura', 'Lettura di 5 minuti', '3 minuten leestijd'];
  const out = extractMainText(page(`<article>${times.map((t) => `<p>${t}</p>`).join('')}${paras}<p>I read 5 min every day.</p></article>`));
  assert.deepEqual(out.text.split('\n'), [...ARTICLE, 'I read 5 min every day.']);
});

test('a list of linked titles that a colon line introduces is kept at the end of the text too, unless the line announces teasers', () => {
  const links = (label: string): string => `<ul>${[1, 2, 3].map((i) => `<li><a href="/${label}/${i}">${label} lantern number ${i} for the quay</a></li>`).join('')}</ul>`;
  const got = lines(page(`<article>${paras}<p>Other deals:</p>${links('Deal')}<p>Related:</p>${links('Teaser')}</article>`));
  assert.deepEqual(got, [...ARTICLE, 'Other deals:', '- Deal lantern number 1 for the quay', '- Deal lantern number 2 for the quay', '- Deal lantern number 3 for the quay']);
});

test("a post's filing line (This entry was posted … and is filed under …, Posted in …) is boilerplate, also past 200 characters", () => {
  const filing = [
    'This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Harbor News, Boats, Town Life. You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.',
    'Posted in Harbor News | Tagged boats, quay | 3 Comments',
    'Dieser Eintrag wurde am 25. August 2012 veröffentlicht und ist unter Hafen abgelegt.',
  ];
  assert.ok((filing[0] as string).length > 200);
  const got = lines(page(`<article>${paras}${filing.map((f) => `<p>${f}</p>`).join('')}</article>`));
  assert.deepEqual(got, ARTICLE);
});

test("a news front: when the pick is a small part of <main>, main's linked headlines are written with it", () => {
  const cards = Array.from({ length: 20 }, (_, i) => `<div class="card"><h3><a href="/story/${i}">Harbor story number ${i}: the boats come home early</a></h3></div>`).join('');
  const got = lines(page(`<nav><a href="/">Home</a></nav><main><div class="cards">${cards}</div><section>${paras}</section></main>`));
  assert.ok(got.includes('Harbor story number 3: the boats come home early'), got.join('\n'));
  assert.ok(got.includes(ARTICLE[0] as string) && !got.includes('Home'), got.join('\n'));
});

test("an iframe left open inside a <noscript> (a tag manager's `<iframe … />`) does not swallow the page after it", () => {
  const got = lines(page(`<noscript><iframe src="https://tags.example/ns.html" height="0" width="0" /></noscript><article>${paras}</article>`));
  assert.deepEqual(got, ARTICLE);
});

test("a listing's grid of linked titles with their bylines outweighs a sidebar's few sentences", () => {
  // Each card: a linked title and two short lines; linked lines at full cost would sink the grid.
  const cards = Array.from(
    { length: 70 },
    (_, i) => `<li class="card"><h3><a href="/news/${i}">Harbor authority opens quay number ${i} early</a></h3><p>Written by Mara Lindqvist for the desk</p><p>Harbor News and Boats ${i}</p></li>`,
  ).join('');
  const side = `<div class="side"><div class="about"><p>${ARTICLE.join(' ')}</p><p>The quay lanterns were restored in 1988 by volunteers from the rowing club, who still light them on the first evening of every summer.</p></div></div>`;
  const got = lines(page(`<div class="layout"><div class="list"><h2>News</h2><ul class="cards">${cards}</ul></div>${side}</div>`));
  assert.ok(got.includes('Harbor authority opens quay number 7 early'), got.join('\n'));
  assert.ok(got.includes('Written by Mara Lindqvist for the desk'), got.join('\n'));
});

test("a grid's linked line repeated on several items (Apply now, View map) is each item's button, not its name, and is not written", () => {
  const cards = Array.from(
    { length: 8 },
    (_, i) => `<li class="job"><p><a href="/jobs/${i}">Harbor pilot number ${i}</a></p><p>Remote, four days a week</p><p><a href="/apply/${i}">Apply now</a></p></li>`,
  ).join('');
  const got = lines(page(`<main><h1>Harbor jobs</h1><ul class="jobs">${cards}</ul></main>`));
  assert.ok(got.includes('Harbor pilot number 5'), got.join('\n'));
  assert.ok(got.includes('Remote, four days a week'), got.join('\n'));
  assert.ok(!got.includes('Apply now'), got.join('\n'));
});

test('a capitalised word right after an end tag, glued to a lower-case one (a brand and a name in spans of their own), is a word of its own; a word split by markup is not', () => {
  const cards = Array.from({ length: 8 }, (_, i) => `<li><a href="/p/${i}"><span class="brand">Merrell</span><span class="title">Moab ${i} Mid Waterproof Hiking Boots</span></a><p>$${170 + i}.00, in stock at the harbor store</p></li>`).join('');
  const got = lines(page(`<main><ul class="grid">${cards}</ul><p>The <b>Harbor</b>side boots were <i>re</i>soled in <span>May</span>.</p></main>`));
  assert.ok(got.includes('- Merrell Moab 3 Mid Waterproof Hiking Boots'), got.join('\n'));
  assert.ok(got.includes('The Harborside boots were resoled in May.'), got.join('\n'));
});

test("an author box after the text (About the Author, Über den Autor, Об авторе) is dropped from its heading to the end of its section", () => {
  for (const heading of ['About the Author', 'About the Reviewer', 'Über den Autor', 'Об авторе']) {
    const bio = '<p>Mara Quay is the executive editor of the Harbor Gazette. She also writes for the Boat Builders Letter and the Town Review.</p>';
    const got = lines(page(`<main><article><h1>The Harbor</h1>${paras}<div class="panel"><h3>${heading}</h3>${bio}</div></article></main>`));
    assert.deepEqual(got, ['The Harbor', ...ARTICLE], heading);
  }
});

test("a newsletter's sign-up prompt and its form's replies are not written, in the languages of the boilerplate lines", () => {
  const prompts = [
    "Don't miss anything. Get all the latest posts delivered straight to your inbox. It's free!",
    'Great! Check your inbox and click the link to confirm your subscription.',
    'Error! Please enter a valid email address!',
    'Subscribe to the Harbor Gazette, a free weekly newsletter about the quay.',
    'Abonnieren Sie unseren Newsletter',
  ];
  const got = lines(page(`<article>${paras}${prompts.map((p) => `<p>${p}</p>`).join('')}<p>Readers wrote to the inbox of the harbor office for years, and the letters now fill a room of the museum.</p></article>`));
  assert.deepEqual(got, [...ARTICLE, 'Readers wrote to the inbox of the harbor office for years, and the letters now fill a room of the museum.']);
});

test("a layout utility class (Tailwind's w-full, a grid's col) shared by the main column and the sidebar column makes no posts of them", () => {
  const teasers = [1, 2, 3].map((i) => `<div><p>Teaser ${i}: the cheapest ferries of the coast run from the northern quay, and they fill up by noon.</p></div>`).join('');
  for (const cls of ['w-full', 'lg:w-[60%]', 'col']) {
    const got = lines(page(`<div class="flex"><div class="${cls} main-col"><div class="article-body"><h1>The Harbor</h1>${paras}</div></div><div class="${cls} side-col"><p>Popular posts</p>${teasers}</div></div>`));
    assert.deepEqual(got, ['The Harbor', ...ARTICLE], cls);
  }
  assert.deepEqual(lines(page(`<div class="answer"><div class="post-body">${paras}</div></div><div class="answer"><div class="post-body"><p>The second answer: the quay was rebuilt twice, once after the storm and once in 1971.</p></div></div>`)).length, 4);
});

test('an element named caption that holds paragraphs of prose (over 1,000 chars) is a text block, not chrome; a photo caption stays chrome', () => {
  const long = Array.from({ length: 10 }, (_, i) => `<p>Feature ${i}: the lantern's brass housing is cast in one piece, sealed against salt spray, and rated for gale winds on an open quay.</p>`).join('');
  const shipping = '<div class="shipping"><p>We ship every lantern from the harbor workshop within two days, packed in straw and a wooden crate, and we take back any lantern that arrives with a crack in its glass, at no cost to you.</p><p>Orders placed before noon leave the same day, and the carrier calls before it arrives at the door.</p></div>';
  const got = lines(page(`<div class="item"><h1>Quay lantern</h1><div class="item-caption">${long}</div></div>${shipping}`));
  assert.ok(got.includes("Feature 9: the lantern's brass housing is cast in one piece, sealed against salt spray, and rated for gale winds on an open quay."), got.join('\n'));
  const photo = '<div class="caption"><p>Fishermen watch the northern quay from the old warehouse, where the museum now keeps its boats, in the winter of 1954.</p></div>';
  const news = lines(page(`<article><h1>The Harbor</h1>${photo}${paras}</article>`));
  assert.deepEqual(news, ['The Harbor', ...ARTICLE]);
});
