// Service-page rules of the tenth and twelfth rounds: each with a small hand-written page and a snippet cut down
// from a WCXB dev tuning-half service page (the smallest markup that still shows the pattern, texts
// shortened, names kept).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';

const page = (body: string): string => `<!DOCTYPE html><html><head><title>Service</title></head><body>${body}</body></html>`;
const intro = [
  'Our harbor keeps moorings for sailing boats and motor yachts from April to October, with water and power at every berth.',
  'Owners book a season at a time, and the harbor master looks after the boats every night while they are away.',
];

test("screen-reader text in a table cell (an icon's Yes or No) is the cell's value; elsewhere it stays hidden", () => {
  const icon = (word: string): string => `<td><i class="icon-${word === 'Yes' ? 'check' : 'cross'}" aria-hidden="true"></i><span class="sr-only">${word}</span></td>`;
  const got = extractMainText(
    page(`<main><h1>Moorings</h1>${intro.map((p) => `<p>${p}<span class="sr-only"> (opens in a new tab)</span></p>`).join('')}
      <table><tr><th></th><th>Season</th><th>Visitor</th></tr>
      <tr><th>Water and power at the berth</th>${icon('Yes')}${icon('No')}</tr>
      <tr><th>Winter storage on the quay</th>${icon('Yes')}${icon('No')}</tr>
      <tr><th>Night watch by the harbor master</th>${icon('Yes')}${icon('Yes')}</tr></table></main>`),
  ).text.split('\n');
  for (const row of ['Water and power at the berth | Yes | No', 'Winter storage on the quay | Yes | No', 'Night watch by the harbor master | Yes | Yes'])
    assert.ok(got.includes(row), `missing: ${row}\n--- got:\n${got.join('\n')}`);
  assert.ok(!got.some((l) => l.includes('opens in a new tab')), got.join('\n'));
});

test("a comparison table whose cells are check-mark icons with screen-reader words (a therapy service against in-office visits) is written with its words", () => {
  const rows = [
    ['Provided by a qualified therapist', 'All therapists have relevant experience and qualifications from their respective professional organizations', 'Yes', 'Yes'],
    ['In-office visits', "Commute to the therapist's location, spend time in the waiting room, sit in their office", 'No', 'Yes'],
    ['Messaging any time', 'Send and receive messages to your therapist, no scheduling required!', 'Yes', 'No'],
    ['Chat sessions', 'Real-time conversation over instant messaging', 'Yes', 'No'],
    ['Phone sessions', 'Talk with your therapist over the phone at a scheduled time', 'Yes', 'No'],
    ['Video sessions', 'Face-to-face session with your therapist over video at a scheduled time', 'Yes', 'No'],
  ];
  const cell = (word: string): string =>
    `<td class="table-comparison-icon"><i class="fa-regular fa-duotone fa-2xl fa-square-check tw-block" aria-hidden="true"></i><span class="sr-only">${word}</span></td>`;
  const html = page(`<div class="container"><section class="comparison-table">
    <h2 class="text-center"><span class="txt-emphasis">Better</span>Help vs. traditional in-office therapy</h2>
    <table class="table table-hover"><thead><tr><th class="first-column" scope="col"></th><th class="bh-logo-header" scope="col"><div class="bh-logo">BetterHelp</div></th><th class="last-column" scope="col"><h4>In-office</h4></th></tr></thead>
    <tbody>${rows
      .map(
        ([name, tip, a, b]) =>
          `<tr><th class="table-comparison-text" scope="row">${name}<span class="question-circle toggler-tooltip"><div class="sr-only">${tip}</div><span class="comparison_table_tooltip" tabindex="0"><i class="info-circle" aria-hidden="true"></i></span></span></th>${cell(a as string)}${cell(b as string)}</tr>`,
      )
      .join('')}</tbody></table></section></div>`);
  const text = extractMainText(html).text;
  for (const [name, tip, a, b] of rows) {
    const row = `${name} | ${tip} | ${a} | ${b}`;
    assert.ok(text.includes(row), `missing: ${row}\n--- got:\n${text}`);
  }
});

test("a header inside <main> heads part of the content (a platform's feature cards), not the page; the banner before <main> stays out", () => {
  const card = (title: string, pitch: string, href: string): string =>
    `<div class="grid-module__4pDFEa__block" data-grid-cell=""><div class="flex flex-col gap-4 bg-background-200"><header class="p-6 lg:p-11 lg:pb-0"><h3 class="text-heading-20 lg:text-heading-24 text-balance mb-1">${title}</h3><p class="text-copy-14 text-gray-900 text-pretty">${pitch}</p><a role="link" class="button-module__QyrFCa__base" href="${href}"><span class="button-module__QyrFCa__content"></span></a></header><div class="w-full grow h-28"><img alt="" src="x.png"></div></div></div>`;
  const html = page(`<header class="site-header"><a href="/">Vercel</a><p>Sign up for our newsletter today.</p></header>
    <main class="px-4"><div class="stack-module__UbbKhW__stack stack">
    <section class="hero"><h1>Build and deploy on the AI Cloud.</h1><p>Vercel provides the developer tools and cloud infrastructure to build, scale, and secure a faster, more personalized web.</p>
    <p>Get started using our pre-built templates. Easily stream long-running LLM responses for a better user experience with zero-config infrastructure that's always globally performant.</p>
    <p>Fast load times, zero overhead with Vercel's highly optimized infrastructure and CDN, reducing bounce rates and improving SEO. Streamline content creation &amp; publishing with built-in previews.</p></section>
    <section class="grid-module__4pDFEa__grid" data-grid="">
    <div class="grid-module__4pDFEa__block" data-grid-cell=""><h3 class="text-heading-20">Your product, delivered.</h3><p class="text-copy-16">Security, speed, and AI included, so you can focus on your user.</p></div>
    ${card('Agents', 'Deliver more value to users by executing complex workflows.', '/agents')}
    ${card('AI Apps', 'Enrich any product or feature with the latest models and tools.', '/ai')}
    ${card('Web Apps', 'Ship beautiful interfaces that don’t compromise speed or functionality.', '/solutions/web-apps')}
    </section></div></main>`);
  const lines = extractMainText(html).text.split('\n');
  for (const line of ['Agents', 'Deliver more value to users by executing complex workflows.', 'Web Apps', 'Ship beautiful interfaces that don’t compromise speed or functionality.'])
    assert.ok(lines.includes(line), `lost: ${line}\n--- got:\n${lines.join('\n')}`);
  assert.ok(!lines.includes('Sign up for our newsletter today.'), lines.join('\n'));
});

test("a marquee's phrase cloned along one line (`Book Now *Book Now *…`) is written once (WCXB 0717)", () => {
  const track = Array.from({ length: 40 }, () => '<span>Book Now <span class="rstar">*</span></span>').join('');
  const html = page(`<div class="cosmetic_packaging_discuss_row__4rgBG"><h2 class="cosmetic_packaging_mainheadingdis__Gdh2O">Your product deserves packaging that sells!</h2>
    <p class="cosmetic_packaging_disdesc__LUMzg"><span class="cosmetic_packaging_fw__npcGJ">Make a lasting impression with packaging</span> that captivates and converts. Elevate your brand with designs that speak for themselves!</p>
    <p>We blend form and function to design packaging that's both visually captivating and market-ready, whether it's skincare, makeup, or wellness.</p>
    <div class="cosmetic_packaging_booknow__e1Kjn"><div class="cosmetic_packaging_bookwrap__R6leH"><div class="WorkAnimated_wokeanilr__kuHjP"><div class="WorkAnimated_animationContainer__c_wir">${track}</div></div></div></div></div>`);
  const got = extractMainText(html).text.split('\n');
  assert.ok(got.includes('Book Now *'), got.join('\n'));
  assert.ok(!got.some((l) => l.includes('Book Now *Book Now')), got.join('\n'));
  assert.ok(got.some((l) => l.startsWith('Make a lasting impression')), got.join('\n'));
});

test("an accordion's panel that names its button back (aria-labelledby = the button's id, aria-controls = the panel's id) is the page's text, though the label asks no question (WCXB 0117)", () => {
  const items = [
    ['Change careers', 'Build the skills and confidence you need to change careers in months, not years.'],
    ['Design your future', 'Gain the tools to work freelance, in-house or launch your own thing.'],
    ['No degree required', 'Just ambition and a commitment to creating something new.'],
    ['Graduate job-ready', 'Leave with a portfolio that shows what you can do.'],
  ];
  const item = ([label, text]: string[], i: number): string =>
    `<div id="item-${i}"><button aria-controls="item-${i}-content" aria-disabled="false" class="pill-listing-border" data-expanded="false" id="item-${i}-heading" type="button"><span class="text-left w-3/4 type-style-4 md:type-style-3">${label}</span><svg class="icon-plus" height="18" width="18"><path d="M8.775 1.224v15.552"></path></svg></button>
    <div aria-hidden="true" aria-labelledby="item-${i}-heading" hidden="" id="item-${i}-content"><div class=" md:w-3/4 rich-text rich-text-accordion sm:px-30"><p data-block-key="d073a">${text}</p></div></div></div>`;
  const drawer = `<div><button aria-controls="drawer-content" id="drawer-heading" type="button">Shipping</button><div hidden id="drawer-content"><p>Orders ship within two days from our studio, and returns are accepted for thirty days.</p></div></div>`;
  const html = page(`<main><section class="layout-container py-35 sm:py-50"><h2>Graphic Design Course</h2>
    <p>Learn graphic design online or in person with a course built by working designers, in three months full-time or nine months part-time.</p>
    <div class="layout-grid-negative-gutter md:flex"><div class="md:w-10/12 layout-grid-col-padding">${items.map(item).join('')}${drawer}</div></div></section></main>`);
  const got = extractMainText(html).text.split('\n');
  for (const [label, text] of items) for (const line of [label, text]) assert.ok(got.includes(line as string), `missing: ${line}\n--- got:\n${got.join('\n')}`);
  assert.ok(!got.some((l) => l.startsWith('Orders ship')), got.join('\n'));
});
