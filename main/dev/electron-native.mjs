// Builds better-sqlite3 for Electron into build/electron-native/, leaving node_modules' build for Node
// (tests, CLI, benchmarks) untouched. It needs the internet the first time: a prebuilt binary for this
// Electron, or else Electron's headers to compile against.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();
const target = join(root, 'build/electron-native');
const moduleDir = join(target, 'node_modules/better-sqlite3');
const electronVersion = require('electron/package.json').version;
const stamp = join(target, 'electron-version');
const binary = join(moduleDir, 'build/Release/better_sqlite3.node');

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion)
  process.exit(0);

rmSync(target, { recursive: true, force: true });
mkdirSync(join(target, 'node_modules'), { recursive: true });
cpSync(join(root, 'node_modules/better-sqlite3'), moduleDir, {
  recursive: true,
  filter: (source) => !source.startsWith(join(root, 'node_modules/better-sqlite3/build')),
});
const electron = [`--runtime=electron`, `--target=${electronVersion}`];
try {
  execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), ...electron], {
    cwd: moduleDir,
    stdio: 'inherit',
  });
} catch {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  execFileSync(
    npx,
    ['--yes', 'node-gyp', 'rebuild', '--release', ...electron, '--dist-url=https://electronjs.org/headers'],
    { cwd: moduleDir, stdio: 'inherit', shell: process.platform === 'win32' },
  );
}
writeFileSync(stamp, electronVersion);
console.log(`better-sqlite3 built for Electron ${electronVersion}`);
