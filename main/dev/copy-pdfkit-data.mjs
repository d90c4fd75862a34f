// pdfkit (inside pdfmake, bundled into the report worker) reads its standard-font metrics from
// `${__dirname}/data`; in the bundle __dirname is dist/main, so the metrics are copied there.
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pdfkitDir = dirname(
  require.resolve('pdfkit/js/pdfkit.js', { paths: [dirname(require.resolve('pdfmake'))] }),
);
cpSync(join(pdfkitDir, 'data'), join('dist', 'main', 'data'), { recursive: true });
