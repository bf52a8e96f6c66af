// PII redaction as FineWeb's PIIFormatter: e-mail addresses, then public IPv4 addresses, replaced
// by fixed example values in rotation. Differences from datatrove, on purpose: the rotation restarts
// for every document (datatrove carries it across documents, which makes output depend on
// processing order), and the e-mail pattern is the FineWeb-era lowercase-only one unless `mixed_case`.

export interface PiiParams {
  remove_emails: boolean;
  remove_ips: boolean;
  only_remove_public_ips: boolean;
  email_replacement: readonly string[];
  ip_replacement: readonly string[];
  /** Match upper-case letters in e-mails too (datatrove after 2024-05-02). */
  mixed_case_emails: boolean;
}

export const PII_DEFAULTS: PiiParams = {
  remove_emails: true,
  remove_ips: true,
  only_remove_public_ips: true,
  email_replacement: ['email@example.com', 'firstname.lastname@example.org'],
  ip_replacement: ['22.214.171.124', '126.96.36.199', '188.8.131.52', '184.108.40.206', '220.127.116.11', '18.104.22.168'],
  mixed_case_emails: false,
};

const W = '[\\p{L}\\p{N}_]';
/** Python `\b` before the local part: the boundary depends on whether the next char is a word char. */
const WORD_BOUNDARY = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
const OCTET = '(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)';

const localClass = (mixed: boolean): string => `[${mixed ? 'a-zA-Z' : 'a-z'}0-9!#$%&'*+/=?^_\`{|}~-]`;

/** What follows the '@': dotted labels or an address literal. */
function domainSource(mixed: boolean): string {
  const a = mixed ? 'a-zA-Z' : 'a-z';
  const label = `[${a}0-9](?:[${a}0-9-]*[${a}0-9])?`;
  const literal = `\\[(?:${OCTET}\\.){3}(?:${OCTET}|[${a}0-9-]*[${a}0-9]:)\\]`;
  return `(?:(?:${label}\\.)+${label}|${literal})`;
}

/** FineWeb's e-mail pattern (global); exported for the tests, which compare the redactor's scan with it. */
export function emailRegex(mixed: boolean): RegExp {
  const local = `${localClass(mixed)}+(?:\\.${localClass(mixed)}+)*`;
  return new RegExp(`${WORD_BOUNDARY}${local}@${domainSource(mixed)}`, 'gu');
}

const IP_RE = new RegExp(`(?:${OCTET}\\.){3}${OCTET}`, 'g');

/**
 * The e-mail matches of `text`, replaced as `text.replace(email, replacement)` replaces them, in
 * time linear in the text. A match is a local part, its text's next '@' (a local part holds none)
 * and a domain, which the pattern matches at the '@' whatever the local part: so each '@' is
 * tried once, its domain first (`domain`, sticky), then the starts that can give a valid local
 * part (after the last character before the '@' that is not a local-part character or makes a
 * '..'), each with the sticky whole pattern, which fails at once where its \b lookaround does
 * not hold and otherwise reaches the '@' and matches. The pattern over the whole text evaluated
 * its Unicode lookarounds at every position (about 50 ns a character) and was quadratic on a run
 * like "a.a.a…a@" (20,000 pairs: 3.4 s).
 */
function replaceEmails(text: string, sticky: RegExp, domain: RegExp, inLocal: Uint8Array, replacement: () => string): string {
  let out = '';
  let last = 0;
  for (let a = text.indexOf('@'); a >= 0; a = text.indexOf('@', a + 1)) {
    // A local part ends in one of its class's characters, never a dot: with a dot before the '@'
    // no start can match, and trying each one would rescan the run up to it ("a.a.…a.@x.com").
    if (text.charCodeAt(a - 1) === 0x2e) continue;
    domain.lastIndex = a + 1;
    if (!domain.test(text)) continue;
    let q = a;
    while (q > last) {
      const c = text.charCodeAt(q - 1);
      if (!(c < 128 && inLocal[c] === 1) || (c === 0x2e && text.charCodeAt(q) === 0x2e)) break;
      q--;
    }
    for (let p = q; p < a; p++) {
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m === null) continue;
      out += text.slice(last, p) + replacement();
      last = p + m[0].length;
      break;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** IPv4 ranges that Python's `ipaddress` (3.11) does not call global: private, shared, reserved, … */
const NON_GLOBAL: readonly [number, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 29],
  ['192.0.0.170', 31],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['240.0.0.0', 4],
  ['255.255.255.255', 32],
].map(([ip, bits]) => [ipToInt(ip as string), bits as number]);

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

/** Python `ipaddress.ip_address(s)` accepts it (no leading zeros) and, when asked, it is global. */
export function isReplaceableIp(s: string, publicOnly: boolean): boolean {
  const parts = s.split('.');
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) return false;
  if (!publicOnly) return true;
  const v = ipToInt(s);
  for (const [net, bits] of NON_GLOBAL) {
    const size = 2 ** (32 - bits);
    if (v >= net && v < net + size) return false;
  }
  return true;
}

export function piiRedactor(p: PiiParams): (text: string) => { text: string; emails: number; ips: number } {
  const sticky = new RegExp(emailRegex(p.mixed_case_emails).source, 'uy');
  const domain = new RegExp(domainSource(p.mixed_case_emails), 'uy');
  // Characters of a local part: its class and the dot (no other character can be in one).
  const local = new RegExp(`^(?:${localClass(p.mixed_case_emails)}|\\.)$`, 'u');
  const inLocal = Uint8Array.from({ length: 128 }, (_, c) => (local.test(String.fromCharCode(c)) ? 1 : 0));
  return (input) => {
    let text = input;
    let emails = 0;
    let ips = 0;
    if (p.remove_emails) text = replaceEmails(text, sticky, domain, inLocal, () => p.email_replacement[emails++ % p.email_replacement.length]!);
    if (p.remove_ips) {
      text = text.replace(IP_RE, (m) => (isReplaceableIp(m, p.only_remove_public_ips) ? p.ip_replacement[ips++ % p.ip_replacement.length]! : m));
    }
    return { text, emails, ips };
  };
}
