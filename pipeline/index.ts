// The pipeline's public face: config, documents, stats, stages and tasks, executors, run folders.
// (The stage registry, pipeline/stage-order.ts, is not re-exported here: it imports every folder, and
// those folders import this file.)

export type { Document, MetaValue } from './document.ts';
export { loadRunConfig, parseRunConfig, configHash, ConfigError, runConfigSchema, type RunConfig } from './config.ts';
export { createStats, mergeStats, LENGTH_EDGES, type TaskStats, type StatsCollector, type Histogram, type Example } from './stats.ts';
export type { Stage, StageContext, TaskContext, TaskSpec, StageCommand, JsonValue } from './stage.ts';
export type { Executor, TaskOutcome } from './executor.ts';
export { createDocWriter, readDocs, type DocWriter, type ExtraColumns } from './doc-store.ts';
export { writeFileAtomic, writeJsonAtomic, createAtomicStream, sweepTemporaries, tempPathFor, type AtomicStream } from './atomic.ts';
export { runPaths, listTaskFiles } from './run-dir.ts';
export { isS3, parseS3, joinS3, listObjects, readObject, readObjectAll, StorageError, type ObjectInfo } from './storage.ts';
export { runTask, loadRun, loadPlan, isTaskDone } from './task-runner.ts';
export { createTaskMemo, type TaskMemo } from './task-memo.ts';
export { runPipeline, prepareRunDir, planStage, pendingTasks, formatStageSummary, type RunSummary, type StageSummary } from './runner.ts';
export { createLocalExecutor, DEFAULT_REGISTRY } from './local-executor.ts';
export { createProgress, formatDuration, type Progress } from './progress.ts';
export { seededRandom } from './seeded-random.ts';
