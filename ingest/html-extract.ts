// Main-text extraction from HTML: the page's text minus its chrome, one block per line (list items
// as `- item`, the cells of a table row joined by ` | `), and the title apart. Blocks come from
// html-blocks.ts; here they are scored boilerpipe/jusText style (length, link density,
// punctuation, the chrome they sit in), the element holding the most net content is chosen, and
// its good blocks are written out.

import { parseBlocks } from './html-blocks.ts';
import type { ParsedPage, TextBlock } from './html-blocks.ts';

export interface Extracted {
  text: string;
  title?: string;
}

type Quality = 'good' | 'medium' | 'short' | 'bad';

const PUNCT = /[.,;:!?。，；：！？、]/g;

/** Lines that are chrome whatever element holds them. */
const CHROME_LINE = /copyright|©|all rights reserved|cookies?\b|privacy policy|terms of (use|service)|skip to (main )?content/i;

function quality(b: TextBlock): Quality {
  const len = b.text.length;
  if (len < 200 && CHROME_LINE.test(b.text)) return 'bad';
  const ld = b.linkChars / len;
  if (ld > 0.5) return 'bad';
  if (ld > 0.3 && len < 200) return 'short';
  const punct = b.text.match(PUNCT)?.length ?? 0;
  if (len >= 80 && punct >= 1) return 'good';
  if (len >= 40 && punct >= 1) return 'medium';
  return 'short';
}

const VALUE: Record<Quality, number> = { good: 1, medium: 0.5, short: -0.1, bad: -1 };

/** Blocks of the chosen container worth writing, honouring chrome at or above `chromeFloor`. */
function select(page: ParsedPage, q: readonly Quality[], chromeFloor: number): TextBlock[] {
  const { blocks, nodes } = page;
  const total = new Float64Array(nodes.length);
  blocks.forEach((b, i) => {
    const isChrome = b.chrome >= chromeFloor;
    total[b.node] = (total[b.node] as number) + b.text.length * (isChrome ? -1 : VALUE[q[i] as Quality]);
  });
  // Children come after their parent in `nodes`: one backward pass sums subtrees.
  for (let i = nodes.length - 1; i > 0; i--) {
    const parent = (nodes[i] as { parent: number }).parent;
    total[parent] = (total[parent] as number) + (total[i] as number);
  }
  let best = 0;
  for (let i = 1; i < nodes.length; i++) {
    const bonus = (nodes[i] as { verdict: number }).verdict === 2 ? 1.1 : 1;
    if ((total[i] as number) * bonus > (total[best] as number) * ((nodes[best] as { verdict: number }).verdict === 2 ? 1.1 : 1)) best = i;
  }
  const { start, end } = nodes[best] as { start: number; end: number };
  const out: TextBlock[] = [];
  for (let i = start; i < end; i++) {
    const b = blocks[i] as TextBlock;
    if (b.chrome >= chromeFloor || q[i] === 'bad') continue;
    out.push(b);
  }
  return out;
}

function render(blocks: readonly TextBlock[], title: string | undefined): string {
  const lines: string[] = [];
  let last: TextBlock | undefined;
  let seenBody = false;
  for (const b of blocks) {
    // The headline repeats the title, which is returned apart.
    if (!seenBody && title !== undefined && (b.kind === 'h' || b.text.length < 200) && b.text.length >= 8 && title.includes(b.text)) continue;
    if (b.kind === 'p' || b.text.length >= 200) seenBody = true;
    const sameRow = b.kind === 'cell' && last?.kind === 'cell' && b.row === last.row && b.node !== last.node;
    last = b;
    if (sameRow && lines.length > 0) {
      lines[lines.length - 1] += ` | ${b.text}`;
      continue;
    }
    lines.push(b.bullet ? `- ${b.text}` : b.text);
  }
  return lines.join('\n');
}

const MIN_CHARS = 200;

export function extractMainText(html: string, _options: { url?: string } = {}): Extracted {
  const page = parseBlocks(html);
  const q = page.blocks.map(quality);
  let chosen = select(page, q, 1);
  for (const floor of [2, 3]) {
    if (chosen.reduce((n, b) => n + b.text.length, 0) >= MIN_CHARS) break;
    const wider = select(page, q, floor);
    if (wider.reduce((n, b) => n + b.text.length, 0) > chosen.reduce((n, b) => n + b.text.length, 0)) chosen = wider;
  }
  const text = render(chosen, page.title);
  return page.title ? { text, title: page.title } : { text };
}
