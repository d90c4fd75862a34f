// The report worker: a worker thread that builds PDFs away from the main process's event loop, so that the
// app stays responsive while a 3,000-page print job is laid out. It reads the cooperative's database through
// its own read-only connection (SQLite's WAL lets it read while the app writes) and keeps the fonts and
// HarfBuzz loaded between jobs.

import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../shared/errors';
import { openDatabase } from '../db/open';
import { buildReport } from './catalog';
import type { ReportAnswer, ReportJob } from './job';

/** Builds one report on its own read-only connection; a failure comes back as data, never a throw. */
export async function runJob(id: number, job: ReportJob): Promise<ReportAnswer> {
  try {
    const opened = await openDatabase(job.file, {
      readOnly: true,
      ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
    });
    try {
      const pdf = await buildReport(opened.db, job.request, job.today);
      return { id, ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
    } finally {
      await opened.close();
    }
  } catch (error) {
    if (error instanceof DomainError) return { id, ok: false, error: error.error };
    return {
      id,
      ok: false,
      error: { code: 'unexpected' },
      detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

const port = parentPort;
if (port) {
  port.on('message', (message: { id: number; job: ReportJob }) => {
    void runJob(message.id, message.job).then((answer) => {
      port.postMessage(answer, answer.ok ? [answer.pdf.buffer as ArrayBuffer] : []);
    });
  });
}
