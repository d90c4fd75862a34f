#!/usr/bin/env node
// `sahakum` (the package's bin) and `npm run cli`: the command line from its bundle, dist/main/cli.mjs,
// built first when it is missing or older than any source file, so that a fresh clone or an edit just works.
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');
const bundle = join(root, 'dist', 'main', 'cli.mjs');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of the files under `dir`, 0 where there is none (an installed copy). */
function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : (mtime(path) ?? 0);
    if (time > latest) latest = time;
  }
  return latest;
}

function stale() {
  const built = mtime(bundle);
  if (built === undefined) return true;
  const sources = [join(root, 'main'), join(root, 'shared')].map(newest);
  const lock = mtime(join(root, 'package-lock.json')) ?? 0;
  return Math.max(lock, ...sources) > built;
}

(async () => {
  if (stale()) {
    const { buildCli } = await import('../main/dev/build-cli.mjs');
    await buildCli();
  }
  await import(pathToFileURL(bundle).href);
})().catch((error) => {
  process.stderr.write(
    `the command line could not be built: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exitCode = 1;
});
