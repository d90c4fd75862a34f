// The widths a table is drawn with. A column that holds numbers, codes, dates or amounts is marked `fit`
// (layout.ts, Column.fit): it is made exactly as wide as the widest value it prints, so that no value is
// ever broken across lines whatever its digits or its length, and the text columns share what is left.

import type { Table } from './layout';

/** Room a rounding error may not take from a cell sized to fit its text exactly. */
const FIT_SLACK = 0.01;

export interface ColumnMeasure {
  /** Width in points of a cell's text at the table's size, bold or not. */
  measure(text: string, bold: boolean): number;
  /** The widest a table may be. */
  bodyWidth: number;
  /** A cell's padding, left and right together. */
  padding: number;
}

/**
 * `fit` columns as wide as their widest cell (bold rows measured bold) or their header on one line; the
 * other columns share the rest of the table's planned width in proportion to their planned widths. Text
 * columns keep at least a third of their planned widths, the table growing up to the body width for it;
 * only values wider than the page itself make the fit columns narrower (and those values wrap).
 */
export function columnWidths(t: Table, { measure, bodyWidth, padding }: ColumnMeasure): number[] {
  const planned = t.columns.map((c) => c.width);
  if (!t.columns.some((c) => c.fit)) return planned;
  const bold = new Set(t.boldRows ?? []);
  const needed = t.columns.map((column, i) => {
    if (!column.fit) return 0;
    let widest = 0;
    t.rows.forEach((row, r) => {
      const cell = row[i] ?? '';
      if (cell.trim() !== '') widest = Math.max(widest, measure(cell, bold.has(r)));
    });
    const header = t.header?.[i]?.trim() ?? '';
    if (header !== '') widest = Math.max(widest, measure(header, true));
    return widest + padding + FIT_SLACK;
  });
  const fitted = needed.reduce((sum, w) => sum + w, 0);
  const textPlanned = t.columns.reduce((sum, c) => sum + (c.fit ? 0 : c.width), 0);
  const tableWidth = Math.min(
    bodyWidth,
    planned.reduce((sum, w) => sum + w, 0),
  );
  const minText = textPlanned / 3;
  if (fitted + minText > bodyWidth) {
    const shrink = (bodyWidth - minText) / fitted;
    return t.columns.map((c, i) => (c.fit ? (needed[i] ?? 0) * shrink : c.width / 3));
  }
  const room = Math.max(tableWidth - fitted, minText);
  return t.columns.map((c, i) =>
    c.fit ? (needed[i] ?? 0) : textPlanned > 0 ? (c.width / textPlanned) * room : 0,
  );
}
