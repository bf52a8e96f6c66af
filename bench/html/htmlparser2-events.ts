// htmlparser2 (the parser extraction used before ingest/html-tokenizer.ts) driven the way
// ingest/html-blocks.ts drove it, as a Tokenize: the anchor of bench/html/run.ts and the reference
// of bench/html/compare.ts. Tags are opened lazily from onopentagname + onattribute: with an
// onopentag handler the parser builds an object of every attribute of every tag.

import { Parser } from 'htmlparser2';
import type { Attributes, HtmlEvents, WantedAttributes } from '../../ingest/html-tokenizer.ts';

const NO_ATTRIBUTES: Attributes = Object.freeze({});

export function htmlparser2Tokenize(html: string, wanted: WantedAttributes, on: HtmlEvents): void {
  let pending: string | undefined;
  let attrs: Record<string, string> | undefined;
  const commit = (): void => {
    if (pending === undefined) return;
    const name = pending;
    pending = undefined;
    on.open(name, attrs ?? NO_ATTRIBUTES);
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        commit();
        pending = name;
        attrs = undefined;
      },
      onattribute(name, value) {
        if (!wanted.names.has(name)) return;
        attrs ??= {};
        attrs[name] = value;
      },
      onclosetag(name) {
        commit();
        on.close(name);
      },
      ontext(text) {
        commit();
        on.text(text, 0, text.length);
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  commit();
}
