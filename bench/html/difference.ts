// The first difference between two parses of one page, for the equality checks of bench/html
// (compare.ts: our tokenizer against htmlparser2; identical.ts: this tree against a reference commit).

import type { ParsedPage } from '../../ingest/html-blocks.ts';

export function firstDifference(a: ParsedPage, b: ParsedPage): string {
  if (a.title !== b.title) return `title: ${JSON.stringify(a.title)} vs ${JSON.stringify(b.title)}`;
  for (let i = 0; i < Math.max(a.blocks.length, b.blocks.length); i++) {
    const x = JSON.stringify(a.blocks[i]);
    const y = JSON.stringify(b.blocks[i]);
    if (x !== y) return `block ${i}: ${x?.slice(0, 300)}\n    vs ${y?.slice(0, 300)}`;
  }
  for (let i = 0; i < Math.max(a.nodes.length, b.nodes.length); i++) {
    const x = JSON.stringify(a.nodes[i]);
    const y = JSON.stringify(b.nodes[i]);
    if (x !== y) return `node ${i}: ${x} vs ${y}`;
  }
  return 'equal';
}
