export { createSession, DEFAULT_LIMITS } from './session';
export { createMemoryStore } from './memory-store';
export type { MemoryStore } from './memory-store';
export { createWebStorageStore } from './web-storage-store';
export type { KeyValueStorage, WebStorageStoreOptions } from './web-storage-store';
export { createFileStore } from './file-store';
export type { FileStoreFs, FileStoreHandle, FileStoreOptions } from './file-store';
export { emptyProgress, parseProgress, countDay } from './progress';
export type { DayCounts } from './progress';
export { buildQueues, interleaveTopics } from './queue';
export type { QueueInput, Queues } from './queue';
export { summarizeProgress } from './stats';
export type { ProgressStats } from './stats';
export { PROGRESS_VERSION } from './types';
export type {
  AnswerResult, DueCounts, Progress, QueueName, Session, SessionLimits, SessionOptions, SessionSummary, Store, StudyItem,
} from './types';
