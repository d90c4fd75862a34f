// The PDF's text layer must give back the exact source text: each glyph run carries /ActualText, because
// Khmer glyph order (e.g. the pre-base vowel and subscript ro drawn first) differs from character order.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSamplePdf, SAMPLE_LINES, SAMPLE_WORDS } from './sample-pdf';

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe.each(['NotoSansKhmer-Regular', 'NotoSerifKhmer-Regular'])('text layer: %s', (khmerFont) => {
  it('pdftotext gives back every sample string exactly', async () => {
    const texts = [...SAMPLE_LINES, ...SAMPLE_WORDS];
    const { pdf } = await renderSamplePdf(khmerFont, texts);
    const file = join(mkdtempSync(join(tmpdir(), 'text-layer-')), 'sample.pdf');
    writeFileSync(file, pdf);
    const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const lines = extracted.split('\n').map(normalise).filter(Boolean);
    // Line by line, in order, after pdfmake's title line: nothing garbled, reordered, lost or added.
    expect(lines.slice(1)).toEqual(texts.map(normalise));
    for (const word of ['ផ្សាំ', 'ក្រុម', 'ប្រុស', 'ត្រូវ', 'សរុប 125,000៛ $312.50 ម៉ោង ៨:០០']) {
      expect(lines).toContain(word);
    }
  });
});
