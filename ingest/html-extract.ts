// Main-text extraction from HTML: the visible text of the page minus its chrome, one block per
// line, and the title apart.

import { Parser } from 'htmlparser2';

export interface Extracted {
  text: string;
  title?: string;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'head']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'section', 'article', 'main', 'ul', 'ol', 'table', 'pre', 'blockquote']);

export function extractMainText(html: string): Extracted {
  const out: string[] = [];
  let skip = 0;
  let inTitle = false;
  let title = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (skip || SKIP.has(name)) {
          skip++;
          return;
        }
        if (BLOCK.has(name)) out.push('\u0001');
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (skip) {
          skip--;
          return;
        }
        if (BLOCK.has(name)) out.push('\u0001');
      },
      ontext(t) {
        if (inTitle) title += t;
        if (!skip) out.push(t);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const text = out
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/ ?\u0001[\u0001 ]*/g, '\n')
    .trim();
  const t = title.replace(/\s+/g, ' ').trim();
  return t ? { text, title: t } : { text };
}
