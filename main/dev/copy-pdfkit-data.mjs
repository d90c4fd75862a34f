// pdfkit (inside pdfmake, bundled into the report worker and the CLI) reads its standard-font metrics from
// `${__dirname}/data`; in the bundles __dirname is dist/main, so the metrics are copied there.
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function copyPdfkitData(out = join(root, 'dist', 'main')) {
  const pdfkitDir = dirname(
    require.resolve('pdfkit/js/pdfkit.js', { paths: [dirname(require.resolve('pdfmake'))] }),
  );
  cpSync(join(pdfkitDir, 'data'), join(out, 'data'), { recursive: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) copyPdfkitData();
