// Product page rules of the fourteenth round, each on a snippet cut down from a tuning-half page
// (WCXB dev products, sub-half A): the smallest markup that still shows the pattern (texts
// shortened, names kept).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';

const page = (body: string): string => `<!DOCTYPE html><html><head><title>Product</title></head><body>${body}</body></html>`;

test("a style sheet inside an accordion's toggle (Chakra UI's Emotion styles) is no word of the panel's heading", () => {
  const description = [
    'From the team that created the world’s most popular smokeless outdoor fire pit comes our most advanced design yet—the new Solo Stove Summit 24™ Smokeless Fire Pit.',
    'At the heart of the new Summit is the patent-pending Quick-Strike Cone™, a game-changing feature that delivers an easy-light fire in seconds.',
  ];
  const html = page(`<main><h1>Summit 24™ Smokeless Fire Pit</h1><div class="chakra-stack css-18936vg"><div class="chakra-accordion css-0">
    <div class="chakra-accordion__item css-p71rgt"><button type="button" id="accordion-button-:R6q:" aria-expanded="false" aria-controls="accordion-panel-:R6q:" class="chakra-accordion__button css-19309p5"><style data-emotion="css 1tt87wd">.css-1tt87wd{font-weight:500;-webkit-flex:1;flex:1;text-align:left;}@media screen and (min-width: 62em){.css-1tt87wd{font-size:16px;line-height:24px;}}</style><span class="css-1tt87wd">Description</span><svg viewBox="0 0 24 24" focusable="false" class="chakra-icon css-1x8eu64"><use role="presentation" xlink:href="#accordion-controls-plus"></use></svg></button>
    <div class="chakra-collapse" style="overflow:hidden;display:none;opacity:0;height:0px"><style data-emotion="css 1qpjmmd">.css-1qpjmmd{padding-top:0px;}</style><div role="region" id="accordion-panel-:R6q:" aria-labelledby="accordion-button-:R6q:" class="chakra-accordion__panel css-1qpjmmd">${description[0]}<br><br>${description[1]}</div></div></div>
    <div class="chakra-accordion__item css-p71rgt"><button type="button" id="accordion-button-:Rqq:" aria-expanded="false" aria-controls="accordion-panel-:Rqq:" class="chakra-accordion__button css-19309p5"><span class="css-1tt87wd">Dimensions &amp; Materials</span></button>
    <div class="chakra-collapse" style="overflow:hidden;display:none;opacity:0;height:0px"><div role="region" id="accordion-panel-:Rqq:" class="chakra-accordion__panel css-118gwpy"><ul role="list" class="css-i5x4x"><li class="css-8798z9"><span class="chakra-text css-12opbqq">Height: 39.1 cm (15.4 in)</span></li><li class="css-8798z9"><span class="chakra-text css-12opbqq">Material: Stainless steel</span></li></ul></div></div></div>
  </div></div></main>`);
  const text = extractMainText(html).text;
  assert.ok(text.includes('\nDescription\n'), text);
  assert.ok(text.includes(description[1] as string), text);
  assert.ok(!text.includes('{'), text);
});

test("a shop's inactive tab (Bootstrap's tab-pane, hidden by an inline display:none) holds the item's specifications", () => {
  const html = page(`<div class="tab-panes"><div class="tab-pane" style="display:block"><div id="product-overview" class="article"><div><p> The EVGA 12G-P4-3992-KR is a gaming monster designed to outperform.</p></div><div class="product-contents"><ul class="product-hightlights" id="hightlights">
      <li><span class="content"><img src="h.jpg" alt="newegg" style="width:75px"/><em class="title">G-SYNC</em>NVIDIA G-SYNC is groundbreaking new display technology that delivers the smoothest and fastest gaming experience ever.</span></li>
      <li><span class="content"><img src="h.jpg" alt="newegg" style="width:75px"/><em class="title">GeForce Experience</em>The easiest way to optimize your games and keep your drivers up to date, The GeForce Experience application automatically notifies you of new driver releases from NVIDIA.</span></li>
      <li><span class="content"><img src="h.jpg" alt="newegg" style="width:75px"/><em class="title">NVIDIA GPU Boost 2.0</em>This brand-new technology allows gamers to push PC performance to the maximum with precise controls.</span></li>
      <li><span class="content"><img src="h.jpg" alt="newegg" style="width:75px"/><em class="title">NVIDIA PhysX Technology</em>Full support for NVIDIA PhysX technology, enabling a totally new class of physical gaming interaction for a more dynamic and realistic experience with</span></li>
      <li><span class="content"><img src="h.jpg" alt="newegg" style="width:75px"/><em class="title">NVIDIA 3D Vision Surround Ready</em>NVIDIA 3D Vision brings a fully immersive, stereoscopic 3D experience to the PC.</span></li>
      <li><span class="content"><img src="h.jpg" alt="newegg" style="width:75px"/><em class="title">NVIDIA GameStream</em>NVIDIA GameStream technology that lets you stream extreme GeForce GTX PC gaming experiences to portable devices like NVIDIA SHIELD with super-smooth, </span></li></ul></div></div></div>
    <div class="tab-pane" style="display:none"><h2 class="swiper-box-top-title margin-bottom">Learn more about the EVGA 12G-P4-3992-KR</h2>
      <table class="table-horizontal"><caption>Model</caption><tbody><tr><th>Brand </th><td>EVGA</td></tr><tr><th>Model </th><td>12G-P4-3992-KR</td></tr></tbody></table>
      <table class="table-horizontal"><caption>Interface</caption><tbody><tr><th>Interface </th><td>PCI Express 3.0</td></tr></tbody></table>
      <table class="table-horizontal"><caption>Chipset</caption><tbody><tr><th>Chipset Manufacturer </th><td>NVIDIA</td></tr><tr><th>GPU Series </th><td>NVIDIA GeForce GTX TITAN</td></tr><tr><th>GPU </th><td>GeForce GTX TITAN Z Superclocked</td></tr><tr><th>Core Clock </th><td>732 MHz</td></tr><tr><th>Boost Clock </th><td>915 MHz</td></tr><tr><th>CUDA Cores </th><td>5760 Cores</td></tr></tbody></table>
      <table class="table-horizontal"><caption>Memory</caption><tbody><tr><th>Effective Memory Clock </th><td>7000 MHz</td></tr><tr><th>Memory Size </th><td>12GB</td></tr><tr><th>Memory Interface </th><td>768-Bit</td></tr><tr><th>Memory Type </th><td>GDDR5</td></tr></tbody></table></div></div>`);
  const text = extractMainText(html).text;
  assert.ok(text.includes('The EVGA 12G-P4-3992-KR is a gaming monster designed to outperform.'), text);
  assert.ok(text.includes('Chipset Manufacturer | NVIDIA'), text);
  assert.ok(text.includes('Core Clock | 732 MHz'), text);
});
