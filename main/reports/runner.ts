// Where reports are built. In the app, a worker thread (worker.ts, bundled as report-worker.mjs) builds them so
// that the main process keeps answering the window; the CLI and unit tests may build them in process.

import { Worker } from 'node:worker_threads';
import { DomainError } from '../../shared/errors';
import type { ReportAnswer, ReportJob } from './job';

export interface ReportRunner {
  build(job: ReportJob): Promise<Buffer>;
  close(): Promise<void>;
}

function answerToBuffer(answer: ReportAnswer, logError: (error: unknown) => void): Buffer {
  if (answer.ok) return Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength);
  if (answer.detail) logError(new Error(`report worker: ${answer.detail}`));
  throw new DomainError(answer.error.code, answer.error.field, answer.error.params);
}

/** Builds reports on this thread (the CLI, unit tests). */
export function inProcessRunner(logError: (error: unknown) => void = () => {}): ReportRunner {
  return {
    async build(job) {
      const { runJob } = await import('./worker');
      return answerToBuffer(await runJob(0, job), logError);
    },
    close: async () => {},
  };
}

/**
 * Builds reports in one long-lived worker thread running `script` (a file, or with `eval` a bootstrap that
 * loads one: the tests start worker.ts itself through tsx). Jobs are answered by id; if the worker dies, the
 * jobs in flight fail with 'unexpected' and the next job starts a new worker.
 */
export function workerRunner(
  script: string,
  logError: (error: unknown) => void,
  options: { eval?: boolean } = {},
): ReportRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: unknown) => void }>();

  const failAll = (error: unknown) => {
    logError(error);
    for (const { reject } of pending.values()) reject(new DomainError('unexpected'));
    pending.clear();
    worker = null;
  };

  const start = () => {
    const w = new Worker(script, { eval: options.eval ?? false });
    w.on('message', (answer: ReportAnswer) => {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      try {
        waiting.resolve(answerToBuffer(answer, logError));
      } catch (error) {
        waiting.reject(error);
      }
    });
    w.on('error', failAll);
    w.on('exit', (code) => {
      if (worker === w) failAll(new Error(`report worker exited with code ${code}`));
    });
    return w;
  };

  return {
    build(job) {
      worker ??= start();
      const id = nextId++;
      const w = worker;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, job });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
