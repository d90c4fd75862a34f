// The layout's page breaking, read back from the PDF: a heading stays with the table it introduces.

import { describe, expect, it } from 'vitest';
import { type Block, BODY_WIDTH, renderReport } from '../../../main/reports/layout';
import { toKhmerDigits } from '../../../shared/khmer';
import { PdfFile, readTextSpans } from './pdf-reader';

const table = (rows: number): Block => ({
  kind: 'table',
  columns: [{ width: BODY_WIDTH / 2 }, { width: BODY_WIDTH / 2, align: 'right' }],
  header: ['ឈ្មោះ', 'ចំនួន'],
  rows: Array.from({ length: rows }, (_, i) => [`ជួរទី${toKhmerDigits(String(i + 1))}`, String(i + 1)]),
});

/** The page each run of text is drawn on, by its text. */
async function pagesOf(blocks: Block[]): Promise<Map<string, number>> {
  const pdf = await renderReport({ blocks, footer: () => ({ left: '', right: '' }) });
  const pages = new Map<string, number>();
  const spans = readTextSpans(new PdfFile(pdf));
  for (const span of spans) {
    if (!pages.has(span.actualText)) pages.set(span.actualText, span.page);
  }
  return pages;
}

describe('page breaking', () => {
  it('never leaves a heading alone at the foot of a page: it moves over with its table', async () => {
    // Filler lines until the first page has room for the heading but not for the table's first rows.
    for (let filler = 30; filler <= 40; filler++) {
      const blocks: Block[] = [
        ...Array.from({ length: filler }, (_, i): Block => ({ kind: 'paragraph', text: `បន្ទាត់ ${i + 1}` })),
        { kind: 'paragraph', text: 'ផ្នែកទី២', size: 11, bold: true, after: 2 },
        table(3),
      ];
      const pages = await pagesOf(blocks);
      expect(pages.get('ផ្នែកទី២'), `${filler} lines before the heading`).toBe(pages.get('ឈ្មោះ'));
      expect(pages.get('ឈ្មោះ')).toBe(pages.get('ជួរទី១'));
    }
  }, 60_000);

  it('still starts a heading on the page it fits with its table', async () => {
    const pages = await pagesOf([
      { kind: 'paragraph', text: 'ផ្នែកទី១', bold: true },
      table(2),
      { kind: 'paragraph', text: 'ផ្នែកទី២', bold: true },
      table(2),
    ]);
    expect([pages.get('ផ្នែកទី១'), pages.get('ផ្នែកទី២'), pages.get('ជួរទី២')]).toEqual([0, 0, 0]);
  });
});

describe('a report too long to build', () => {
  it('is refused with the limit named, instead of running the worker out of memory', async () => {
    const blocks = Array.from({ length: 200 }, (_, i): Block => ({ kind: 'paragraph', text: `បន្ទាត់ ${i}` }));
    const footer = () => ({ left: '', right: '' });
    await expect(renderReport({ blocks, footer, maxPages: 2 })).rejects.toMatchObject({
      error: { code: 'report_too_long', params: { pages: 2 } },
    });
    await expect(renderReport({ blocks, footer, maxPages: 10 })).resolves.toBeInstanceOf(Buffer);
  });
});
