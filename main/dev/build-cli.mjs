// Builds the command line into one file, dist/main/cli.js, beside the report worker (so that the fonts and
// pdfkit's metrics are found the same way): run through TypeScript at every start, the CLI spent several
// times the CPU of its own work compiling. `npm run build:cli` runs it; bin/sahakum.cjs runs it when the
// bundle is missing or older than the code.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { copyPdfkitData } from './copy-pdfkit-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function buildCli() {
  const out = join(root, 'dist', 'main');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'main/cli.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: out,
    // Native, and an ES module with a top-level await that the PDF commands alone load: both from node_modules.
    external: ['better-sqlite3', 'harfbuzzjs'],
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  mkdirSync(out, { recursive: true });
  // Written beside and renamed: a CLI started while another one builds never reads half a bundle.
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  copyPdfkitData(out);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
