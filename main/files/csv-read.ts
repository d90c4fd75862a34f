import { CsvError, parse } from 'csv-parse/sync';
import type { ErrorCode } from '../../shared/errors';
import { restoreCell } from './csv-safe';
import { decodeText, type TextSource } from './text-encoding';

/**
 * One refusal in an import file. `row` counts data rows from 1 as a spreadsheet shows them below the
 * header; row 0 is the header itself. `field` is the CSV column name, or 'file' when the row as a whole
 * cannot be read.
 */
export interface CsvRowError {
  row: number;
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

const SHOWN_CHARACTERS = 40;
const graphemes = new Intl.Segmenter('km', { granularity: 'grapheme' });
const COENG = '\u17d2';

/**
 * A header cell as a column name, short enough to repeat in a message: a file whose first line is a
 * megabyte of text is answered with its first words, cut between letters (never inside a Khmer cluster).
 */
export function columnName(cell: string): string {
  const name = cell.trim().toLowerCase();
  let shown = '';
  let count = 0;
  for (const { segment } of graphemes.segment(name.slice(0, SHOWN_CHARACTERS * 8))) {
    // Older ICU data ends a grapheme after a Khmer subscript sign (coeng, U+17D2); it belongs with the
    // consonant after it.
    if (count >= SHOWN_CHARACTERS && !shown.endsWith(COENG)) return `${shown}…`;
    shown += segment;
    count++;
  }
  return shown.length < name.length ? `${shown}…` : shown;
}

export const isBlankRow = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * The rows of a CSV file the user chose, header first, each cell as the spreadsheet showed it. A file
 * that is not text in an encoding we read is refused whole (a DomainError); one that is not CSV comes
 * back as a row error for the import to report with the others. Rows of the wrong width are left for the
 * import to report row by row.
 */
export function readCsvRows(source: TextSource): string[][] | CsvRowError {
  const text = decodeText(source);
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.records === 'number' ? error.records : 0;
    return { row, field: 'file', code: 'csv_invalid', params: { reason: error.code } };
  }
  return rows.map((cells) => cells.map(restoreCell));
}
