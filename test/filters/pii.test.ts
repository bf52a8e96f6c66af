// The redactor's e-mail scan (only the runs of e-mail characters around each '@', see
// filters/pii.ts) against FineWeb's pattern run over the whole text, on texts built to probe the
// runs' edges: word characters just before a run (the pattern's \b reads them), several '@' in one
// run, dots and hyphens at the ends, address literals, upper case, non-ASCII letters and digits.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailRegex, PII_DEFAULTS, piiRedactor } from '../../filters/pii.ts';
import { seededRandom } from '../../pipeline/seeded-random.ts';

const PIECES = ['a', 'b', 'Z', 'x9', '0', '1', '.', '.', '@', '@', '-', '_', '+', "'", '!', '#', '[', ']', ':', '192.168.0.1', '8.8.8.8', 'é', 'ß', '٣', 'ſ', ' ', ' ', '\n', '\t', '\u00a0', '(', ')', ',', '<', '>', '"', 'com', 'john.doe', 'mail.example.org', 'a@b.c', 'x.y@ex-ample.com', 'u@[1.2.3.4]', 'Jo@Mail.Org', 'q@r'];

function reference(text: string, mixed: boolean): { text: string; emails: number } {
  let emails = 0;
  const out = text.replace(emailRegex(mixed), () => PII_DEFAULTS.email_replacement[emails++ % PII_DEFAULTS.email_replacement.length]!);
  return { text: out, emails };
}

test('e-mails are replaced as the pattern over the whole text replaces them', () => {
  const fixed = ['éjohn@x.com', 'é.john@x.com', '_john@x.com', 'x@y.z@w.v', 'a@b', 'a@b.c', 'john@[192.168.0.1]', 'Jo@x.com', 'jo@X.com', '.a@b.c.', 'a.@b.c', 'a@-b.c', 'a@b-.c', 'a@@b.c', '@a.b', 'a@b.c@d.e f@g.h', 'x1@y2.z3 ٣a@b.c', 'ſa@b.c'];
  const r = seededRandom(17);
  const random = Array.from({ length: 20000 }, () => {
    let s = '';
    const n = 1 + Math.floor(r() * 24);
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
    return s;
  });
  for (const mixed of [false, true]) {
    const redact = piiRedactor({ ...PII_DEFAULTS, remove_ips: false, mixed_case_emails: mixed });
    let found = 0;
    for (const text of [...fixed, ...random]) {
      const want = reference(text, mixed);
      const got = redact(text);
      assert.deepEqual({ text: got.text, emails: got.emails }, want, `${mixed ? 'mixed' : 'lower'}: ${JSON.stringify(text)}`);
      found += want.emails;
    }
    assert.ok(found > 10000, `the texts hold e-mails (${found})`);
  }
});

test('e-mail redaction is linear: runs of "a.a.a…" before an "@" cost four times as much at four times the size', () => {
  const redact = piiRedactor(PII_DEFAULTS);
  const best = (text: string): number => {
    let min = Infinity;
    // CPU time of this process, not wall time: a loaded machine stretches wall time between the
    // small and the large runs by more than the bound allows.
    for (let k = 0; k < 3; k++) {
      const t0 = process.cpuUsage();
      redact(text);
      const used = process.cpuUsage(t0);
      min = Math.min(min, (used.user + used.system) / 1000);
    }
    return min;
  };
  const hostiles = (pairs: number): string[] => [`${'a.'.repeat(pairs)}a@!`, `${'a.'.repeat(pairs)}]b@x.com`, `${'a@'.repeat(pairs)}`, `${'a.a@'.repeat(pairs / 2)}x.com`, `${'a.'.repeat(pairs)}@x.com`, `${'a-'.repeat(pairs)}.@x.com`];
  // The whole-text pattern took 3.4 s on 20,000 pairs and grows with their square: at four times
  // the pairs it would cost sixteen times as much. Linear work costs four times, and twice that
  // (plus a GC's worth of milliseconds) is the noise a loaded machine adds; a bound against plain
  // text of the same size failed there on the case that replaces 200,000 addresses (67 ms).
  const small = hostiles(100_000);
  const large = hostiles(400_000);
  for (const [i, text] of large.entries()) {
    const t1 = best(small[i] as string);
    const t4 = best(text);
    assert.ok(t4 < 8 * t1 + 20, `${JSON.stringify(text.slice(0, 12))}… (${text.length} chars): ${t4.toFixed(1)} ms against ${t1.toFixed(1)} ms at a quarter of the size`);
  }
});
