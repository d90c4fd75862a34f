// Builds better-sqlite3 for Electron into build/electron-native/, leaving node_modules' build for Node
// (tests, CLI, benchmarks) untouched. Needs Electron's headers, so it needs the internet the first time.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();
const target = join(root, 'build/electron-native');
const electronVersion = require('electron/package.json').version;
const stamp = join(target, 'electron-version');
const binary = join(target, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion)
  process.exit(0);

mkdirSync(join(target, 'node_modules'), { recursive: true });
cpSync(join(root, 'node_modules/better-sqlite3'), join(target, 'node_modules/better-sqlite3'), {
  recursive: true,
  filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
});
const { version } = require('better-sqlite3/package.json');
writeFileSync(
  join(target, 'package.json'),
  JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': version } }),
);
const { rebuild } = require('@electron/rebuild');
await rebuild({ buildPath: target, electronVersion, onlyModules: ['better-sqlite3'], force: true });
writeFileSync(stamp, electronVersion);
console.log(`better-sqlite3 built for Electron ${electronVersion}`);
