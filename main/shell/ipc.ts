import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, IPC_PREFIX } from '../../shared/contract';
import type { Router } from '../ipc/router';

/** Answers only the app's own page, loaded from the app's own files. */
export function isTrustedSender(event: IpcMainInvokeEvent, rendererUrlPrefix: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(rendererUrlPrefix);
}

/** One ipcMain handler per contract channel, each going through the validating router. */
export function wireIpc(ipcMain: IpcMain, router: Router, rendererUrlPrefix: string): void {
  for (const channel of channels) {
    ipcMain.handle(IPC_PREFIX + channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, rendererUrlPrefix)) {
        return { ok: false, error: { code: 'validation', field: 'sender' } };
      }
      return router.dispatch(channel, payload);
    });
  }
}
