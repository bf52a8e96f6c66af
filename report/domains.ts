// What the extract stage counts for the report's domains section: the domain and TLD of each
// document's URL, split into kept and dropped. A Common Crawl file holds tens of thousands of
// domains, so a task keeps only its top domains and TLDs when it flushes: the report sums these
// per-task tops (an approximate global top list, exact for domains frequent in every task), and
// stats files stay small whatever the crawl. (Languages are counted by the filters.)

import type { Document, StatsCollector } from '../pipeline/index.ts';
import { COUNTERS } from './counters.ts';

export interface DomainCounter {
  /** Counts one document after the filters decided on it. */
  add(doc: Pick<Document, 'url'>, kept: boolean): void;
  /** Writes the top `topK` domains and TLDs of each kind into the task's stats; call once, at the end of the task. */
  flush(): void;
}

/** The host of a URL without a leading `www.`, and its last label; undefined for a missing or unparsable URL. */
export function domainOf(url: string | undefined): { domain: string; tld: string } | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (!host) return undefined;
  host = host.replace(/^www\d*\./, '').replace(/\.$/, '');
  const isIp = /^\d+(\.\d+){3}$/.test(host) || host.startsWith('[');
  return { domain: host, tld: isIp ? '(ip)' : (host.split('.').at(-1) ?? host) };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function flushTop(stats: StatsCollector, prefix: string, map: Map<string, number>, topK: number): void {
  const top = [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, topK);
  for (const [key, n] of top) stats.count(`${prefix}${key}`, n);
}

export function createDomainCounter(stats: StatsCollector, topK = 100): DomainCounter {
  const maps = {
    [COUNTERS.domainKeptPrefix]: new Map<string, number>(),
    [COUNTERS.domainDroppedPrefix]: new Map<string, number>(),
    [COUNTERS.tldKeptPrefix]: new Map<string, number>(),
    [COUNTERS.tldDroppedPrefix]: new Map<string, number>(),
  };
  return {
    add(doc, kept) {
      const d = domainOf(doc.url);
      if (!d) return;
      bump(maps[kept ? COUNTERS.domainKeptPrefix : COUNTERS.domainDroppedPrefix], d.domain);
      bump(maps[kept ? COUNTERS.tldKeptPrefix : COUNTERS.tldDroppedPrefix], d.tld);
    },
    flush() {
      for (const [prefix, map] of Object.entries(maps)) {
        flushTop(stats, prefix, map, topK);
        map.clear();
      }
    },
  };
}
