/** The small interface the use cases see of the job queue (pg-boss behind it, see src/jobs/pg-boss-queue.ts). */
export interface JobQueue {
  /** Queues a job; `singletonKey` makes a second send with the same key a no-op while the first is queued. */
  send(name: string, data: object, options?: { startAfterSeconds?: number; singletonKey?: string }): Promise<void>;
}

/** A queue that drops jobs: for command-line work that must not trigger background work. */
export const noJobs: JobQueue = { send: async () => {} };
