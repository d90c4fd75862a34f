// Debian's `hb-shape` (libharfbuzz-bin) as the tests' reference shaper: the glyphs a PDF holds must be the
// ones it gives for the same font file and text.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HbGlyph {
  g: number;
  cl: number;
  dx: number;
  dy: number;
  ax: number;
  ay: number;
}

/** Shapes many texts in one hb-shape process: one input line per text, one JSON array per output line. */
export function hbShape(fontFile: string, texts: string[], language: string): HbGlyph[][] {
  if (texts.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'hb-oracle-'));
  const input = join(dir, 'input.txt');
  writeFileSync(input, `${texts.join('\n')}\n`);
  const out = execFileSync(
    'hb-shape',
    [
      '--output-format=json',
      '--no-glyph-names',
      '--font-size=upem',
      `--language=${language}`,
      '--direction=ltr',
      `--text-file=${input}`,
      fontFile,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const lines = out.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== texts.length)
    throw new Error(`hb-shape gave ${lines.length} lines for ${texts.length}`);
  return lines.map((l) => JSON.parse(l) as HbGlyph[]);
}

/** unitsPerEm straight from the font file's head table (offset 18). */
export function upemOf(fontFile: string): number {
  const b = readFileSync(fontFile);
  const numTables = b.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (b.toString('latin1', rec, rec + 4) === 'head') return b.readUInt16BE(b.readUInt32BE(rec + 8) + 18);
  }
  throw new Error(`no head table in ${fontFile}`);
}
