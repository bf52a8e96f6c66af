// The report folder's public surface: the `report` stage and the builder used by the CLI.

export { reportStage } from './stage.ts';
export { buildReport, reportData, type BuildOptions } from './build.ts';
export type { ReportData } from './aggregate.ts';
export { reportSchema, type ReportConfig } from './config.ts';
export { createDomainCounter, domainOf, type DomainCounter } from './domains.ts';
export { createClusterSampler, clusterReason, type ClusterSampler } from './clusters.ts';
