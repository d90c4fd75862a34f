import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Session,
} from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Router } from '../../main/ipc/router';
import { pdfSaveDialog, reportWorkerPath } from '../../main/shell/dialogs';
import { wireIpc } from '../../main/shell/ipc';
import { menuTemplate } from '../../main/shell/menu';
import { createMainWindow, lockDownSession, preloadPath, WEB_PREFERENCES } from '../../main/shell/window';
import { channels, IPC_PREFIX, type SahakumBridge } from '../../shared/contract';
import type { Result } from '../../shared/errors';

type Listener = (...args: unknown[]) => unknown;
type IpcListener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

const fakes = vi.hoisted(() => {
  class FakeBrowserWindow {
    static instances: FakeBrowserWindow[] = [];
    readonly options: BrowserWindowConstructorOptions;
    readonly listeners = new Map<string, Listener>();
    readonly onceListeners = new Map<string, Listener>();
    windowOpenHandler: Listener | null = null;
    readonly loadFile = vi.fn((_file: string) => Promise.resolve());
    readonly show = vi.fn();
    readonly webContents = {
      setWindowOpenHandler: (handler: Listener) => {
        this.windowOpenHandler = handler;
      },
      on: (event: string, listener: Listener) => {
        this.listeners.set(event, listener);
      },
    };
    constructor(options: BrowserWindowConstructorOptions) {
      this.options = options;
      FakeBrowserWindow.instances.push(this);
    }
    once(event: string, listener: Listener) {
      this.onceListeners.set(event, listener);
    }
  }
  const handled = new Map<string, IpcListener>();
  return {
    FakeBrowserWindow,
    handled,
    ipcMain: {
      handle: vi.fn((channel: string, listener: IpcListener) => void handled.set(channel, listener)),
    },
    exposeInMainWorld: vi.fn((_name: string, _api: unknown) => undefined),
    invoke: vi.fn((_channel: string, _payload: unknown) => Promise.resolve({ ok: true, value: 'from main' })),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: fakes.FakeBrowserWindow,
  ipcMain: fakes.ipcMain,
  contextBridge: { exposeInMainWorld: fakes.exposeInMainWorld },
  ipcRenderer: { invoke: fakes.invoke },
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  app: { getPath: vi.fn(), quit: vi.fn(), on: vi.fn(), isPackaged: false },
  dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
  session: { defaultSession: {} },
}));

const DIST = join('/opt', 'Sahakum', 'resources', 'app', 'dist', 'main');

beforeEach(() => {
  fakes.FakeBrowserWindow.instances.length = 0;
  fakes.handled.clear();
  fakes.ipcMain.handle.mockClear();
  fakes.exposeInMainWorld.mockClear();
  fakes.invoke.mockClear();
});

describe('the main window', () => {
  it('locks the renderer down: isolated, sandboxed, no Node, web security on', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    createMainWindow(DIST, false);
    expect(fakes.FakeBrowserWindow.instances).toHaveLength(1);
    const window = fakes.FakeBrowserWindow.instances[0];
    const prefs = window?.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    expect(prefs?.preload).toBe(join(DIST, 'preload.js'));
    expect(preloadPath(DIST)).toBe(join(DIST, 'preload.js'));
    expect(prefs?.preload?.endsWith(join('dist', 'main', 'preload.js'))).toBe(true);
    expect(window?.loadFile).toHaveBeenCalledWith(join(DIST, '..', 'renderer', 'index.html'));
  });

  it('opens devTools only when asked', () => {
    createMainWindow(DIST, true);
    expect(fakes.FakeBrowserWindow.instances[0]?.options.webPreferences?.devTools).toBe(true);
  });

  it('denies new windows and prevents navigation and webviews', () => {
    createMainWindow(DIST, false);
    const window = fakes.FakeBrowserWindow.instances[0];
    expect(window?.windowOpenHandler?.({ url: 'https://example.com/phish' })).toEqual({ action: 'deny' });

    const navigation = { preventDefault: vi.fn() };
    window?.listeners.get('will-navigate')?.(navigation, 'https://example.com/');
    expect(navigation.preventDefault).toHaveBeenCalledTimes(1);

    const webview = { preventDefault: vi.fn() };
    window?.listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalledTimes(1);

    expect(window?.show).not.toHaveBeenCalled();
    window?.onceListeners.get('ready-to-show')?.();
    expect(window?.show).toHaveBeenCalledTimes(1);
  });

  it('cancels every request that is not for a local file, and every permission', () => {
    let onBeforeRequest: Listener | null = null;
    let permissionRequest: Listener | null = null;
    let permissionCheck: Listener | null = null;
    const session = {
      setPermissionRequestHandler: (handler: Listener) => {
        permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: Listener) => {
        permissionCheck = handler;
      },
      webRequest: {
        onBeforeRequest: (handler: Listener) => {
          onBeforeRequest = handler;
        },
      },
    };
    lockDownSession(session as unknown as Session);

    const decide = (url: string) => {
      const callback = vi.fn();
      (onBeforeRequest as Listener | null)?.({ url }, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]?.[0] as unknown;
    };
    expect(decide('https://fonts.example.com/khmer.woff2')).toEqual({ cancel: true });
    expect(decide('http://192.168.1.10/update')).toEqual({ cancel: true });
    expect(decide('ws://localhost:5173/')).toEqual({ cancel: true });
    expect(decide(`file://${join(DIST, '..', 'renderer', 'index.html')}`)).toEqual({ cancel: false });

    const granted = vi.fn();
    (permissionRequest as Listener | null)?.({}, 'geolocation', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect((permissionCheck as Listener | null)?.({}, 'media')).toBe(false);
  });
});

describe('the IPC door', () => {
  const RENDERER = 'file:///opt/Sahakum/resources/app/dist/renderer/index.html';
  const fromPage = (url: string | null) =>
    ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;

  function wired() {
    const dispatch = vi.fn((_channel: string, _payload: unknown) =>
      Promise.resolve<Result<unknown>>({ ok: true, value: 'answered' }),
    );
    const router: Router = { dispatch };
    wireIpc(fakes.ipcMain as unknown as IpcMain, router, RENDERER);
    return dispatch;
  }

  it('registers exactly one handler per contract channel, prefixed, and nothing else', () => {
    wired();
    const registered = fakes.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(registered).toEqual(channels.map((c) => IPC_PREFIX + c));
    expect(new Set(registered).size).toBe(channels.length);
    expect(registered).toContain('sahakum:members.create');
  });

  it('forwards a call from the app page to the router, unprefixed', async () => {
    const dispatch = wired();
    const payload = { id: 3 };
    const answer = await fakes.handled.get('sahakum:members.get')?.(
      fromPage(`${RENDERER}#/members/3`),
      payload,
    );
    expect(answer).toEqual({ ok: true, value: 'answered' });
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith('members.get', payload);
  });

  it('refuses a call from any other page without reaching the router', async () => {
    const dispatch = wired();
    const listener = fakes.handled.get('sahakum:members.list');
    for (const url of [
      'https://example.com/',
      'file:///tmp/other.html',
      `${RENDERER}.other`,
      'devtools://devtools/bundled/x.html',
      '',
    ]) {
      expect(await listener?.(fromPage(url), {})).toEqual({
        ok: false,
        error: { code: 'validation', field: 'sender' },
      });
    }
    expect(await listener?.(fromPage(null), {})).toEqual({
      ok: false,
      error: { code: 'validation', field: 'sender' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('the application menu', () => {
  const labels = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.label === undefined ? [] : [item.label]),
      ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
    ]);

  it('is in Khmer for km', () => {
    const template = menuTemplate('km', () => undefined);
    expect(template.map((item) => item.label)).toEqual(['ឯកសារ', 'មើល', 'ជំនួយ']);
    const all = labels(template);
    const khmer = 'ឯកសារ ចាកចេញ មើល ពង្រីក បង្រួម ទំហំដើម ពេញអេក្រង់ ជំនួយ អំពីសហគមន៍';
    expect(all).toEqual(khmer.split(' '));
    for (const label of all) expect(label).toMatch(/^[\u1780-\u17ff ]+$/);
  });

  it('is in English for en', () => {
    const template = menuTemplate('en', () => undefined);
    expect(labels(template)).toEqual([
      'File',
      'Quit',
      'View',
      'Zoom in',
      'Zoom out',
      'Actual size',
      'Full screen',
      'Help',
      'About Sahakum',
    ]);
  });

  it('calls back for About and leaves the rest to Electron roles', () => {
    const onAbout = vi.fn();
    const template = menuTemplate('km', onAbout);
    const help = template[2]?.submenu;
    const about = Array.isArray(help) ? help[0] : undefined;
    about?.click?.(
      ...([undefined, undefined, undefined] as unknown as Parameters<
        NonNullable<MenuItemConstructorOptions['click']>
      >),
    );
    expect(onAbout).toHaveBeenCalledTimes(1);
    const file = template[0]?.submenu;
    expect(Array.isArray(file) ? file.map((item) => item.role) : []).toEqual(['quit']);
  });
});

describe('the preload bridge', () => {
  async function loadPreload(): Promise<SahakumBridge> {
    vi.resetModules();
    await import('../../main/preload');
    expect(fakes.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = fakes.exposeInMainWorld.mock.calls[0] ?? [];
    expect(name).toBe('sahakum');
    return bridge as SahakumBridge;
  }

  it('exposes one object, sahakum, with one function', async () => {
    const bridge = await loadPreload();
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
  });

  it('passes a contract channel to the main process under the prefix', async () => {
    const bridge = await loadPreload();
    const payload = { text: 'ស្រីមុំ', status: 'all', sex: 'all', sort: 'name' };
    await expect(bridge.invoke('members.list', payload)).resolves.toEqual({ ok: true, value: 'from main' });
    expect(fakes.invoke).toHaveBeenCalledTimes(1);
    expect(fakes.invoke).toHaveBeenCalledWith('sahakum:members.list', payload);
  });

  it('never passes an unknown channel to the main process', async () => {
    const bridge = await loadPreload();
    for (const channel of ['members.delete', 'sahakum:members.list', 'toString', '__proto__', '']) {
      await expect(bridge.invoke(channel, {})).resolves.toEqual({
        ok: false,
        error: { code: 'validation', field: 'channel' },
      });
    }
    expect(fakes.invoke).not.toHaveBeenCalled();
  });
});

describe('saving a report', () => {
  it('asks the system dialog over the window, starting in Documents with the report name, PDF only', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/home/user/Documents/x.pdf' }));
    const window = new fakes.FakeBrowserWindow({});
    const dialog = pdfSaveDialog(
      { showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>,
      () => window as unknown as BrowserWindow,
      '/home/user/Documents',
    );
    expect(await dialog.choosePdfPath('balance-sheet-2026-10-31.pdf')).toBe('/home/user/Documents/x.pdf');
    expect(showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: join('/home/user/Documents', 'balance-sheet-2026-10-31.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('answers null when the user cancels', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    const dialog = pdfSaveDialog(
      { showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>,
      () => null,
      '/d',
    );
    expect(await dialog.choosePdfPath('x.pdf')).toBeNull();
  });

  it('runs the report worker from the unpacked copy beside a packaged archive', () => {
    expect(reportWorkerPath('/opt/Sahakum/resources/app.asar/dist/main')).toBe(
      join('/opt/Sahakum/resources/app.asar.unpacked/dist/main', 'report-worker.js'),
    );
    expect(reportWorkerPath('/work/sahakum/dist/main')).toBe(
      join('/work/sahakum/dist/main', 'report-worker.js'),
    );
  });
});

describe('where Electron and Node may be used', () => {
  const root = join(__dirname, '..', '..');
  const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

  function sources(folder: string): string[] {
    return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .sort();
  }

  const withoutComments = (text: string) =>
    text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');

  function importsOf(text: string): string[] {
    const code = withoutComments(text);
    const found: string[] = [];
    const patterns = [
      /\bfrom\s*['"]([^'"]+)['"]/g,
      /\bimport\s*['"]([^'"]+)['"]/g,
      /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
      /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    ];
    for (const pattern of patterns) {
      for (const match of code.matchAll(pattern)) if (match[1] !== undefined) found.push(match[1]);
    }
    return found;
  }

  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  // Reading Electron's package.json for its version (main/dev/electron-native.mjs) does not load Electron.
  const isElectron = (specifier: string) =>
    (specifier === 'electron' || specifier.startsWith('electron/')) && specifier !== 'electron/package.json';

  it('recognises every way of importing a module', () => {
    expect(importsOf(`import { app } from 'electron';`)).toEqual(['electron']);
    expect(importsOf(`import type { IpcMain } from "electron";`)).toEqual(['electron']);
    expect(importsOf(`import 'node:fs';`)).toEqual(['node:fs']);
    expect(importsOf(`const e = await import('electron/main');`)).toEqual(['electron/main']);
    expect(importsOf(`const fs = require('fs');`)).toEqual(['fs']);
    expect(isElectron('electron/main')).toBe(true);
    expect(isElectron('electron/package.json')).toBe(false);
    expect(importsOf(`// import { app } from 'electron';\nconst url = 'https://example.com';`)).toEqual([]);
  });

  it('lets only the shell, the entry point and the preload import electron', () => {
    const files = [...sources('main'), ...sources('shared'), ...sources('renderer')];
    expect(files).toContain('main/members/register.ts');
    expect(files).toContain('shared/schemas.ts');
    const importers = files.filter((file) => importsOf(read(file)).some(isElectron));
    const allowed = (file: string) =>
      file === 'main/index.ts' || file === 'main/preload.ts' || /^main\/shell\/[^/]+\.ts$/.test(file);
    expect(importers.filter((file) => !allowed(file))).toEqual([]);
    expect(importers).toContain('main/index.ts');
    expect(importers).toContain('main/preload.ts');
    expect(importers).toContain('main/shell/window.ts');
  });

  it('keeps shared/ pure: no Node, no Electron, no browser globals', () => {
    const files = sources('shared');
    expect(files).toContain('shared/khmer.ts');
    const node = new Set(builtinModules);
    const offences: string[] = [];
    for (const file of files) {
      const text = read(file);
      for (const specifier of importsOf(text)) {
        if (specifier.startsWith('node:') || node.has(specifier) || isElectron(specifier)) {
          offences.push(`${file} imports ${specifier}`);
        }
      }
      if (/\b(window|document)\s*\./.test(withoutComments(text)))
        offences.push(`${file} uses window or document`);
    }
    expect(offences).toEqual([]);
    expect(node.has('fs') && node.has('path')).toBe(true);
  });
});
