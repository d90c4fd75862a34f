// Builds the command line into dist/main/cli.mjs, beside the report worker (so that the fonts and pdfkit's
// metrics are found the same way): run through TypeScript at every start, the CLI spent several times the
// CPU of its own work compiling. An ES module split in chunks, so that the PDF code (pdfmake, fontkit,
// HarfBuzz's loader, a third of the whole) is read only by the commands that print. `npm run build:cli`
// runs it; bin/sahakum.cjs runs it when the bundle is missing or older than the code.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { copyPdfkitData } from './copy-pdfkit-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The bundled CommonJS packages (pdfkit and others) reach for require, __filename and __dirname, which an
// ES module has not: each chunk gets its own, for the folder it is in.
const BANNER = [
  "import { createRequire as __cliRequire } from 'node:module';",
  "import { fileURLToPath as __cliPath } from 'node:url';",
  "import { dirname as __cliDirname } from 'node:path';",
  'const require = __cliRequire(import.meta.url);',
  'const __filename = __cliPath(import.meta.url);',
  'const __dirname = __cliDirname(__filename);',
].join(' ');

const CHUNK = /^cli-[A-Z0-9]+\.mjs(\.map)?$/;

export async function buildCli() {
  const out = join(root, 'dist', 'main');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'main/cli.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    chunkNames: 'cli-[hash]',
    outExtension: { '.js': '.mjs' },
    outdir: out,
    // Native, and an ES module with a top-level await that the PDF commands alone load: both from node_modules.
    external: ['better-sqlite3', 'harfbuzzjs'],
    banner: { js: BANNER },
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  mkdirSync(out, { recursive: true });
  // Chunks first and the entry last, each written beside and renamed: a CLI started while another one
  // builds never reads half a bundle, nor an entry whose chunks are not there yet.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path.includes('cli.mjs')) - Number(b.path.includes('cli.mjs')),
  );
  for (const file of files) {
    const partial = `${file.path}.${process.pid}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  const written = new Set(files.map((file) => file.path));
  for (const name of readdirSync(out)) {
    if (CHUNK.test(name) && !written.has(join(out, name))) rmSync(join(out, name), { force: true });
  }
  copyPdfkitData(out);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
