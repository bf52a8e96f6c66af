// Equality check of the HTML parse path: every page of the shared extraction sets through
// parseBlocks with our tokenizer and with htmlparser2 (as extraction drove it before), comparing the
// blocks, element tree and title (equal pages give equal extraction output). Prints each page that
// differs with its first differing block, so each difference can be traced to its markup.
// Usage: node bench/html/compare.ts [--show N]

import { parseArgs } from 'node:util';
import { parseBlocks } from '../../ingest/html-blocks.ts';
import { MAX_DEPTH, parseHtml } from '../../ingest/html-tokenizer.ts';
import type { Tokenize } from '../../ingest/html-tokenizer.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { firstDifference } from './difference.ts';
import { htmlparser2Tokenize } from './htmlparser2-events.ts';
import { loadPages } from './pages.ts';

const { values: args } = parseArgs({ options: { show: { type: 'string', default: '20' } } });

const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}

// Our tokenizer, noting the deepest nesting of any page (how far real pages stay from the cap).
let deepest = 0;
const measured: Tokenize = (html, wanted, on) => {
  let depth = 0;
  parseHtml(html, wanted, {
    open(name, attribs) {
      deepest = Math.max(deepest, ++depth);
      on.open(name, attribs);
    },
    close(name) {
      depth--;
      on.close(name);
    },
    // A call, not the method itself: html-blocks.ts's handlers read their page's state as `this`.
    text: (source, start, end) => on.text(source, start, end),
  });
};

const pages = await loadPages(dataDir);
const show = Number(args.show);
let differ = 0;
for (const p of pages) {
  const ours = parseBlocks(p.html, measured);
  const theirs = parseBlocks(p.html, htmlparser2Tokenize);
  if (JSON.stringify(ours) === JSON.stringify(theirs)) continue;
  differ++;
  if (differ <= show) console.log(`${p.id}: ${firstDifference(ours, theirs)}`);
}
console.log(`${pages.length} distinct pages, ${differ} differ (ours vs htmlparser2); deepest nesting ${deepest} (cap ${MAX_DEPTH})`);
