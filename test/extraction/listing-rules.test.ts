// Listing and collection page rules of the eleventh and thirteenth rounds: each with a snippet cut down from a WCXB
// dev tuning-half page (the smallest markup that still shows the pattern, texts shortened, names
// kept), failing without its rule.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';

const page = (body: string): string => `<!DOCTYPE html><html><head><title>Native 4K Projectors</title></head><body>${body}</body></html>`;

test("a shop category's product grid is written, not the pricing FAQ it hides beside it (WCXB 4264)", () => {
  const products = [
    ['BenQ LK936ST 4K Short Throw Laser Projector 5100 lumens', 'BenQ', 'BenQ-LK936ST', '$4,899.00'],
    ['Samsung LSP9T Premiere 4K Ultra Short Throw Laser Projector', 'Samsung', 'Samsung-LSP9T', '$6,496.00'],
    ['Optoma ZU820T WUXGA Professional Installation Laser Projector with 8800 Lumens', 'Optoma', 'Optoma-ZU820T', '$5,719.00'],
    ['XGIMI Horizon Ultra 4K Portable Lifestyle Projector Hybrid Laser/LED With Built-In Speakers', 'XGIMI', 'XGIMI-Horizon-Ultra', '$1,699.00'],
    ['Optoma UHZ66 4K UHD 4000 Lumen Home Cinema Laser Projector', 'Optoma', 'Optoma-UHZ66', '$1,999.00'],
    ['Optoma ZU920TST WUXGA Professional Installation Short Throw Laser Projector with 9800 Lumens', 'Optoma', 'Optoma-ZU920TST', '$11,439.00'],
    ['Optoma ZU920T WUXGA Professional Installation Laser Projector with 9800 Lumens', 'Optoma', 'Optoma-ZU920T', '$8,349.00'],
    ['Optoma ZU607T WUXGA Professional Installation Laser Projector with 6500 Lumens', 'Optoma', 'Optoma-ZU607T', '$3,299.00'],
  ];
  const card = ([name, maker, sku, price]: string[]): string =>
    `<div class="col-xs-6 col-md-4 category-product grid-view"><div class="catlist1"><a class="plbox" href="/p/${sku}"><div class="caption center lh-15"><div>
      <div class="cat-grid-product-name">${name}</div>
      <div>Manufacturer: <span>${maker}</span></div>
      <h3 class="cat-grid-product-sku"><span>Item Number:</span> ${sku}</h3>
      <div><span class="CategoryProductPriceArea"><span class="CategoryProductPriceLabel">Price: </span><span class="CategoryProductPrice">${price}</span></span></div>
      <div class="catpageatcbtn"><input type="submit" value="Add to Cart"></div></div></div></a></div></div>`;
  const html = page(`<div class="Layout"><section class="LayoutMiddle row"><section class="LayoutContent col-sm-8 col-md-9"><div class="LayoutContentInner">
    <h1>Native 4K Projectors</h1>
    <div class="row">${products.map(card).join('')}</div>
    <div class="clearfix"><span id="lblProductCountTop"><b>Products</b> 1-8 of <b>8</b></span></div>
    <div id="contact_to_purchase_text_2" style="display: none;"><h3>Manufacturer’s Pricing Policy</h3>
      <p class="q-text">Why do I need to contact you in order to place my order?</p>
      <p class="a-text">As an authorized dealer for the product you are looking at, Projector Screen Store is bound by certain agreements with our manufacturer partners in how we display, price and sell certain products.</p>
      <p class="a-text">Some items may not be able to be advertised below a certain price or any pricing at all and others may not be able to be added to a shopping cart via an “add to cart” button.</p>
    </div></div></section></section></div>`);
  const got = extractMainText(html).text;
  for (const [name, , sku, price] of products) {
    assert.ok(got.includes(name as string), `missing: ${name}\n--- got:\n${got}`);
    assert.ok(got.includes(`Item Number: ${sku}`) && got.includes(`Price: ${price}`), got);
  }
  assert.ok(!got.includes('authorized dealer'), got);
});

test("a collection's visible grid is written, not the upsell drawer hidden above it, which adds no prose (WCXB 0635)", () => {
  const upsell = [
    ['Alpine Navy', 'Ridge Wallet', '$76'], ['Royal Black', 'Ridge Wallet', '$76'], ['Gunmetal', 'Daily Driver Kit', '$99'],
    ['Hunter Green Leather', 'Ridge Biflex', '$59'], ['Tobacco Brown Leather', 'Passport Wallet', '$76'], ['Midnight Black Leather', 'Passport Wallet', '$76'],
    ['Tobacco Brown Leather', 'Ridge Biflex', '$85'], ['MKBHD - Midnight Black Leather', 'Everyday Phone Case - iPhone 16 Pro', '$35'],
    ['Moonlight Garden Leather', 'Ridge Biflex', '$85'], ['Basecamp Orange', 'Ridge Wallet', '$95'], ['Burnt Titanium', 'Ridge Wallet', '$175'],
    ['Chili Red', 'Ridge Wallet', '$95'], ['Forest Green', 'Ridge Wallet', '$95'], ['Rainbow Anodized', 'Ridge Wallet', '$125'],
  ];
  const grid = [['Ridge Wallet', 'Matte Olive', '$95'], ['Ridge Wallet', 'Carbon Fiber 3K', '$150'], ['Ridge Wallet', 'Gunmetal', '$95'], ['Ridge Wallet', 'Alpine Navy', '$95'], ['Ridge Wallet', 'Matte Black', '$95'], ['Ridge Biflex', 'Tobacco Brown Leather', '$85']];
  const filters = ['Ridge Wallets', 'MagSafe Wallets', 'Ridge Wallet Kits', 'AirTag Wallets', 'New & Limited Editions', 'NFL Collection', 'MLB Collection', 'Everyday Carry', 'Tech Collection', 'KeyCases'];
  const html = `<!DOCTYPE html><html><head><title>Wallets</title></head><body>
    <div style="display:none"><div class="upsell-collection">${upsell.map(([c, n, p]) => `<div class="upsell-product"><div class="upsell-product-info"><h3>${c}</h3><p>${n}</p><span>${p}</span></div></div>`).join('')}</div></div>
    <div><div class="shogun-root"><div class="collection-banner-hero"><div class="collection-content"><h1>WALLETS</h1><p>Metal, RFID-blocking wallets designed to carry cards and cash safely and securely.</p></div></div></div></div>
    <div class="collection-main-container"><ul class="filter-tree">${filters.map((x) => `<li><a href="/c/${x}">${x}</a></li>`).join('')}</ul>
    <div class="collection--grid-wrap">${grid.map(([n, c, p]) => `<div class="product-list-item"><a href="/p/${c}"><h2>${n}</h2><p>${c}</p><span>${p}</span></a></div>`).join('')}</div></div></body></html>`;
  const got = extractMainText(html).text.split('\n');
  for (const line of ['WALLETS', 'Metal, RFID-blocking wallets designed to carry cards and cash safely and securely.', 'Matte Olive', 'Carbon Fiber 3K']) assert.ok(got.includes(line), `missing: ${line}\n--- got:\n${got.join('\n')}`);
  for (const line of ['Royal Black', 'Burnt Titanium', 'Rainbow Anodized']) assert.ok(!got.includes(line), got.join('\n'));
});

test("a listing's teasers, each a linked title and a linked sentence, outweigh a sidebar's blurb (WCXB 3011)", () => {
  const stories = [
    ['teen-sleep', 'Teen sleep is getting wrecked by more than just phones', 'March 6, 2026', 'Teens aren’t getting enough sleep! And a two-decade study suggests it’s getting worse. Scientists found that the number of high schoolers getting insufficient sleep — less than seven hours a night — has increased from 69% to 77%.'],
    ['mammoths', 'Colossal Biosciences breeds controversy while trying to revive mammoths', 'March 4, 2026', 'A Texas biotech company is trying to bring mammoths and other extinct creatures back to life. The science is as intriguing as the ethical questions it raises, and researchers are divided on what it would mean.'],
    ['ai-brain', 'Scientists make a pocket-sized AI brain with help from monkey neurons', 'March 3, 2026', 'A new study suggests AI systems could be a lot smaller. Researchers using data from macaque monkeys were able to shrink an AI vision model to a tiny fraction of its original size while it still worked well.'],
    ['punch', 'Is baby monkey Punch okay? We asked an animal expert', 'March 3, 2026', 'If you’ve been on the internet in the past few weeks, you may have seen a baby monkey dragging a stuffed orangutan around its zoo enclosure. We asked a primatologist what the viral videos really show.'],
    ['clownfish', 'Peer pressure can make this clownfish change its stripes', 'March 2, 2026', 'Tomato clownfish, in response to an unpredictable social environment, can lose their white stripes faster. Scientists say the finding shows how much a fish’s neighbours shape the way it looks as it grows.'],
  ];
  const item = ([slug, title, date, teaser]: string[]): string => `<article class="item has-image">
    <div class="item-image"><div class="imagewrap"><a href="/2026/03/${slug}"><img alt="" src="${slug}.jpg"></a></div></div>
    <div class="item-info-wrap"><div class="item-info"><h2 class="title"><a href="/2026/03/${slug}">${title}</a></h2>
    <p class="teaser"><a href="/2026/03/${slug}"><time datetime="2026-03-06"><span class="date">${date} • </span></time>${teaser}</a></p></div></div></article>`;
  const html = page(`<header><a href="/">NPR</a></header><div class="list-overflow">${stories.map(item).join('\n')}</div>
    <div class="branding"><p>Science: the latest health and science news. Updates on medicine, healthy living, nutrition, drugs, diet, and advances in science and technology, from our reporters and from the scientists themselves, every day of the week. Subscribe to the newsletter to get the week’s best stories, and listen to our daily podcast for the discoveries that shape how we live.</p></div>`);
  const lines = extractMainText(html).text.split('\n');
  for (const [, title, date, teaser] of stories) for (const line of [title, `${date} • ${teaser}`]) assert.ok(lines.includes(line as string), `lost: ${line}\n--- got:\n${lines.join('\n')}`);
});

test("a two-product collection is written, not its site footer's brand message: the last fallback reads no <footer> (WCXB 4760)", () => {
  const products = [['the-super-pack', 'The Super Pack', 'All three serums', '£88', '£102'], ['balm-dotcom-trio', 'Balm Dotcom Trio', 'Original formula', '£42', '£48']];
  const item = ([slug, name, option, sale, regular]: string[]): string =>
    `<li class="collection__item js-collection-item"><article class="pi js-product-item"><div class="pi__desc"><div class="pi__desc-wrapper-top">
      <div class="pi__details"><h3 class="pi__title js-product-title"><a href="/products/${slug}">${name}</a></h3></div>
      <div class="pi__options"><div class="pi__option-name-wrapper"><p class="pi__option-soi">${option}</p></div>
      <p class="pi__price js-product-item-price">Sale price ${sale} Regular price ${regular}</p></div></div></div></article></li>`;
  const html = `<!DOCTYPE html><html><head><title>Skincare Enthusiast</title></head><body class="template-collection"><a class="skip-link" href="#main">Skip To Main</a>
    <main class="page-wrap" id="main"><div class="shopify-section"><section class="collection">
    <div class="collection-filters mobile-only"><div class="collection-filters__item-count">2 items</div></div>
    <ul class="collection__list js-collection-products list-reset container">${products.map(item).join('')}</ul></section></div></main>
    <footer id="footer" class="footer" role="contentinfo"><div class="footer__main container"><div class="footer__main-container"><div class="footer__top">
    <p class="footer__top-message">At Glossier, we make products inspired by real life, embracing the ethos of Skin First. Makeup Second™. We believe beauty is about having fun, celebrating freedom, and being present. No matter where you are in your beauty journey, you look good.</p>
    </div></div></div></footer></body></html>`;
  const got = extractMainText(html).text.split('\n');
  for (const line of ['The Super Pack', 'All three serums', 'Balm Dotcom Trio', 'Sale price £42 Regular price £48']) assert.ok(got.includes(line), `missing: ${line}\n--- got:\n${got.join('\n')}`);
  assert.ok(!got.some((l) => l.startsWith('At Glossier')), got.join('\n'));
});

test("a card's title written by its whole-card link and again by its heading is written once (WCXB 3014)", () => {
  const stories = [
    ['konark_13', 'Konark Sharma', 'The Women Who Helped Me Grow as a Developer', 'Mar 6'],
    ['dride', 'Marc Dride', '3 words worth a billion dollars: Drift to Determinism (DriDe)', 'Mar 7'],
    ['tamagotchi', 'Lena Park', 'I Built a Desktop Tamagotchi Cat with AI Brain in Swift', 'Mar 5'],
    ['blackboard', 'Ivo Stern', 'Why I replaced "think freely" with structured blackboarding in my agent loops', 'Mar 4'],
  ];
  const card = ([user, name, title, date]: string[], i: number): string =>
    `<div class="crayons-story"><a href="/${user}/post-${i}" aria-labelledby="article-link-${i}" class="crayons-story__hidden-navigation-link">${title}</a>
    <div class="crayons-story__body"><div class="crayons-story__top"><div class="crayons-story__meta"><a href="/${user}" class="crayons-story__secondary fw-medium">${name}</a><a href="/${user}/post-${i}" class="crayons-story__tertiary fs-xs"><time>${date}</time></a></div></div>
    <div class="crayons-story__indention"><h2 class="crayons-story__title"><a href="/${user}/post-${i}" id="article-link-${i}">${title}</a></h2></div></div></div>`;
  const html = `<!DOCTYPE html><html><head><title>DEV Community</title></head><body><main class="articles-list crayons-layout__content"><div class="substories">${stories.map(card).join('\n')}</div></main></body></html>`;
  const got = extractMainText(html).text.split('\n');
  for (const [, , title] of stories) assert.equal(got.filter((l) => l === title).length, 1, got.join('\n'));
});

test("a teaser's date in an element named for the post's meta (`div.author-area--date`) inside a listing's item is the item's line (WCXB 0083)", () => {
  const posts = [
    ['channel-bloat-report', 'Cable TV Customer? “Channel Bloat” May Be Costing You Over $1,600 a Year', 'Logan Jones', 'Dec 17, 2025', 'Drawing on data from vetted external studies and a survey of nearly 27,000 real TV customers, we found how much Americans waste on cable.'],
    ['customer-satisfaction-2026', 'Announcing the 2026 CableTV.com Customer Satisfaction Award Winners', 'Mike Strayer', 'Dec 16, 2025', 'Get insights from our customer satisfaction surveys for TV and internet, and see which providers ranked highest.'],
    ['december-deals', 'December’s Top Internet and TV Deals: Providers Are Handing Out Free Gift Cards!', 'Logan Jones', 'Dec 15, 2025', 'Our deals expert finds the week’s deepest internet, TV and mobile discounts you won’t find anywhere else.'],
    ['holiday-deals', 'Move Over Cyber Monday! Holiday Deals from Xfinity, Verizon, and More Are Here', 'Logan Jones', 'Dec 8, 2025', 'Holiday savings on internet and TV plans from the big providers, updated every week until the new year.'],
    ['mlb-tv-espn', 'MLB.TV Moves to ESPN for Three Years: What Does the Shakeup Mean for Fans?', 'Rebecca Lee Armstrong', 'Dec 5, 2025', 'The MLB viewing landscape changed with the league’s new deal with ESPN, Netflix and NBC; we break it down.'],
    ['netflix-warner', 'Netflix Buying Warner Bros. Could Lead to Worse Content at Higher Prices', 'Chili Palmer', 'Dec 1, 2025', 'Netflix has bid $72B to buy Warner Bros. We analyze what the merger means for your wallet and for HBO Max.'],
  ];
  const row = ([slug, title, author, date, excerpt]: string[]): string =>
    `<div class="row section--white-bg large-padding"><div class="columns small-12 medium-12 large-6"><div class="post-block">
      <div class="post-block--featured-image"><a href="/news/${slug}"><img src="${slug}.webp" alt=""></a></div>
      <div class="post-block--title"><h4><a href="/news/${slug}">${title}</a></h4></div>
      <div class="post-block--author-area"><div class="author-area--name">By <a href="/blog/author/${author}" rel="author">${author}</a></div><div class="author-area--date">${date}</div></div>
      <p class="post-block--excerpt">${excerpt}</p></div></div></div>`;
  const html = `<!DOCTYPE html><html><head><title>Streaming and Entertainment News</title></head><body><div class="main-wrap page"><article class="main-content page">
    <div class="row align-center large-padding"><div class="columns small-12 large-10 hero-title"><div class="post-wrap">
    <h1>Streaming and Entertainment News from Industry Experts</h1>${posts.map(row).join('\n')}</div></div></div></article></div>
    <div class="sidebar"><div class="author-bio">Logan Jones writes about TV deals.</div></div></body></html>`;
  const got = extractMainText(html).text.split('\n');
  for (const [, title, , date] of posts) for (const line of [title, date]) assert.ok(got.includes(line as string), `missing: ${line}\n--- got:\n${got.join('\n')}`);
  assert.ok(!got.some((l) => l.includes('writes about TV deals')), got.join('\n'));
});

test("an article-body class inside a box of related posts names a teaser's excerpt, not the article: the box stays chrome (WCXB 4331)", () => {
  const intro = [
    'Discover the top universities around the world for studying computer science & information systems according to the QS World University Rankings by Subject.',
    'Over 800 universities have been included in our ranking of the top computer science & information systems degrees. While the top three universities are all based in the US, Singapore, the UK and Switzerland are all represented at least once among the top 10.',
  ];
  const teasers = [
    ['Top universities in the most…', 'Want to study in Australia? Find out which top rated student cities are the most affordable in the country.'],
    ['What is a QS Contributor?', "We've created a new label to recognise universities that actively engage with QS by submitting data for our rankings. Here's what it means to be called a QS Contributor."],
    ['Top 100 universities in the US', 'These are the top 100 US universities, based upon the QS World University Rankings 2024. Find out which universities are the best in your home state!'],
  ];
  const card = ([title, para]: string[]): string =>
    `<div class="views-row item"><div class="related_blog_item"><div class="_qs-related-article"><div class="qs-article-content-area"><a href="/articles/x" class="new-style-lego">${title}</a><div class="qs-article-content-para">${para}</div></div></div></div></div>`;
  const html = `<html><head><title>Rankings</title></head><body><main><article class="node node--type-ranking-set-release"><div class="block block-qs-rankings block-ranking-header-block">${['qs-world-ranking-hero d-none d-md-block min-height-500', 'qs-world-ranking-hero mobile d-block d-md-none'].map((hero) => `<div class="${hero}"><div class="left-hand-side-text"><h4>QS World University Rankings by Subject 2025: Computer Science and Information Systems</h4>${intro.map((p) => `<div class="more-content-js"><p>${p}</p></div>`).join('')}</div></div>`).join('')}</div>
    <div class="block block-related-content"><h2>Recommended articles</h2><div class="related-contents-categories blog_content related_content_blog"><div class="owl-carousel">${teasers.map(card).join('')}</div></div></div></article></main></body></html>`;
  const text = extractMainText(html).text;
  for (const p of intro) assert.ok(text.includes(p), `missing: ${p}\n--- got:\n${text}`);
  assert.ok(!text.includes('Want to study in Australia'), text);
});

test("a linked teaser whose sentence closes a quotation (`… calling it “unethical.”`) is a pitch like the others (WCXB 3011)", () => {
  const stories = [
    ['teen-sleep', 'Teen sleep is getting wrecked by more than just phones', 'March 6, 2026', 'Teens aren’t getting enough sleep! And a two-decade study suggests it’s getting worse, with more high schoolers sleeping under seven hours. Scientists found that the number of high schoolers getting insufficient sleep — less than seven hours a night — has increased from 69% to 77%.'],
    ['mammoths', 'Colossal Biosciences breeds controversy while trying to revive mammoths', 'March 4, 2026', 'A Texas biotech company is trying to bring mammoths and other extinct creatures back to life, and researchers are divided on it. The science is as intriguing as the ethical questions it raises, and nobody knows yet what it would mean for the animals alive today.'],
    ['vaccines', "The global fallout of RFK Jr.'s vaccine policies", 'March 4, 2026', 'NPR global health correspondent Gabrielle Emanuel joins Short Wave to talk about two examples of how the global public health landscape may be shifting. Some researchers are calling the vaccine trial a “unique” opportunity, and others are calling it “unethical.”'],
    ['ai-brain', 'Scientists make a pocket-sized AI brain with help from monkey neurons', 'March 3, 2026', 'A new study suggests AI systems could be a lot smaller, shrunk with data from macaque monkeys. Researchers were able to shrink an AI vision model to a tiny fraction of its original size while it still worked well.'],
    ['punch', 'Is baby monkey Punch okay? We asked an animal expert', 'March 3, 2026', 'You may have seen a baby monkey dragging a stuffed orangutan around. We asked a primatologist (an animal expert.)'],
  ];
  const item = ([slug, title, date, teaser]: string[]): string => `<article class="item has-image">
    <div class="item-info-wrap"><div class="item-info"><h2 class="title"><a href="/2026/03/${slug}">${title}</a></h2>
    <p class="teaser"><a href="/2026/03/${slug}"><time datetime="2026-03-06"><span class="date">${date} • </span></time>${teaser}</a></p></div></div></article>`;
  const html = page(`<header><a href="/">NPR</a></header><div class="list-overflow">${stories.map(item).join('\n')}</div>`);
  const lines = extractMainText(html).text.split('\n');
  for (const [, title, date, teaser] of stories) for (const line of [title, `${date} • ${teaser}`]) assert.ok(lines.includes(line as string), `lost: ${line}\n--- got:\n${lines.join('\n')}`);
});
