import { type BackupDialogs, BackupService } from './backup/service';
import type { Clock } from './clock';
import type { OpenOptions } from './db/open';
import { createHandlers } from './ipc/handlers';
import { authorize } from './ipc/roles';
import { createRouter, type Router } from './ipc/router';
import { fileLogger } from './log';
import { PreferencesStore } from './preferences';
import type { ReportRunner } from './reports/runner';
import { ReportService, type SaveDialog } from './reports/service';
import { logKhmerIcuProblems } from './reports/syllables';
import { AppSession } from './session';

export interface Backend {
  session: AppSession;
  preferences: PreferencesStore;
  router: Router;
  backups: BackupService;
  close(): Promise<void>;
}

export interface BackendOptions extends Pick<OpenOptions, 'nativeBinding'> {
  logError?: (error: unknown) => void;
  /**
   * Where reports are built: the app passes a worker thread; tests may build them in process
   * (reports/runner.ts). Chosen by the caller so that the shell's bundle never carries the report engine.
   */
  reports: (logError: (error: unknown) => void) => ReportRunner;
  /** Where a report is saved: the shell's save dialog (none in the CLI). */
  saveDialog?: SaveDialog;
  /** Where a backup goes and which one is restored or reviewed: the shell's dialogs (none in the CLI). */
  backupDialogs?: BackupDialogs;
}

/** Everything behind the IPC door, in plain Node: the Electron shell, the end-to-end tests and the CLI share it. */
export async function startBackend(dataDir: string, clock: Clock, options: BackendOptions): Promise<Backend> {
  const logError = options.logError ?? fileLogger(dataDir);
  // Electron's main process uses Chromium's ICU data, which may lack Khmer word breaks or collation.
  logKhmerIcuProblems(logError);
  const openOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const session = await AppSession.start(dataDir, clock, openOptions);
  const preferences = new PreferencesStore(dataDir);
  const reports = new ReportService(
    session,
    options.reports(logError),
    options.saveDialog ?? null,
    options.nativeBinding,
  );
  const backups = new BackupService(session, options.backupDialogs ?? null, options.nativeBinding);
  const router = createRouter(createHandlers(session, preferences, reports, backups), logError, (channel) =>
    authorize(channel, session),
  );
  return {
    session,
    preferences,
    router,
    backups,
    close: async () => {
      await reports.close();
      await session.close();
    },
  };
}
