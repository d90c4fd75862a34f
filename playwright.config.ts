import { defineConfig } from '@playwright/test';

// The main-process code under test and the page must share one calendar, as they do on the laptop:
// the cooperative's own time zone, whatever the machine running the tests uses.
process.env.TZ = 'Asia/Phnom_Penh';

// Electron's own binary cannot be downloaded here, so the built renderer runs in Debian's Chromium with
// its `window.sahakum` bridged to the real main-process router (tests/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 800 },
    locale: 'km-KH',
    timezoneId: 'Asia/Phnom_Penh',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
