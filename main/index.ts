import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, type BrowserWindow, dialog, session as electronSession, ipcMain, Menu } from 'electron';
import { DomainError } from '../shared/errors';
import { fileProblemSentence } from '../shared/file-problems';
import { type Backend, startBackend } from './backend';
import { systemClock } from './clock';
import { fileLogger } from './log';
import { workerRunner } from './reports/runner';
import { DATA_FILE } from './session';
import { wireAutomaticBackups } from './shell/backups';
import { backupDialogs, pdfSaveDialog, reportWorkerPath } from './shell/dialogs';
import { wireIpc } from './shell/ipc';
import { menuTemplate } from './shell/menu';
import { createMainWindow, lockDownSession, rendererEntry } from './shell/window';

// In development the native SQLite module is built for Electron beside the Node build the tests use
// (main/dev/electron-native.mjs); a packaged app has electron-builder's own rebuild in place.
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const built = join(
    app.getAppPath(),
    'build/electron-native/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  );
  return existsSync(built) ? built : undefined;
}

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const logError = fileLogger(dataDir);
  try {
    backend = await startBackend(dataDir, systemClock, {
      nativeBinding: nativeBinding(),
      logError,
      reports: (log) => workerRunner(reportWorkerPath(__dirname), log),
      saveDialog: pdfSaveDialog(dialog, () => mainWindow, app.getPath('documents')),
      backupDialogs: backupDialogs(dialog, () => mainWindow, app.getPath('documents')),
    });
  } catch (error) {
    logError(error);
    // The data file not being the books, damaged, in use or too new: said as the command line says it.
    const problem = error instanceof DomainError ? error.error : null;
    const km = problem && fileProblemSentence(problem, 'km');
    dialog.showErrorBox(
      'សហគមន៍ Sahakum',
      problem && km
        ? `${km}\n${fileProblemSentence(problem, 'en')}\n${join(dataDir, DATA_FILE)}`
        : 'មិនអាចបើកទិន្នន័យបានទេ។ សូមទាក់ទងអ្នកគាំទ្រ។\nThe data could not be opened. Please contact support.',
    );
    app.quit();
    return;
  }

  const started = backend;
  wireAutomaticBackups(app, (reason) => started.backups.automatic(reason), logError);
  lockDownSession(electronSession.defaultSession);
  const distDir = __dirname;
  wireIpc(ipcMain, backend.router, pathToFileURL(rendererEntry(distDir)).href);

  const showAbout = () =>
    void dialog.showMessageBox({ title: 'Sahakum', message: `សហគមន៍ Sahakum ${app.getVersion()}` });
  const setMenu = (language: 'km' | 'en') =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, showAbout)));
  setMenu(backend.preferences.get().language);
  backend.preferences.onChange((value) => setMenu(value.language));

  mainWindow = createMainWindow(distDir, !app.isPackaged);
}

// A second copy of the app on the same laptop would write to the same books: it hands over and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void backend?.close());
  void app.whenReady().then(start);
}
