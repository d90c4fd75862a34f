// Mixed Khmer, digits and punctuation through the real report pipeline (layout, HarfBuzz, the PDF), read back
// out of the PDF (pdf-reader.ts): where lines break, and whether each line's glyphs are hb-shape's.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Block, renderReport } from '../../../main/reports/layout';
import { hbShape, upemOf } from './hb-shape';
import { PdfFile, readTextSpans, type TextSpan } from './pdf-reader';

const FONT_DIR = join(process.cwd(), 'resources', 'fonts');
const SIZE = 9;

/** Letters, digits and punctuation written together, as villages and notes are typed. */
const MIXED = [
  'ស្រែ៣៤៥,៦៧៨,០០០៛',
  'សហករណ៍០១២៣៤៥៦៧៨៩គ្រឿង',
  'ភូមិស្រែ៣៤៥,៦៧៨,០០០៛។ សហគមន៍កសិកម្មប្រាក់សន្សំ',
  'ថ្ងៃទី១៥/០១/២០២៥ វេលាម៉ោង ៨:០០ ព្រឹក។',
  'សរុប 125,000៛ និង $312.50 (ប្រាក់សន្សំ)',
  'ក្រុម-ស្រែ៣៤៥-៦៧៨ ផ្លូវលេខ ១២៣/៤៥៦ ភូមិ ក, ខ។',
  'សមាជិកលេខ១២៣៤ទិញភាគហ៊ុន១.២០០.០០០៛ថ្ងៃទី០១.០២.២០២៦។',
  'វិញ្ញាបនបត្រ ១២–១៥, ២០, ៣១–៤០',
  'ស្រែ345,678,000៛ភូមិ0123-4567/89:10.5គ្រឿង',
  'សមាជិកទាំងអស់ត្រូវចូលរួមកិច្ចប្រជុំប្រចាំខែ នៅថ្ងៃទី១៥ ខែមករា ឆ្នាំ២០២៥ វេលាម៉ោង ៨:០០ ព្រឹក។',
];
/** Cell widths in points: from a little more than the widest number above to a wide column. */
const WIDTHS = [84, 100, 120, 150, 200];

const squeeze = (s: string) => s.replace(/\s+/g, '');
/** The index in `text` of its `count`-th character that is not a space. */
const atNonSpace = (text: string, count: number) => {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text.charAt(i))) continue;
    if (seen === count) return i;
    seen++;
  }
  return text.length;
};
const DIGIT = /[0-9\u17e0-\u17e9]/;

interface PrintedLine {
  text: string;
  spans: TextSpan[];
}

/** The cells' lines, in order: spans that follow each other on one baseline make one line. */
function linesOf(spans: TextSpan[]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  let last: TextSpan | undefined;
  for (const span of spans) {
    const y = span.glyphs[0]?.y;
    const sameLine = last && last.page === span.page && Math.abs((last.glyphs[0]?.y ?? 0) - (y ?? 0)) < 0.01;
    if (sameLine) {
      const line = lines[lines.length - 1] as PrintedLine;
      line.text += span.actualText;
      line.spans.push(span);
    } else lines.push({ text: span.actualText, spans: [span] });
    last = span;
  }
  return lines;
}

describe('mixed Khmer, digits and punctuation printed in cells of many widths', () => {
  const cells: Array<{ text: string; width: number; lines: PrintedLine[] }> = [];

  beforeAll(async () => {
    const blocks: Block[] = MIXED.flatMap((text) =>
      WIDTHS.map((width): Block => ({ kind: 'table', columns: [{ width }], rows: [[text]], size: SIZE })),
    );
    const pdf = await renderReport({ blocks, footer: () => ({ left: '', right: '' }) });
    const lines = linesOf(readTextSpans(new PdfFile(pdf)));
    // Hand the printed lines back to the cell they belong to, in order.
    let at = 0;
    for (const text of MIXED) {
      for (const width of WIDTHS) {
        const mine: PrintedLine[] = [];
        while (squeeze(mine.map((l) => l.text).join('')) !== squeeze(text)) {
          const line = lines[at++];
          if (!line) throw new Error(`the PDF ran out of lines in "${text}" at ${width} pt`);
          mine.push(line);
        }
        cells.push({ text, width, lines: mine });
      }
    }
    expect(at).toBe(lines.length);
  }, 60_000);

  it('wraps the longer strings in the narrower cells', () => {
    expect(cells).toHaveLength(MIXED.length * WIDTHS.length);
    expect(cells.filter((c) => c.lines.length > 1).length).toBeGreaterThan(15);
    expect(cells.find((c) => c.text === MIXED[1] && c.width === 84)?.lines.map((l) => l.text)).toEqual([
      'សហករណ៍',
      '០១២៣៤៥៦៧៨៩',
      'គ្រឿង',
    ]);
    expect(cells.find((c) => c.text === MIXED[2] && c.width === 84)?.lines.map((l) => l.text)).toEqual([
      'ភូមិ',
      'ស្រែ',
      '៣៤៥,៦៧៨,០០០៛។',
      'សហគមន៍កសិកម្ម',
      'ប្រាក់សន្សំ',
    ]);
    expect(cells.find((c) => c.text === MIXED[4] && c.width === 84)?.lines.map((l) => l.text)).toEqual([
      'សរុប 125,000៛ និង',
      '$312.50 (ប្រាក់សន្សំ)',
    ]);
  });

  it('never breaks inside a number or before closing punctuation, never inside a syllable', () => {
    const problems: string[] = [];
    for (const { text, width, lines } of cells) {
      let printed = 0;
      lines.slice(1).forEach((line, k) => {
        const before = (lines[k] as PrintedLine).text.trimEnd();
        const after = line.text.trimStart();
        const where = `"${text}" at ${width} pt: "${before}" | "${after}"`;
        // Where the break is in the source text: a space there separates whatever stands on either side.
        printed += squeeze(before).length;
        const spaced = /\s/.test(text.slice(0, atNonSpace(text, printed)).slice(-1));
        const number = new RegExp(`${DIGIT.source}[-.,:/\u2013]?$`).test(before);
        if (!spaced && number && new RegExp(`^[-.,:/\u2013]?${DIGIT.source}`).test(after))
          problems.push(`inside a number ${where}`);
        // A dollar sign closes ៣១២,៥០$ but opens $312.50.
        if (/^([\u17d4\u17d5\u17db.,;:!?)\]%]|\$(?![0-9]))/.test(after))
          problems.push(`before closing punctuation ${where}`);
        if (/(^|\s)\$$|\($/.test(before)) problems.push(`after opening punctuation ${where}`);
        if (/^[\u17b4-\u17d3\u17dd]/.test(after) || before.endsWith('\u17d2'))
          problems.push(`inside a syllable ${where}`);
        // A final consonant with bantoc or toandakhiat is never the start of a line: ICU or another syllable
        // gives a better place in these strings.
        if (/^[\u1780-\u17a2][\u17cb\u17cd]/.test(after)) problems.push(`before a final ${where}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('draws each line inside its cell', () => {
    const margin = 15 * (72 / 25.4);
    for (const { width, lines } of cells) {
      for (const line of lines) {
        for (const g of line.spans.flatMap((s) => s.glyphs)) {
          expect(g.x).toBeGreaterThanOrEqual(margin);
          expect(g.x).toBeLessThanOrEqual(margin + width);
        }
      }
    }
  });

  it('draws a line of Khmer with its digits and punctuation in the Khmer font alone, as hb-shape shapes it', () => {
    // Khmer, with digits and , - . : / – between its characters and punctuation after them: one string for
    // the Khmer font.
    const khmerOnly = /^[\u1780-\u17ff]([\u1780-\u17ff0-9,\-.:/\u2013 ]*[\u1780-\u17ff,\-.:/\u2013])?$/;
    const lines = cells.flatMap((c) => c.lines);
    const whole = lines.filter((l) => khmerOnly.test(l.text) && /[,\-.:/]/.test(l.text));
    expect(whole.length).toBeGreaterThan(20);
    for (const line of whole) {
      expect(line.spans.map((s) => s.baseFont.replace(/^[A-Z]{6}\+/, ''))).toEqual(['NotoSansKhmer-Regular']);
    }
    // Every run printed, Khmer and Latin alike, against hb-shape in its own font file.
    const spans = lines.flatMap((l) => l.spans);
    const fontOf = (span: TextSpan) => span.baseFont.replace(/^[A-Z]{6}\+/, '');
    const byFont = new Map<string, TextSpan[]>();
    for (const span of spans) byFont.set(fontOf(span), [...(byFont.get(fontOf(span)) ?? []), span]);
    expect([...byFont.keys()].sort()).toEqual(['NotoSans-Regular', 'NotoSansKhmer-Regular']);
    const differences: string[] = [];
    for (const [font, fontSpans] of byFont) {
      const file = join(FONT_DIR, `${font}.ttf`);
      const scale = SIZE / upemOf(file);
      const language = font.includes('Khmer') ? 'km' : 'en';
      const expected = hbShape(
        file,
        fontSpans.map((s) => s.actualText),
        language,
      );
      fontSpans.forEach((span, i) => {
        const hb = expected[i] ?? [];
        const got = span.glyphs;
        if (got.map((g) => g.gid).join(',') !== hb.map((h) => h.g).join(',')) {
          differences.push(
            `"${span.actualText}": glyphs ${got.map((g) => g.gid)} vs hb-shape ${hb.map((h) => h.g)}`,
          );
          return;
        }
        const originX = (got[0]?.x ?? 0) - (hb[0]?.dx ?? 0) * scale;
        const originY = (got[0]?.y ?? 0) - (hb[0]?.dy ?? 0) * scale;
        let pen = 0;
        hb.forEach((h, k) => {
          const g = got[k];
          const x = originX + (pen + h.dx) * scale;
          const y = originY + h.dy * scale;
          if (!g || Math.abs(g.x - x) > 0.001 || Math.abs(g.y - y) > 0.001)
            differences.push(`"${span.actualText}" glyph ${k}: position`);
          pen += h.ax;
        });
      });
    }
    expect(differences).toEqual([]);
  });
});
