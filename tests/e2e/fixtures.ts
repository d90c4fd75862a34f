import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { type Backend, startBackend } from '../../main/backend';
import { systemClock } from '../../main/clock';
import { workerRunner } from '../../main/reports/runner';
import { signInAdmin } from '../support/users';

const RENDERER_DIR = join(process.cwd(), 'dist', 'renderer');
const REPORT_WORKER = join(process.cwd(), 'dist', 'main', 'report-worker.js');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** Serves the built renderer: module scripts cannot load from file:// in a plain browser. */
async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(RENDERER_DIR, path === '/' ? 'index.html' : path);
    if (!file.startsWith(RENDERER_DIR) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface AppFixture {
  backend: Backend;
  dataDir: string;
  /** Opens the app, as the Electron window would, on this test's own data folder. */
  open(): Promise<void>;
  /** Opens the app and goes from the home screen to the member register, where the older specs start. */
  openMembers(): Promise<void>;
  /** Saves a screenshot of the whole window under the test's output folder. */
  shot(name: string): Promise<void>;
  /** Paths the save dialog answered with, in order. */
  saved: string[];
  /** The folder the backup folder dialog answers with, and the file the next backup file dialog answers. */
  usb: string;
  answerBackupFile(file: string | null): void;
  /** Unexpected errors the main process logged (each test expects none). */
  loggedErrors: unknown[];
}

export const test = base.extend<{ app: AppFixture }, { rendererUrl: string }>({
  rendererUrl: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies destructured.
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, rendererUrl }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sahakum-e2e-'));
    const loggedErrors: unknown[] = [];
    const saved: string[] = [];
    const usb = join(dataDir, 'usb');
    let backupFile: string | null = null;
    const backend = await startBackend(dataDir, systemClock, {
      logError: (error) => loggedErrors.push(error),
      // The report worker as the app runs it: the bundle `npm run build` made, in its own thread.
      reports: (log) => workerRunner(REPORT_WORKER, log),
      // The save dialog answers with a file in the test's folder, as if the user had chosen it.
      saveDialog: {
        choosePdfPath: async (name) => {
          const path = join(dataDir, 'saved', name);
          mkdirSync(dirname(path), { recursive: true });
          saved.push(path);
          return path;
        },
      },
      // The folder and file dialogs answer as the save dialog does, as if the user had chosen.
      backupDialogs: {
        chooseFolder: async () => {
          mkdirSync(usb, { recursive: true });
          return usb;
        },
        chooseBackupFile: async () => backupFile,
      },
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    // The preload's one object, reaching the real router the way ipcRenderer.invoke would.
    await page.exposeBinding('__sahakumInvoke', (_source, channel: string, payload: unknown) =>
      backend.router.dispatch(channel, payload),
    );
    await page.addInitScript(() => {
      const invoke = (window as unknown as { __sahakumInvoke: (c: string, p: unknown) => Promise<unknown> })
        .__sahakumInvoke;
      Object.defineProperty(window, 'sahakum', { value: Object.freeze({ invoke }), writable: false });
    });
    const fixture: AppFixture = {
      backend,
      dataDir,
      loggedErrors,
      saved,
      usb,
      answerBackupFile: (file) => {
        backupFile = file;
      },
      open: async () => {
        // Books made by the test through the business code have no users yet: the test's administrator
        // is made and signed in, as the first-run wizard's last step does. A first-run test starts in setup.
        // A test that signed someone in itself (a demo's own users) stays signed in as them.
        const { auth } = await backend.session.status();
        if (auth === 'createAdmin' || auth === 'signIn') await signInAdmin(backend);
        await page.goto(rendererUrl);
        await page.evaluate(() => document.fonts.ready);
      },
      openMembers: async () => {
        await fixture.open();
        await page.getByRole('navigation').getByRole('button', { name: 'សមាជិក', exact: true }).click();
        await expect(page.getByRole('heading', { name: 'បញ្ជីសមាជិក' })).toBeVisible();
      },
      shot: async (name) => {
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
      },
    };
    await use(fixture);
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
    expect(loggedErrors, 'the main process logged no unexpected error').toEqual([]);
    expect(pageErrors, 'the page raised no error (CSP violations included)').toEqual([]);
  },
});

export type { Page };
export { expect };
