// The page count a report is checked against before it is laid out: never more than the pages it really
// takes (or a report that fits would be refused), and enough to refuse a huge one without laying it out.

import { describe, expect, it } from 'vitest';
import { type Block, BODY_WIDTH, fewestPages, renderReport } from '../../../main/reports/layout';
import { toKhmerDigits } from '../../../shared/khmer';

const footer = () => ({ left: '', right: '' });
const pagesIn = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

const table = (rows: number, cell: (i: number) => string): Block => ({
  kind: 'table',
  columns: [{ width: BODY_WIDTH / 3 }, { width: (2 * BODY_WIDTH) / 3 }],
  header: ['ឈ្មោះ', 'ព័ត៌មានបន្ថែម'],
  rows: Array.from({ length: rows }, (_, i) => [`ជួរទី${toKhmerDigits(String(i + 1))}`, cell(i)]),
  after: 10,
});

describe('the fewest pages a report can take', () => {
  it('is at most the pages it is drawn on, with rows that wrap, headings and page breaks', async () => {
    const long = 'សមាជិកបានដាក់ប្រាក់សន្សំនៅថ្ងៃប្រមូលប្រាក់ ហើយបានទទួលបង្កាន់ដៃពីគណនេយ្យករ '.repeat(3);
    const documents: Block[][] = [
      [table(400, () => '')],
      [table(150, (i) => (i % 3 === 0 ? long : 'ខ្លី'))],
      Array.from({ length: 12 }, (_, i): Block[] => [
        ...(i > 0 ? [{ kind: 'pageBreak' } as const] : []),
        { kind: 'paragraph', text: `សមាជិកលេខ ${i + 1}`, size: 12, bold: true },
        table(10 + 9 * i, () => 'ដាក់ប្រាក់'),
      ]).flat(),
    ];
    const counted: Array<[number, number]> = [];
    for (const blocks of documents) {
      counted.push([fewestPages(blocks), pagesIn(await renderReport({ blocks, footer }))]);
    }
    for (const [least, drawn] of counted) expect(least).toBeLessThanOrEqual(drawn);
    // Close enough to matter: a plain table fills its pages, one member a page is a page each.
    expect(counted[0]?.[0]).toBeGreaterThanOrEqual((counted[0]?.[1] ?? 0) - 1);
    expect(counted[2]?.[0]).toBeGreaterThanOrEqual(12);
  }, 120_000);

  it('refuses a report sure to pass the limit before laying out a page', async () => {
    // Half a million rows: laid out, a minute and gigabytes would go before the limit was reached.
    const blocks = [table(500_000, () => '')];
    expect(fewestPages(blocks)).toBeGreaterThan(10_000);
    await expect(renderReport({ blocks, footer })).rejects.toMatchObject({
      error: { code: 'report_too_long', params: { pages: 10_000 } },
    });
  }, 30_000);
});
