import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../../main/reports/columns';
import type { Table } from '../../../main/reports/layout';

// A measure of 5 points a character, 6 in bold: enough to see which cell sized a column.
const measure = (text: string, bold: boolean) => [...text].length * (bold ? 6 : 5);
const options = { measure, bodyWidth: 500, padding: 6 };
const table = (rows: string[][], fit: boolean[]): Table => ({
  kind: 'table',
  columns: [{ width: 40 }, { width: 200 }, { width: 100 }].map((c, i) => ({ ...c, fit: fit[i] ?? false })),
  header: ['No', 'Name', 'Sum'],
  rows,
  boldRows: [rows.length - 1],
});

describe('column widths', () => {
  it('are the planned ones when no column fits its values', () => {
    expect(columnWidths(table([['1', 'x', '2']], [false, false, false]), options)).toEqual([40, 200, 100]);
  });

  it('make a fit column as wide as its widest value, bold rows bold, and give the rest to the text', () => {
    const rows = [
      ['1234', 'Sok', '1,000'],
      ['', 'Total', '125,000'],
    ];
    const [number, name, sum] = columnWidths(table(rows, [true, false, true]), options);
    expect(number).toBeCloseTo(4 * 5 + 6, 1);
    expect(sum).toBeCloseTo(7 * 6 + 6, 1);
    expect((number ?? 0) + (name ?? 0) + (sum ?? 0)).toBeCloseTo(340, 6);
  });

  it('keep a fit column wide enough for its header on one line', () => {
    const [number] = columnWidths(table([['7', 'a', '1']], [true, false, false]), options);
    expect(number).toBeCloseTo(2 * 6 + 6, 1);
  });

  it('grow the table up to the page for a third of the text columns, and narrow values only past it', () => {
    // The only row is the bold one: 60 characters of 6 points.
    const widths = columnWidths(table([['x'.repeat(60), 'a', '1']], [true, false, false]), options);
    expect(widths[0]).toBeCloseTo(366, 1);
    expect(widths[1]).toBeCloseTo((200 / 300) * 100, 6);
    expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(466, 1);
    const page = columnWidths(table([['x'.repeat(100), 'a', '1']], [true, false, false]), options);
    expect(page.reduce((s, w) => s + w, 0)).toBeCloseTo(500, 6);
    expect(page[1]).toBeCloseTo(200 / 3, 6);
  });
});
