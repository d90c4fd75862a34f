// Shaping oracle: the glyph ids and positions written into the PDF must equal what HarfBuzz's own command-line
// shaper (`hb-shape`, Debian libharfbuzz-bin) gives for the same font file and text. Glyphs and positions
// are read back out of the PDF's content stream (pdf-reader.ts), not taken from the layout objects.
//
// Tolerance: positions are written to the PDF rounded to 1/10000 pt, so each coordinate may differ from
// hb-shape's exact value by up to 0.00005 pt; the test allows 0.001 pt. Glyph ids must be equal.

import { describe, expect, it } from 'vitest';
import { splitRuns } from '../../../main/reports/shaping';
import { hbShape, upemOf } from './hb-shape';
import { PdfFile, readTextSpans } from './pdf-reader';
import { FONT_DIR, generatedLines, LATIN_FONT, renderSamplePdf, SAMPLE_LINES } from './sample-pdf';

const TOLERANCE_PT = 0.001;

describe.each(['NotoSansKhmer-Regular', 'NotoSerifKhmer-Regular'])('shaping oracle: %s', (khmerFont) => {
  it('writes exactly the glyphs and positions hb-shape gives', async () => {
    const texts = [...SAMPLE_LINES, ...generatedLines()];
    const sample = await renderSamplePdf(khmerFont, texts);
    const spans = readTextSpans(new PdfFile(sample.pdf));

    const fileOf = { khmer: `${FONT_DIR}${khmerFont}.ttf`, latin: `${FONT_DIR}${LATIN_FONT}.ttf` };
    const nameOf = { khmer: khmerFont, latin: LATIN_FONT };
    const runs = sample.lines.flatMap((line) =>
      splitRuns(line.text, sample.fonts.khmer.has).map((run) => ({ line, run })),
    );
    const started = performance.now();
    const expected = {
      khmer: hbShape(
        fileOf.khmer,
        runs.filter((r) => r.run.script === 'khmer').map((r) => r.run.text),
        'km',
      ),
      latin: hbShape(
        fileOf.latin,
        runs.filter((r) => r.run.script === 'latin').map((r) => r.run.text),
        'en',
      ),
    };
    const hbMs = performance.now() - started;
    const next = { khmer: 0, latin: 0 };

    expect(spans).toHaveLength(runs.length);
    const differences: string[] = [];
    let glyphCount = 0;
    let maxError = 0;
    let cursor = 0;
    let previousLine: unknown;
    runs.forEach(({ line, run }, i) => {
      const span = spans[i];
      const hb = expected[run.script][next[run.script]++];
      if (!span || !hb) throw new Error('missing span or hb-shape result');
      if (line !== previousLine) cursor = 0;
      previousLine = line;
      const scale = sample.size / upemOf(fileOf[run.script]);
      const where = `line ${sample.lines.indexOf(line)} run "${run.text}"`;
      if (span.actualText !== run.text) differences.push(`${where}: ActualText "${span.actualText}"`);
      if (!span.baseFont.endsWith(`+${nameOf[run.script]}`))
        differences.push(`${where}: font ${span.baseFont}`);
      if (span.page !== line.page) differences.push(`${where}: page ${span.page}`);
      if (span.glyphs.length !== hb.length) {
        differences.push(`${where}: ${span.glyphs.length} glyphs in PDF, hb-shape ${hb.length}`);
        return;
      }
      // Line origin in PDF device space (y up); the test placed each line at (x, y) from the top.
      const originX = line.x + cursor;
      const originY = sample.pageHeight - line.y;
      let penX = 0;
      let penY = 0;
      hb.forEach((h, k) => {
        const got = span.glyphs[k];
        if (!got) return;
        glyphCount++;
        const x = originX + (penX + h.dx) * scale;
        const y = originY + (penY + h.dy) * scale;
        const error = Math.max(Math.abs(got.x - x), Math.abs(got.y - y));
        maxError = Math.max(maxError, error);
        if (got.gid !== h.g) differences.push(`${where} glyph ${k}: gid ${got.gid}, hb-shape ${h.g}`);
        if (error > TOLERANCE_PT)
          differences.push(`${where} glyph ${k}: position off by ${error.toFixed(4)} pt`);
        penX += h.ax;
        penY += h.ay;
      });
      cursor += penX * scale;
    });

    console.log(
      `${khmerFont}: ${texts.length} lines, ${runs.length} runs, ${glyphCount} glyphs, ` +
        `${sample.pdf.length} bytes; render ${sample.ms.toFixed(0)} ms, hb-shape ${hbMs.toFixed(0)} ms; ` +
        `differences ${differences.length}, max position error ${maxError.toExponential(2)} pt`,
    );
    expect(differences.slice(0, 20)).toEqual([]);
    expect(glyphCount).toBeGreaterThan(10_000);
  });
});
