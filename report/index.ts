// The report folder's public surface: the `report` stage and the builder used by the CLI, and the
// two per-task counters other stages use to feed it (domains in extract, clusters in tokenize).

export { reportStage } from './stage.ts';
export { buildReport, reportData, type BuildOptions } from './build.ts';
export type { ReportData } from './aggregate.ts';
export { reportSchema, type ReportConfig } from './config.ts';
export { createDomainCounter, domainOf, type DomainCounter } from './domains.ts';
export { createClusterSampler, clusterReason, type ClusterSampler } from './clusters.ts';
/** Section ids of the page, in order (for tests and links). */
export { SECTIONS } from './html.ts';
