import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, IPC_PREFIX } from '../../shared/contract';
import type { Router } from '../ipc/router';

/** Answers only the app's own page, loaded from the app's own file. */
export function isTrustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.split(/[?#]/)[0] === rendererUrl;
}

/** One ipcMain handler per contract channel, each going through the validating router. */
export function wireIpc(ipcMain: IpcMain, router: Router, rendererUrl: string): void {
  for (const channel of channels) {
    ipcMain.handle(IPC_PREFIX + channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, rendererUrl)) {
        return { ok: false, error: { code: 'validation', field: 'sender' } };
      }
      return router.dispatch(channel, payload);
    });
  }
}
