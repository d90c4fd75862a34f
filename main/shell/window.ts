import { join } from 'node:path';
import { BrowserWindow, type Session, type WebPreferences } from 'electron';

// The renderer is a page with no Node, no navigation away from itself, no new windows and no network.
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const satisfies WebPreferences;

export const rendererEntry = (distDir: string) => join(distDir, '..', 'renderer', 'index.html');
export const preloadPath = (distDir: string) => join(distDir, 'preload.js');

/** Only the app's own files may load: a page that asks for anything on a network gets nothing. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const local = details.url.startsWith('file://') || details.url.startsWith('devtools://');
    callback({ cancel: !local });
  });
}

export function createMainWindow(distDir: string, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f6f4ef',
    title: 'សហគមន៍ Sahakum',
    webPreferences: { ...WEB_PREFERENCES, preload: preloadPath(distDir), devTools },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererEntry(distDir));
  return window;
}
