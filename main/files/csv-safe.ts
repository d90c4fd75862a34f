import { stringify } from 'csv-stringify/sync';

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP's CSV injection rule),
// so a member named "=HYPERLINK(...)" would act when a reviewer opens the export.
const FORMULA_START = /^[=+\-@\t\r]/;
// ...but a plain signed number (an amount in a statement) is a number to every spreadsheet, never a formula.
const PLAIN_NUMBER = /^[+-]?[0-9]+(\.[0-9]+)?$/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** A cell as written to a CSV or Excel file: one a spreadsheet would run gets a leading apostrophe. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** A cell read back from a file this app wrote: the apostrophe that neutralised it is not the data. */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** Rows as CSV text with a header row, every text cell neutralised. */
export function writeCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return stringify([...rows], {
    header: true,
    columns: [...columns],
    cast: { string: neutraliseCell },
  });
}
