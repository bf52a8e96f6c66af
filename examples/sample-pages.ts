// HTML layouts for the embedded sample: the same article content rendered the ways real sites
// wrap it (semantic HTML5, div soup with class names, old table layouts, forums, docs, sloppy
// unclosed markup), each with its chrome: menus, cookie banners, share bars, ads, related links,
// comment sections, hidden elements and footers.

import type { Rng } from './sample-prng.ts';

export type Block =
  | { kind: 'h2'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'ul'; items: readonly string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'table'; rows: readonly (readonly string[])[] };

export interface PageContent {
  title: string;
  blocks: readonly Block[];
  comments: readonly { author: string; text: string }[];
  related: readonly string[];
}

export interface Chrome {
  site: string;
  lang: string;
  menu: readonly string[];
  footer: string;
  cookie: string;
  /** `<meta charset>` (or http-equiv) to declare in the document; none when absent. */
  metaCharset?: string;
  httpEquiv?: boolean;
}

export type Layout = 'semantic' | 'divs' | 'table' | 'forum' | 'docs' | 'sloppy';
export const LAYOUTS: readonly Layout[] = ['semantic', 'divs', 'table', 'forum', 'docs', 'sloppy'];

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'page';

function head(c: Chrome, title: string, rng: Rng): string {
  const charset = c.metaCharset
    ? c.httpEquiv
      ? `<meta http-equiv="Content-Type" content="text/html; charset=${c.metaCharset}">`
      : `<meta charset="${c.metaCharset}">`
    : '';
  const extra = rng.chance(0.5)
    ? `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>`
    : `<style>body{font-family:sans-serif}.hidden{display:none}</style>`;
  return `<!DOCTYPE html>\n<html lang="${c.lang}"><head>${charset}<title>${esc(title)} | ${esc(c.site)}</title><meta name="viewport" content="width=device-width, initial-scale=1">${extra}</head>`;
}

function blocksHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'h2':
          return `<h2>${esc(b.text)}</h2>`;
        case 'p':
          return `<p>${esc(b.text)}</p>`;
        case 'quote':
          return `<blockquote><p>${esc(b.text)}</p></blockquote>`;
        case 'ul':
          return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
        case 'table':
          return `<table>${b.rows.map((r) => `<tr>${r.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('')}</table>`;
      }
    })
    .join('\n');
}

const menuLinks = (c: Chrome): string => c.menu.map((m) => `<a href="/${slug(m)}/">${esc(m)}</a>`).join(' ');
const menuList = (c: Chrome): string => `<ul>${c.menu.map((m) => `<li><a href="/${slug(m)}/">${esc(m)}</a></li>`).join('')}</ul>`;
const relatedList = (p: PageContent): string => `<ul>${p.related.map((r) => `<li><a href="/posts/${slug(r)}.html">${esc(r)}</a></li>`).join('')}</ul>`;
const cookieBanner = (c: Chrome, cls: string): string =>
  `<div class="${cls}" role="dialog"><p>${esc(c.cookie)}</p><button>OK</button><a href="/privacy">Privacy Policy</a></div>`;
const shareBar = `<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a> <a href="#">Pin it</a> <a href="#">Email</a></div>`;

function commentsHtml(p: PageContent, cls: string): string {
  if (p.comments.length === 0) return '';
  return `<section id="comments" class="${cls}"><h3>${p.comments.length} Comments</h3>${p.comments
    .map((c) => `<div class="comment"><span class="comment-author">${esc(c.author)}</span><p>${esc(c.text)}</p><a class="reply" href="#">Reply</a></div>`)
    .join('')}<form class="comment-form"><textarea name="c"></textarea><input type="submit" value="Post comment"></form></section>`;
}

export function renderPage(layout: Layout, c: Chrome, p: PageContent, rng: Rng): string {
  const year = 2015 + rng.int(0, 9);
  const copyright = `Copyright ${year} ${esc(c.site)}. ${esc(c.footer)}`;
  const body = blocksHtml(p.blocks);
  switch (layout) {
    case 'semantic':
      return `${head(c, p.title, rng)}<body>
${cookieBanner(c, 'cookie-banner')}
<header class="site-header"><a class="logo" href="/">${esc(c.site)}</a><nav class="main-menu">${menuList(c)}</nav></header>
<main><article><h1>${esc(p.title)}</h1><p class="byline">Posted on ${year}-0${rng.int(1, 9)}-1${rng.int(0, 9)} by admin</p>
${body}
${shareBar}
</article>
${commentsHtml(p, 'comments-area')}
</main>
<aside class="sidebar"><h3>Related posts</h3>${relatedList(p)}<div class="widget newsletter"><p>Subscribe to our newsletter</p><input type="email" placeholder="Your email"><button>Subscribe</button></div></aside>
<footer><p>${copyright}</p>${menuList(c)}</footer>
</body></html>`;
    case 'divs':
      return `${head(c, p.title, rng)}<body><div id="wrapper">
<div class="top-bar"><div class="menu">${menuLinks(c)}</div><div class="search"><input type="text" name="q"><button>Search</button></div></div>
<div class="ad-banner advertisement"><a href="https://ads.example/click">Sponsored: the best deals on ${esc(p.related[0] ?? 'everything')} today</a></div>
<div class="container"><div class="content"><div class="post">
<div class="breadcrumbs"><a href="/">Home</a> &raquo; <a href="/news/">News</a></div>
<h1 class="entry-title">${esc(p.title)}</h1>
<div class="article-body entry-content">
${body}
</div>
<div class="tags">Tags: <a href="/t/1">news</a>, <a href="/t/2">life</a></div>
<div class="related-posts"><h4>You may also like</h4>${relatedList(p)}</div>
${commentsHtml(p, 'comments')}
</div></div>
<div class="sidebar widget-area"><div class="widget"><h4>Popular</h4>${relatedList(p)}</div></div></div>
<div style="display:none" class="modal">Sign up now and get ten percent off your first order with this exclusive code.</div>
<div class="footer">${copyright} <a href="/privacy">Privacy</a> | <a href="/terms">Terms of Use</a></div>
${cookieBanner(c, 'cookie-notice gdpr')}
</div></body></html>`;
    case 'table':
      return `${head(c, p.title, rng)}<body bgcolor="#ffffff"><table width="100%" border="0" cellpadding="4">
<tr><td colspan="2" class="header"><font size="5"><b>${esc(c.site)}</b></font></td></tr>
<tr><td width="160" valign="top" class="leftmenu">${c.menu.map((m) => `<a href="/${slug(m)}.htm">${esc(m)}</a><br>`).join('\n')}</td>
<td valign="top"><font face="Verdana"><b><font size="4">${esc(p.title)}</font></b><br><br>
${p.blocks
  .map((b) => (b.kind === 'p' || b.kind === 'quote' ? `${esc(b.text)}<br><br>` : b.kind === 'h2' ? `<b>${esc(b.text)}</b><br>` : blocksHtml([b])))
  .join('\n')}
</font></td></tr>
<tr><td colspan="2" align="center"><font size="1">${copyright}</font></td></tr></table></body></html>`;
    case 'forum': {
      const posts = p.blocks.filter((b) => b.kind === 'p');
      return `${head(c, p.title, rng)}<body>
<div id="header"><div class="navbar">${menuLinks(c)} <a href="/login">Log in</a> <a href="/register">Register</a></div></div>
<div id="forum"><h1 class="thread-title">${esc(p.title)}</h1>
${posts
  .map(
    (b, i) => `<div class="post" id="post${i}"><div class="postauthor">${esc(p.comments[i % Math.max(1, p.comments.length)]?.author ?? 'guest')}<br><span class="joined">Joined: ${year}</span></div><div class="postbody"><div class="message">${b.kind === 'p' ? esc(b.text) : ''}</div><div class="signature">-- Sent from my phone</div></div><div class="postfooter"><a href="#">Quote</a> <a href="#">Report</a></div></div>`,
  )
  .join('\n')}
</div>
<div class="pagination"><a href="?page=1">1</a> <a href="?page=2">2</a> <a href="?page=3">Next</a></div>
<div id="footer">${copyright}</div></body></html>`;
    }
    case 'docs':
      return `${head(c, p.title, rng)}<body>
<div class="sidebar toc" role="navigation"><p class="caption">Contents</p>${relatedList(p)}</div>
<div class="document" role="main"><div class="body"><h1>${esc(p.title)}</h1>
${body}
<pre><code>$ ${esc(c.site.split('.')[0] ?? 'tool')} --help
usage: run [options] FILE</code></pre>
</div>
<div class="prev-next"><a href="#">&laquo; Previous</a> <a href="#">Next &raquo;</a></div></div>
<div class="footer" role="contentinfo">${copyright} Built with a static site generator.</div></body></html>`;
    case 'sloppy':
      return `<html><head>${c.metaCharset ? `<meta charset=${c.metaCharset}>` : ''}<title>${esc(p.title)}</title>
<body><div class=nav>${menuLinks(c)}</div>
<h1>${esc(p.title)}
${p.blocks
  .map((b) => (b.kind === 'p' ? `<p>${esc(b.text)}` : b.kind === 'h2' ? `<h3>${esc(b.text)}</h3>` : blocksHtml([b])))
  .join('\n')}
<div class=footer>${copyright}
</body>`;
  }
}

/** A page with only chrome: a category index, a login wall, a tag cloud. */
export function boilerplateOnlyPage(c: Chrome, titles: readonly string[], rng: Rng): string {
  const kind = rng.int(0, 2);
  const p: PageContent = { title: kind === 0 ? 'Archive' : kind === 1 ? 'Log in' : 'Tags', blocks: [], comments: [], related: titles };
  const inner =
    kind === 0
      ? `<h1>Archive</h1><ul class="archive-list">${titles.map((t) => `<li><a href="/p/${slug(t)}">${esc(t)}</a></li>`).join('')}</ul><div class="pagination"><a href="?p=2">Older posts</a></div>`
      : kind === 1
        ? `<h1>Log in</h1><form action="/login" method="post"><label>Username <input name="u"></label><label>Password <input type="password" name="p"></label><button>Log in</button></form><p><a href="/forgot">Forgot your password?</a></p>`
        : `<h1>Tags</h1><div class="tag-cloud">${titles.map((t) => `<a href="/tag/${slug(t)}">${esc(t.split(' ')[0] ?? t)}</a>`).join(' ')}</div>`;
  return `${head(c, p.title, rng)}<body><header><nav>${menuList(c)}</nav></header>${cookieBanner(c, 'cookie-consent')}<main>${inner}</main><footer>Copyright ${esc(c.site)}. ${esc(c.footer)}</footer></body></html>`;
}

/** A keyword-stuffed spam page: repeated money words, link farms, no prose. */
export function spamPage(c: Chrome, rng: Rng): string {
  const words = ['cheap', 'casino', 'bonus', 'free', 'pills', 'win', 'jackpot', 'loans', 'best', 'online', 'discount', 'replica', 'watches', 'crypto', 'deal', 'click'];
  const stuffed = Array.from({ length: rng.int(120, 300) }, () => rng.pick(words)).join(' ');
  const links = Array.from({ length: 40 }, (_, i) => `<a href="https://spam${i}.example/">${rng.pick(words)} ${rng.pick(words)}</a>`).join(' ');
  return `<html><head><title>${words.slice(0, 8).join(' ')} ${words.slice(0, 8).join(' ')}</title><meta name="keywords" content="${words.join(',')}"></head><body><h1>BEST ${rng.pick(words).toUpperCase()} ${rng.pick(words).toUpperCase()}!!!</h1><p>${stuffed}</p><div>${links}</div><p>${stuffed.split(' ').reverse().join(' ')}</p></body></html>`;
}
