import { join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import { BACKUP_EXTENSION } from '../backup/format';
import type { BackupDialogs } from '../backup/service';
import type { SaveDialog } from '../reports/service';

/** The system's save dialog, over the app's window, starting in the user's Documents with the report's name. */
export function pdfSaveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: () => BrowserWindow | null,
  documentsDir: string,
): SaveDialog {
  return {
    async choosePdfPath(suggestedName) {
      const options = {
        defaultPath: join(documentsDir, suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/**
 * The report worker's file. In a packaged app it sits unpacked beside the archive (a worker thread, its
 * fonts and HarfBuzz's WASM are read from the disk), so the path is moved out of app.asar.
 */
export const reportWorkerPath = (distDir: string) =>
  join(distDir, 'report-worker.js').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

/** The folder a backup goes to (a USB stick) and the backup file to restore or review, over the window. */
export function backupDialogs(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: () => BrowserWindow | null,
  documentsDir: string,
): BackupDialogs {
  const choose = async (options: OpenDialogOptions) => {
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    chooseFolder: () =>
      choose({ defaultPath: documentsDir, properties: ['openDirectory', 'createDirectory'] }),
    chooseBackupFile: () =>
      choose({
        defaultPath: documentsDir,
        filters: [{ name: 'Sahakum backup', extensions: [BACKUP_EXTENSION.slice(1)] }],
        properties: ['openFile'],
      }),
  };
}
