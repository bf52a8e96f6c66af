// Boilerplate-line rules of the eleventh (x17r) and twelfth (x18n) rounds: each with a snippet cut
// down from a tuning-half page (the smallest markup that still shows the pattern, texts shortened,
// names kept).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';
import { DISCLAIMER_LINE, NEWSLETTER_LINE, classVerdict, isBoilerplateLine } from '../../ingest/html-rules.ts';

test("a post's question about copyright is its text; a copyright notice is not", () => {
  const html = `<!DOCTYPE html><html><head><title>AoAH Day 15</title></head><body><article>
    <h1>AoAH Day 15: Porting a complete HTML5 parser and browser test suite</h1>
    <p>After my success with Yaml 1.2 in pure OCaml, I found JustHTML, a new Python library for parsing HTML5 by Emil Stenström, and the agent ported it with its whole browser test suite.</p>
    <h2 id="reflections"><a class="anchor" aria-hidden="true" href="#reflections"></a>Reflections</h2>
    <p>I'll end by asking the same questions that Simon did:</p>
    <blockquote><p>I’ll end with some open questions:</p><ul>
    <li>Does this library represent a legal violation of copyright of either the Rust library or the Python one?</li>
    <li>Even if this is legal, is it ethical to build a library in this way?</li>
    <li>Can I even assert copyright over this, given how much of the work was produced by the LLM?</li>
    </ul></blockquote>
    <p>Copyright 2025 Anil Madhavapeddy</p><p>Image copyright Getty Images</p><p>Copyright notice: all material on this site is mine.</p></article></body></html>`;
  const lines = extractMainText(html).text.split('\n');
  for (const q of ['- Does this library represent a legal violation of copyright of either the Rust library or the Python one?', '- Can I even assert copyright over this, given how much of the work was produced by the LLM?'])
    assert.ok(lines.includes(q), `missing: ${q}\n--- got:\n${lines.join('\n')}`);
  for (const notice of ['Copyright 2025 Anil Madhavapeddy', 'Image copyright Getty Images', 'Copyright notice: all material on this site is mine.'])
    assert.ok(!lines.includes(notice), `kept: ${notice}\n--- got:\n${lines.join('\n')}`);
});

test('a copyright page named as a link in a footer is a notice; a policy named in prose is text', () => {
  // WCXB 4055's and CleanEval final 120's footer links, a forum's footer row (scrapinghub); WCXB
  // 2381's checklist item.
  for (const notice of ['PMC Copyright notice', 'Learn more: PMC Disclaimer | PMC Copyright Notice', 'BBC Copyright Notice', 'FOIA | Copyright Information | Accessibility'])
    assert.equal(isBoilerplateLine(notice), true, notice);
  for (const prose of ['An established copyright policy (e.g., CC BY for fully OA journals)', 'Check our copyright notice when copying.'])
    assert.equal(isBoilerplateLine(prose), false, prose);
});

/** Whole-line prompts of the twelfth round: each line of `boilerplate` is dropped, each of `prose` kept. */
/** Asserts that the text extracted from `html` has every line of `story` and none of `chrome`. */
function assertWritten(html: string, story: readonly string[], chrome: readonly string[]): void {
  const lines = extractMainText(html).text.split('\n');
  for (const p of story) assert.ok(lines.includes(p), `missing: ${p}\n--- got:\n${lines.join('\n')}`);
  for (const c of chrome) assert.ok(!lines.includes(c), `kept: ${c}\n--- got:\n${lines.join('\n')}`);
}

const LINE_CASES: readonly { rule: string; boilerplate: readonly string[]; prose: readonly string[] }[] = [
  {
    // scrapinghub 70cb2d5b's and CleanEval final 159's linked lines (tuning; sixteenth round, x23n):
    // a show's channels and a story's audio player, with their German and French wordings.
    rule: "a prompt to follow a site on two networks or more, and an audio player's label, are boilerplate; an author's one follow line and prose are not",
    boilerplate: [
      'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.',
      'Folge der Tagesschau auf Instagram und TikTok',
      'Listen to this story via streaming audio, a downloadable file, or get help.',
      'Artikel anhören',
      'Écouter cet article',
    ],
    prose: ['Follow Marcas on Twitter @MarcasG', 'Follow the river on foot to the old mill and the bridge.', 'Listen to the birds before the city wakes up.'],
  },
  {
    // L3S-GN1 a118b090: "Scroll down to read more:" and "Read more..." round an advertisement in the story.
    rule: 'a prompt to scroll down or read more, alone on its line, is boilerplate; a sentence that goes on is not',
    boilerplate: ['Scroll down to read more:', 'Read more...', 'Read More »'],
    prose: ['Read more about the survey in the report below.', 'Scroll down to read more of the stories sent in by readers, with their photographs.'],
  },
  {
    // L3S-GN1 91ddef71's and 14eeee86's tool bars; a sentence about reprints is text.
    rule: "a story's tool bar (reprints, single page, save, text size) is boilerplate line by line",
    boilerplate: ['Reprints', 'Single page', 'Save this article', 'Text size:', 'Text Size', 'Schriftgröße'],
    prose: ['Reprints of the 1911 edition sold out within a week.'],
  },
  {
    // CleanEval dev 19's post footers.
    rule: "a blog front page's links to the rest of a post and to its comments are boilerplate; a sentence about reading on is not",
    boilerplate: ['Continue reading "Advenures in Transit" | Posted by msshell at 12:40 PM', 'View/Add Comments (6) | Category: Back Home', 'Weiterlesen »'],
    prose: ['Continue reading at YCharts: Workday IPO Shares Quickly Double', 'Read comments on mobile Web'],
  },
  {
    // L3S-GN1 d552f187's and 3ecf8ed4's comment forms (tuning; fourteenth round, x20n), with the
    // WordPress notice and its German, French and Spanish wordings.
    rule: "a comment form's moderation notices are boilerplate; a sentence about moderation is not",
    boilerplate: [
      'Please click the post button only once - your comment will not be published immediately.',
      'Comments are moderated by our editors, so there may be a delay between submission and publication of your comment.',
      'Your comment is awaiting moderation.', 'Dein Kommentar wartet auf Freischaltung.', 'Kommentare werden moderiert.',
      'Votre commentaire est en attente de modération.', 'Tu comentario está esperando moderación.',
    ],
    prose: ['Most news sites say comments are moderated before they appear.', 'The study found that comments are moderated on most sites.'],
  },
  {
    // Dragnet R532's, R533's and R535's line under a post (thirteenth round, x19n).
    rule: 'a notice that the comments to this entry are closed is boilerplate; a story about closing comments is not',
    boilerplate: ['The comments to this entry are closed.', 'Comments on this post are now closed', 'Die Kommentarfunktion ist geschlossen.'],
    prose: ['The paper said comments on this story would stay open until the trial ends.'],
  },
  {
    // Dragnet R904's and R905's post footer, Dragnet 29's and 88's "Connect With Us on Twitter", WCXB 0107's line (x19n).
    rule: "the author's prompt to follow on a network, and \"connect with us\", are boilerplate; a sentence that follows someone is not",
    boilerplate: ['Follow me on Twitter. Subscribe to new posts via RSS or email.', 'Connect With Us on Twitter', 'Follow me on instagram: @talkinghomerenovations', 'Connect With Us', 'Folgen Sie mir auf Twitter'],
    prose: ['Follow me on this walk through the old town, past the harbour and up to the castle.', 'Connect with us at the conference in May to talk about the results.'],
  },
  {
    // Dragnet R348's, R844's, R850's and R851's last line (x19n).
    rule: "a story's print-edition note is boilerplate; a story about an article in print is not",
    boilerplate: ['A version of this article appeared in print on 11/08/2012, on page B9 of the NewYork edition with the headline: Loading Photos From Camera to iPad.', 'Dieser Artikel erschien zuerst in der Printausgabe vom 12. März 2019.'],
    prose: ['A version of the report that appeared in print last week left out the figures.'],
  },
  {
    // L3S-GN1 d552f187's and 91ddef71's comment forms, CleanEval final 104's, 160's and 760's (x19n).
    rule: "a comment form's field labels are boilerplate; a sentence naming a name or an address is not",
    boilerplate: ['Your name: *', "Your email address: * (We won't publish this.)", 'Message (optional)', 'Email: (optional)', 'Your Name :', 'Your E-mail:', 'Ihre E-Mail-Adresse *'],
    prose: ['Your name will appear beside your comment.', 'Name', 'Email: press@example.org'],
  },
  {
    // Dragnet 135's, 452's and R723's search box label (x19n).
    rule: "a search box's label alone is boilerplate; a sentence about searching is not",
    boilerplate: ['Search', 'Search »', 'Suche'],
    prose: ['Search engines index the page within a day.', 'Search and rescue teams reached the village on Monday.'],
  },
  {
    // L3S-GN1 11bb473f's wire credit and Dragnet T97's sponsor line (x19n).
    rule: "a sponsor's or a wire service's credit of a few words is boilerplate; a sentence crediting a sponsor is not",
    boilerplate: ['Brought to you by NZPA', 'Brought to you by MTBR Reviews', 'Präsentiert von Stadtwerke München'],
    prose: ['This episode is brought to you by Squarespace.', 'Brought to you by the people who made the harbour what it is today'],
  },
  {
    // WCXB 0527's poster box (thirteenth round, x19q; the page's test is in forum-rules.test.ts).
    rule: "a forum poster's join date and post count are boilerplate line by line; a sentence about joining or posts is not",
    boilerplate: ['Join Date: Aug 2008', 'Joined: Jun 26, 2004', 'Posts: 1,077', 'Registriert seit: 12.03.2009', 'Beiträge: 512'],
    prose: ['Joined: the two clubs merged in 1998 after a decade of talks.', 'Posts: the fence needs eight of them, set in concrete.', 'Join date and venue to be announced'],
  },
  {
    // WCXB 0513's reactions and opening poster's badge, 0504's like counts (sixteenth round, x23f;
    // the page's test is in forum-rules.test.ts).
    rule: "a forum post's reaction summary, like count and opening poster's badge are boilerplate; sentences about reactions or likes are not",
    boilerplate: ['Reactions: unixfool', 'Reactions: felixen, Bob and 3 others', '1 Like', '7 Likes', 'Original poster', 'Reaktionen: Bernd'],
    prose: ['Reactions: leaders around the world condemned the attack.', 'She likes 7 of them', 'The original poster asked about RAID, not backups.', '7 Likes and a Dislike is the name of the band'],
  },
  {
    // WCXB 4760's skip link (seventeenth round, x24p): "Skip To Main" as well as "Skip to content".
    rule: 'a skip link is boilerplate whichever target it names; a sentence that skips to a street or a point is not',
    boilerplate: ['Skip To Main', 'Skip to main content', 'Skip to content', 'Skip to navigation'],
    prose: ['Skip to Main Street and turn left at the bakery.', 'Skip to the main point: the harbour closes in May.'],
  },
  {
    // WCXB 0513's and 0522's attachment placeholders (XenForo; seventeenth round, x24p).
    rule: "a forum's attachment placeholder is boilerplate, alone or several run together; a sentence pointing to an attachment is not",
    boilerplate: ['View attachment 441678', 'View attachment 2029141View attachment 2029140'],
    prose: ['View attachment 3 to see the wiring diagram.'],
  },
];

for (const c of LINE_CASES) {
  test(c.rule, () => {
    for (const line of c.boilerplate) assert.equal(isBoilerplateLine(line), true, line);
    for (const line of c.prose) assert.equal(isBoilerplateLine(line), false, line);
  });
}

test("a prompt to subscribe to the site's newsletter inside a line is a sign-up prompt; a story about a newsletter is not", () => {
  // Dragnet R972: the prompt under a mom blog's posts.
  assert.ok(NEWSLETTER_LINE.test("Don't miss a post! Subscribe to our newsletter and get weekly"));
  assert.ok(!NEWSLETTER_LINE.test('The agency said readers who subscribe to newsletters are more loyal.'));
  // WCXB 4472 (tuning): the prompt after a short question, twice in a shopping guide.
  assert.ok(NEWSLETTER_LINE.test('Want more from NBC Select? Sign up for our newsletter, The Selection, and shop smarter.'));
  assert.ok(!NEWSLETTER_LINE.test('Why did the readers leave? Most of them said the paper had stopped covering local news.'));
});

test("a form plugin's labels for its hidden fields are boilerplate", () => {
  // WCXB 0362's ebook form (Gravity Forms).
  for (const line of ['This field is for validation purposes and should be left unchanged.', 'This field is hidden when viewing the form'])
    assert.equal(isBoilerplateLine(line), true, line);
  assert.equal(isBoilerplateLine('This field is required.'), false);
});

test('a prompt to share the story that goes on after its words is boilerplate', () => {
  // L3S-GN1 2fd3440e, 50f75f84, 6bfd738f: a bookmarking bar's label.
  assert.equal(isBoilerplateLine('Share this article What is this?'), true);
  assert.equal(isBoilerplateLine('Share this story on Facebook'), true);
  assert.equal(isBoilerplateLine('Sharing this article with her class, the teacher said, was the point.'), false);
});

test('a prompt to follow an account by its handle is boilerplate', () => {
  // Dragnet 192's and 480's lines.
  for (const line of ['Follow @nytimesworld for international breaking news and headlines.', 'Twitter: @nuttynomads', 'Folgen Sie @tagesschau'])
    assert.equal(isBoilerplateLine(line), true, line);
  assert.equal(isBoilerplateLine('Following the vote, @nytimesworld reported the results.'), false);
});

test("a slideshow's pager of bare numbers counting up is not written; numbers among the text are", () => {
  // Dragnet R564 (tuning): a news gallery's unlinked slide counter between the story's paragraphs.
  const pager = Array.from({ length: 6 }, (_, i) => `<div class="cnnArticleGalleryNav"><div>${i + 1}</div></div>`).join('');
  const html = `<html><body><div class="cnn_storyarea"><div class="cnn_strycntntlft">
    <h1>Obama's family, then and now</h1>
    <p>Captured four years apart, two key moments in the Obama family life show the president a little grayer and his daughters more mature.</p>
    <div class="cnnExplainer cnn_html_slideshow"><div><div class="articleGalleryNavContainer">${pager}</div></div></div>
    <p>These photos, taken on election night in Chicago, allow a comparison that other pictures of the family do not, the photo editor said.</p>
    <ol><li>3</li><li>Stir the flour into the butter.</li><li>4</li></ol></div></div></body></html>`;
  const lines = extractMainText(html).text.split('\n');
  for (const n of ['1', '2', '3', '4', '5', '6']) assert.ok(!lines.includes(n), `kept: ${n}\n--- got:\n${lines.join('\n')}`);
  for (const kept of ['- 3', '- Stir the flour into the butter.', '- 4']) assert.ok(lines.includes(kept), `missing: ${kept}\n--- got:\n${lines.join('\n')}`);
});

test('share bars and author boxes named in German or French are chrome, as their English names are', () => {
  // L3S-GN1 64cc1937 (tuning): the story's paragraphs, with a share bar and an author box after
  // them named as English, German and French sites name them. The tuning sets hold no German page:
  // the English names are the evidence.
  const story = `<p>Joan Rivers made nominations day easy for the Big Brother Celebrity Hijack contestants last night when she decided who would face the public vote.</p>
    <p>Sitting in the Big Brother chair, the American comedian announced she would relieve housemates of the nomination task, and then chose Emilia Arata, Jeremy Metcalfe and Liam Young to join Victor Arata.</p>
    <p>"I gotta tell you who I picked," announced Rivers as the housemates sat on the sofas. "It's not easy - it took me a good seven minutes."</p>`;
  for (const [share, author] of [['share-bar', 'author-box'], ['artikel-teilen', 'autor-box'], ['partage', 'auteur']]) {
    const html = `<html><body><div id="main-article">${story}
      <div class="${share}"><p>Tell your friends about this story, or send it by e-mail to a colleague.</p></div>
      <div class="${author}"><p>Veronica Schmidt writes about television for The Times, and has covered every series of the show.</p></div></div></body></html>`;
    const text = extractMainText(html).text;
    assert.ok(text.includes('Joan Rivers made nominations'), `${share}: lost the story\n${text}`);
    assert.ok(!text.includes('Tell your friends') && !text.includes('Veronica Schmidt writes'), `${share} / ${author}: kept\n${text}`);
  }
  assert.equal(classVerdict({ class: 'kommentar' }), 0, 'a German opinion column is no chrome');
});

test("a login wall's prompts after a story are not written; a story's own sentence about remembering is", () => {
  // Cut from L3S-GN1 fb5075ce (tuning): the story's paragraphs, then the site's registration box
  // (its table cells: the prompt, the login box's heading, the form's note).
  const story = [
    'Kentucky offensive coordinator Joker Phillips will eventually become the Wildcats head coach following Rich Brooks retirement.',
    '"Continuity and consistency will be a competitive advantage for UK going forward," Kentucky athletics director Mitch Barnhart said.',
    'Brooks is 25-35 in five seasons with the Wildcats and 116-144-4 in 23 seasons overall at the college level.',
  ];
  const html = `<html><body><p>${story.join('<br><br>')}</p>
    <div id="threshold_register"><table><tr><td class="nyTextLarge">Please create an account or login to read this story</td></tr>
    <tr><td><table><tr><td colspan="2" class="nyTableHeaderA">ALREADY A MEMBER? LOGIN NOW.</td></tr>
    <tr><td align="right" valign="top"><input type="checkbox" checked name="usecookie" value="1"></td><td>Remember my member ID and password on this computer.</td></tr></table></td></tr></table></div></body></html>`;
  assertWritten(html, story, ['Please create an account or login to read this story', 'ALREADY A MEMBER? LOGIN NOW.', 'Remember my member ID and password on this computer.']);
  for (const l of ['Remember Me?', 'Forgot your password?', 'Bereits registriert? Jetzt einloggen', 'Passwort vergessen?', 'Déjà membre ? Connectez-vous']) assert.ok(isBoilerplateLine(l), l);
  assert.ok(!isBoilerplateLine('I would like you to remember me as the person who gave you one last knock.'));
});

test("a comment form's length limit and required-field key, and a text-size tool's label, are not written", () => {
  // Cut from L3S-GN1 3ecf8ed4 (tuning): the story's paragraphs, then the comment form's box, and
  // from 1c6b1aa1 (tuning): the text-size tool's label in the story's tool bar.
  const story = [
    'The arrest comes at the end of a troublesome year for Barton which has seen three of her friends arrested and jailed, albeit briefly, for similar offences.',
    'The English-born actress made her movie debut in the 1997 Sundance Film Festival favorite Lawn Dogs and appeared in The Sixth Sense and Notting Hill.',
    'She attended the world premiere in Belfast before flying to Dublin to chat with Pat Kenny, and was later seen at a nightclub on Harcourt Street.',
  ];
  const html = `<html><body><div class="article"><div class="fontsize_label">Font:</div>${story.map((p) => `<p>${p}</p>`).join('')}</div>
    <div id="postComment" class="boxArticle"><h2>Post a comment</h2><p class="limit-info">Limit: 1000 characters</p>
    <form method="post"><textarea name="body"></textarea><p>* Required field</p></form></div></body></html>`;
  assertWritten(html, story, ['Font:', 'Limit: 1000 characters', '* Required field']);
  for (const l of ['500 characters remaining', '* Pflichtfelder', 'Schrift:']) assert.ok(isBoilerplateLine(l), l);
  for (const l of ['Required', 'Font: Arial, 12 pt']) assert.ok(!isBoilerplateLine(l), l);
});

test("an author box's role line is not written; a bare role that may be the text's own line is", () => {
  // Cut from WCXB 0133 (tuning): the author box after the story, its role line in a div of its
  // own beside the linked name (CSS-in-JS classes, no chrome name).
  const story = [
    'Online interior design services can help you pull together a room at a fraction of the cost of a traditional interior decorator.',
    'We tested eight services over three months, furnishing a living room and a bedroom with each, and here is how they rank.',
    'Havenly pairs you with a designer after a short style quiz, and its flat fee covers two concepts and a final shopping list.',
  ];
  const html = `<html><body><main>${story.map((p) => `<p>${p}</p>`).join('')}
    <section class="css-1k33gg5 e13lia4i20"><div class="css-gorqpr ev8dhu58"><span class="css-0 ev8dhu56"><a href="/author/2429/arricca-elin-sansone/"><span>Arricca Elin SanSone</span></a></span>
    <div class="css-bly8jh ev8dhu57">Contributing Writer</div></div></section></main></body></html>`;
  assertWritten(html, story, ['Contributing Writer']);
  for (const l of ['Staff writer', 'Contributor', 'Freier Autor', 'Gastautorin']) assert.ok(isBoilerplateLine(l), l);
  for (const l of ['Editor', 'The staff writer said the council would meet again.']) assert.ok(!isBoilerplateLine(l), l);
});

test("a paragraph opening with a disclaimer's label is not written; the word alone or inside a sentence is no label", () => {
  // Cut from WCXB 0085 (tuning, eighteenth round, x26a): the post's last paragraphs, its tags, then
  // the site's disclaimer in a paragraph of its own (utility classes, no chrome name).
  const story = [
    'Use gym equipment with confidence!',
    "Gym machines really aren’t as complicated as you think! Once you get started, you’ll realise they’re the opposite of scary - they can actually be fun. If you're new to working out in the gym or are looking for support, we encourage you to join the Sweat Community.",
    'Remember, the more you do something, the more comfortable and confident you’ll start to feel. If you’ve been thinking about trying gym machines, instead of thinking “one day…”, make today day one. You’ve got this!',
  ];
  const disclaimer =
    '* Disclaimer: This blog post is not intended to replace the advice of a medical professional. The above information should not be used to diagnose, treat, or prevent any disease or medical condition. Please consult your doctor before making any changes to your diet, sleep methods, daily activity, or fitness routine. Sweat assumes no responsibility for any personal injury or damage sustained by any recommendations, opinions, or advice given in this article.';
  const html = `<html><body><main><div class="max-w-[40.5rem]"><h2>${story[0]}</h2>${story.slice(1).map((p) => `<p>${p}</p>`).join('')}
    <div class="py-6 flex flex-row gap-2"><div class="py-0.5 px-2.5 text-sm">Weight Lifting</div><div class="py-0.5 px-2.5 text-sm">Smith Machine</div></div>
    <div class="py-8"><p class="text-xs text-gray-400 font-normal">${disclaimer}</p></div></div></main></body></html>`;
  assertWritten(html, story, [disclaimer]);
  for (const l of ['LEGAL DISCLAIMER:', 'Disclaimer: Boston.com does not share this information or keep it permanently.', 'Haftungsausschluss: Die Inhalte dieses Blogs wurden mit Sorgfalt erstellt.'])
    assert.ok(DISCLAIMER_LINE.test(l), l);
  for (const l of ['Disclaimer', 'The disclaimer: a short history of fine print.']) assert.ok(!DISCLAIMER_LINE.test(l), l);
});
