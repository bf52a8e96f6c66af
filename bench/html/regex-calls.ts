// Which regexes the HTML path runs, on how many strings, and what each costs: every
// RegExp.prototype.test call of one extractMainText pass over the distinct real pages of the shared
// extraction sets is recorded (the regex and its input), then each regex is timed alone on its
// recorded inputs (best of 3 passes, CPU ms). Regexes made per call (a literal in a loop) are
// summed by source. For choosing what to cut, not for A/B figures (bench/html/rules-vs-reference.ts).
// Usage: node --max-old-space-size=6000 bench/html/regex-calls.ts [--top 25]

import { parseArgs } from 'node:util';
import { sharedDataDir } from '../../test/shared-data.ts';
import { loadPages } from './pages.ts';

const { values: args } = parseArgs({ options: { top: { type: 'string', default: '25' } } });
const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}
const pages = await loadPages(dataDir);
const { extractMainText } = await import('../../ingest/html-extract.ts');

const calls = new Map<string, { re: RegExp; inputs: string[] }>();
const test = RegExp.prototype.test;
RegExp.prototype.test = function (this: RegExp, s: string): boolean {
  const key = `/${this.source}/${this.flags}`;
  let e = calls.get(key);
  if (e === undefined) calls.set(key, (e = { re: new RegExp(this.source, this.flags), inputs: [] }));
  e.inputs.push(s);
  return test.call(this, s);
};
for (const p of pages) extractMainText(p.html);
RegExp.prototype.test = test;

const rows: { ms: number; calls: number; distinct: number; hits: number; key: string }[] = [];
for (const [key, { re, inputs }] of calls) {
  let ms = Infinity;
  let hits = 0;
  for (let r = 0; r < 3; r++) {
    hits = 0;
    const start = process.cpuUsage();
    for (const s of inputs) if (re.test(s)) hits++;
    const used = process.cpuUsage(start);
    ms = Math.min(ms, (used.user + used.system) / 1000);
  }
  rows.push({ ms, calls: inputs.length, distinct: new Set(inputs).size, hits, key });
}
rows.sort((a, b) => b.ms - a.ms);
console.log(`${pages.length} pages; | CPU ms | calls | distinct inputs | matches | regex (first 80 characters) |`);
for (const r of rows.slice(0, Number(args.top))) console.log(`| ${r.ms.toFixed(0)} | ${r.calls} | ${r.distinct} | ${r.hits} | \`${r.key.slice(0, 80)}\` |`);
