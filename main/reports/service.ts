import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import type { BuiltReport, ReportRequest, ReportSaveResult } from '../../shared/reports';
import { isDatabasePath, writeFileWhole } from '../files/write-whole';
import type { AppSession } from '../session';
import { reportFileName } from './catalog';
import type { ReportRunner } from './runner';

/** Where the user wants a PDF saved: the shell's save dialog, or a test's stand-in. */
export interface SaveDialog {
  /** The chosen path, or null when the user cancels. */
  choosePdfPath(suggestedName: string): Promise<string | null>;
}

/** How many built reports are kept for saving; the preview on screen is always the newest. */
const KEPT = 3;

/**
 * The Reports screen's side of the main process: builds a report through the runner (a worker thread in
 * the app), keeps the last few PDFs so that "Save" writes exactly what was previewed, and saves one where
 * the user chooses.
 */
export class ReportService {
  readonly #built = new Map<string, { fileName: string; pdf: Buffer }>();

  constructor(
    private readonly session: AppSession,
    private readonly runner: ReportRunner,
    private readonly dialog: SaveDialog | null,
    private readonly nativeBinding?: string,
  ) {}

  async build(request: ReportRequest): Promise<BuiltReport> {
    const today = this.session.now().today;
    const fileName = await reportFileName(this.session.db, request, today);
    const started = performance.now();
    const pdf = await this.runner.build({
      file: this.session.database.file,
      request,
      today,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    return this.keep(fileName, pdf, Math.round(performance.now() - started));
  }

  /** A PDF built elsewhere (the changes between two backups), kept to be saved as a built report is. */
  keep(fileName: string, pdf: Buffer, millis: number): BuiltReport {
    const id = randomUUID();
    this.#built.set(id, { fileName, pdf });
    for (const old of this.#built.keys()) {
      if (this.#built.size <= KEPT) break;
      this.#built.delete(old);
    }
    return { id, fileName, pdf: pdf.toString('base64'), bytes: pdf.length, millis };
  }

  async save(id: string): Promise<ReportSaveResult> {
    const built = this.#built.get(id);
    if (!built) throw new DomainError('not_found', 'id');
    if (!this.dialog) return { saved: false };
    const path = await this.dialog.choosePdfPath(built.fileName);
    if (path === null) return { saved: false };
    // A name typed over the books' own file in the save dialog would replace the books with a PDF.
    if (isDatabasePath(path, this.session.database.file))
      throw new DomainError('save_failed', 'path', { path });
    await writeFileWhole(path, built.pdf);
    return { saved: true, path };
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
