// A figure's caption is not the article's text: photo captions and credits ("Photo courtesy of …",
// "Image from our March review", "Credit: Apple") sit under the pictures of news stories, reviews
// and blog posts, and article golds (WCXB, scrapinghub) leave most of them out. Two kinds are text:
// a numbered label ("Listing 9-3: Opening a file", "Figure 2: …", "Abb. 3"), which a book or a
// manual refers to, and the attribution under a quote (a figure holding a blockquote).
// The caption is still scored as the block it is; it is only not written.

import type { ElementNode, ParsedPage, TextBlock } from './html-blocks.ts';

/** A caption that numbers its figure, in the languages of BOILERPLATE_LINE. */
const NUMBERED_CAPTION = /^(figure|fig\.|listing|table|exhibit|chart|abbildung|abb\.|tabelle|tableau|tabla|tabella|afbeelding|figura|rysunek|tabela|рис(унок|\.)|таблица|图|表)\s*\d/iu;

/** The blocks of `chosen` minus those inside a figure's caption, except numbered captions and the
 * attributions of quotes. */
export function withoutFigureCaptions(page: ParsedPage, chosen: TextBlock[]): TextBlock[] {
  const { nodes } = page;
  if (!nodes.some((n) => n.tag === 'figcaption')) return chosen;
  // Each node's innermost figcaption ancestor (or itself), else -1: parents come before children.
  const caption = new Int32Array(nodes.length).fill(-1);
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as ElementNode;
    caption[i] = n.tag === 'figcaption' ? i : (caption[n.parent] as number);
  }
  // Whether figure `f` holds a blockquote: its descendants follow it in `nodes` while they start
  // inside it. Asked once per figure.
  const quotes = new Map<number, boolean>();
  const quoteFigure = (f: number): boolean => {
    let q = quotes.get(f);
    if (q === undefined) {
      const fig = nodes[f] as ElementNode;
      q = false;
      for (let j = f + 1; j < nodes.length && (nodes[j] as ElementNode).start < fig.end && !q; j++) q = (nodes[j] as ElementNode).tag === 'blockquote';
      quotes.set(f, q);
    }
    return q;
  };
  return chosen.filter((b) => {
    const c = caption[b.node] as number;
    if (c < 0 || NUMBERED_CAPTION.test(b.text)) return true;
    const figure = (nodes[c] as ElementNode).parent;
    return figure > 0 && quoteFigure(figure);
  });
}
