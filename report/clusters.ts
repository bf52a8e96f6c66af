// What the stage that applies dedup (tokenize, through dedup's doc editor) records for the
// report's "largest clusters" table: the kept representative of each duplicate cluster carries
// `meta.dedup_cluster_id` and `meta.dedup_cluster_size`; a task keeps its `k` largest clusters
// and writes them as examples `dedup.cluster` (reason `cluster <id> size <n>`) when it flushes.
// Plain `stats.example` would keep the first clusters of a task, not the largest.

import type { Document, Example, StatsCollector } from '../pipeline/index.ts';
import { EXAMPLES } from './counters.ts';

export interface ClusterSampler {
  /** Looks at one kept document; only cluster representatives count. */
  add(doc: Pick<Document, 'id' | 'url' | 'text' | 'meta'>): void;
  /** Writes the task's largest clusters as examples; call once, at the end of the task. */
  flush(): void;
}

export function clusterReason(cluster: string, size: number): string {
  return `cluster ${cluster} size ${size}`;
}

/** Reads `clusterReason`'s format back; undefined for another reason. */
export function parseClusterReason(reason: string): { cluster: string; size: number } | undefined {
  const m = /^cluster (\S+) size (\d+)$/.exec(reason);
  return m ? { cluster: m[1]!, size: Number(m[2]) } : undefined;
}

export function createClusterSampler(stats: StatsCollector, k = 20): ClusterSampler {
  const top: { size: number; example: Example }[] = [];
  return {
    add(doc) {
      const id = doc.meta['dedup_cluster_id'];
      const size = doc.meta['dedup_cluster_size'];
      if (typeof size !== 'number' || size < 2) return;
      if (top.length >= k && size <= top[top.length - 1]!.size) return;
      const cluster = typeof id === 'string' || typeof id === 'number' ? String(id) : doc.id;
      top.push({ size, example: { id: doc.id, ...(doc.url ? { url: doc.url } : {}), reason: clusterReason(cluster, size), text: doc.text } });
      // Stable: among equal sizes the first seen stays, so the result is deterministic per task.
      top.sort((a, b) => b.size - a.size);
      if (top.length > k) top.length = k;
    },
    flush() {
      for (const { example } of top) stats.example(EXAMPLES.clusters[0], example, k);
      top.length = 0;
    },
  };
}
