import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
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
