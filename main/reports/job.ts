import type { AppError } from '../../shared/errors';
import type { ReportRequest } from '../../shared/reports';

/** What the report worker is asked to do: open the database read-only and build one report. */
export interface ReportJob {
  /** The SQLite file of the open cooperative (the app's own connection keeps writing to it). */
  file: string;
  request: ReportRequest;
  /** The print date, YYYY-MM-DD. */
  today: string;
  nativeBinding?: string;
}

export type ReportAnswer =
  | { id: number; ok: true; pdf: Uint8Array }
  | { id: number; ok: false; error: AppError; detail?: string };
