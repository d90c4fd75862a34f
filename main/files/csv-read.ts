import { DomainError, type ErrorCode } from '../../shared/errors';
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

export const MAX_ROW_ERRORS = 100;
/**
 * The most data rows an import file may have: thirteen times the largest cooperative's register (about
 * 1,500 members), so that only the wrong file (a whole ledger export, a log) is refused for it, at once.
 */
export const MAX_CSV_ROWS = 20_000;

/**
 * The errors of one import file, the first hundred of them: a file with more is the wrong file (or all
 * of it is wrong), and listing half a million rows would take longer than reading them.
 */
export class RowErrors {
  readonly list: CsvRowError[] = [];

  add(error: CsvRowError): void {
    if (this.full) return;
    this.list.push(error);
    if (this.list.length === MAX_ROW_ERRORS) {
      this.list.push({
        row: error.row,
        field: 'file',
        code: 'too_many_errors',
        params: { shown: MAX_ROW_ERRORS },
      });
    }
  }

  /** No more errors are taken: the import can stop reading. */
  get full(): boolean {
    return this.list.length > MAX_ROW_ERRORS;
  }

  get any(): boolean {
    return this.list.length > 0;
  }
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

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

type Parsed = { rows: string[][] } | { row: number; reason: string } | { tooMany: true };

/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by commas, records by CRLF, LF or CR, a field
 * in double quotes may hold commas, line breaks and doubled quotes. A quote anywhere else is a mistake
 * the file is refused for (reasons named as csv-parse names them). Written here rather than taken from
 * csv-parse, which reads a megabyte of Khmer in about a second: this reads it in a few milliseconds.
 */
export function parseCsv(text: string, maxRows = Number.POSITIVE_INFINITY): Parsed {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      value = '';
      let from = i + 1;
      for (;;) {
        const end = text.indexOf('"', from);
        if (end === -1) return { row: rows.length, reason: 'CSV_QUOTE_NOT_CLOSED' };
        if (text.charCodeAt(end + 1) === QUOTE) {
          value += text.slice(from, end + 1);
          from = end + 2;
          continue;
        }
        value += text.slice(from, end);
        i = end + 1;
        break;
      }
      const next = text.charCodeAt(i);
      if (i < text.length && next !== COMMA && next !== LF && next !== CR) {
        return { row: rows.length, reason: 'CSV_INVALID_CLOSING_QUOTE' };
      }
    } else {
      let end = i;
      for (; end < text.length; end++) {
        const c = text.charCodeAt(end);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE) return { row: rows.length, reason: 'INVALID_OPENING_QUOTE' };
      }
      value = text.slice(i, end);
      i = end;
    }
    row.push(value);
    if (i >= text.length) break;
    if (text.charCodeAt(i) === COMMA) {
      i++;
      // A comma at the very end still opens one last, empty field.
      if (i === text.length) row.push('');
      continue;
    }
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    // Half a million one-letter rows would take longer to hold than to refuse.
    if (rows.length > maxRows) return { tooMany: true };
  }
  if (row.length > 0) rows.push(row);
  return rows.length > maxRows ? { tooMany: true } : { rows };
}

/**
 * The rows of a CSV file the user chose, header first, each cell as the spreadsheet showed it. A file
 * that is not text in an encoding we read, or of more rows than any register, is refused whole (a
 * DomainError); one that is not CSV comes
 * back as a row error for the import to report with the others. Rows of the wrong width are left for the
 * import to report row by row.
 */
export function readCsvRows(source: TextSource): string[][] | CsvRowError {
  // The header and MAX_CSV_ROWS data rows.
  const parsed = parseCsv(decodeText(source), MAX_CSV_ROWS + 1);
  if ('tooMany' in parsed) throw new DomainError('too_many_rows', 'file', { limit: MAX_CSV_ROWS });
  if ('reason' in parsed) {
    return { row: parsed.row, field: 'file', code: 'csv_invalid', params: { reason: parsed.reason } };
  }
  for (const cells of parsed.rows) {
    for (const [i, cell] of cells.entries()) cells[i] = restoreCell(cell);
  }
  return parsed.rows;
}
