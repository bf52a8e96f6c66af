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

/** FineWeb's e-mail pattern (global); exported for the tests, which compare the redactor's scan with it. */
export function emailRegex(mixed: boolean): RegExp {
  const a = mixed ? 'a-zA-Z' : 'a-z';
  const local = `[${a}0-9!#$%&'*+/=?^_\`{|}~-]+(?:\\.[${a}0-9!#$%&'*+/=?^_\`{|}~-]+)*`;
  const label = `[${a}0-9](?:[${a}0-9-]*[${a}0-9])?`;
  const literal = `\\[(?:${OCTET}\\.){3}(?:${OCTET}|[${a}0-9-]*[${a}0-9]:)\\]`;
  return new RegExp(`${WORD_BOUNDARY}${local}@(?:(?:${label}\\.)+${label}|${literal})`, 'gu');
}

const IP_RE = new RegExp(`(?:${OCTET}\\.){3}${OCTET}`, 'g');

/**
 * The e-mail matches of `text`, replaced as `text.replace(email, replacement)` replaces them. A
 * match holds one '@' and only ASCII characters of `inMatch` (the pattern's classes, '.', '@',
 * '[', ']', ':'), so it lies in the run of such characters around an '@': only those runs are
 * tried, each start position once with the sticky pattern, which reads the characters before
 * the run for its word-boundary lookbehind as the scan of the whole text does. The whole-text
 * scan evaluated the pattern's Unicode lookarounds at every position: about 50 ns a character.
 */
function replaceEmails(text: string, sticky: RegExp, inMatch: Uint8Array, replacement: () => string): string {
  const isIn = (c: number): boolean => c < 128 && inMatch[c] === 1;
  let out = '';
  let last = 0;
  for (let a = text.indexOf('@'); a >= 0; ) {
    let start = a;
    while (start > last && isIn(text.charCodeAt(start - 1))) start--;
    let end = a + 1;
    while (end < text.length && isIn(text.charCodeAt(end))) end++;
    // A match starts before one of the run's '@'.
    const lastAt = text.lastIndexOf('@', end - 1);
    for (let p = start; p < lastAt; ) {
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m === null) {
        p++;
        continue;
      }
      out += text.slice(last, p) + replacement();
      p += m[0].length;
      last = p;
    }
    a = text.indexOf('@', end);
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
  const inMatch = new Uint8Array(128);
  const chars = new RegExp(`[${p.mixed_case_emails ? 'A-Z' : ''}a-z0-9!#$%&'*+/=?^_\`{|}~.@\\[\\]:-]`);
  for (let c = 0; c < 128; c++) if (chars.test(String.fromCharCode(c))) inMatch[c] = 1;
  return (input) => {
    let text = input;
    let emails = 0;
    let ips = 0;
    if (p.remove_emails) text = replaceEmails(text, sticky, inMatch, () => p.email_replacement[emails++ % p.email_replacement.length]!);
    if (p.remove_ips) {
      text = text.replace(IP_RE, (m) => (isReplaceableIp(m, p.only_remove_public_ips) ? p.ip_replacement[ips++ % p.ip_replacement.length]! : m));
    }
    return { text, emails, ips };
  };
}
