import ExcelJS from 'exceljs';
import { DomainError } from '../../shared/errors';
import { type CsvRowError, columnName, MAX_CSV_ROWS, readCsvRows } from './csv-read';
import { MAX_TEXT_FILE_MB, type TextSource } from './text-encoding';

const MAX_BYTES = MAX_TEXT_FILE_MB * 1024 * 1024;
// Every .xlsx file is a zip archive, and every zip archive starts with these four bytes.
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const isXlsx = (source: TextSource): source is Uint8Array =>
  typeof source !== 'string' && ZIP_MAGIC.every((byte, i) => source[i] === byte);

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the import reads CSV: the text the sheet shows, dates as DD/MM/YYYY, numbers unformatted. */
function cellText(cell: ExcelJS.Cell): string {
  const { value } = cell;
  if (value === null || value === undefined) return '';
  // Excel keeps a date as a day count; exceljs gives it as midnight UTC of that day.
  if (value instanceof Date) {
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value === 'number') return String(value);
  return cell.text;
}

/**
 * The first sheet of an Excel workbook as rows of text, header first, as readCsvRows gives a CSV file, so
 * that both go through the same checks. Refused whole: a file over the size limit, one that is a zip
 * but no workbook or is damaged, a sheet of more rows than any register. A cell holding a formula is a
 * refusal naming the cell: its value is whatever Excel last computed, which the file may not even hold.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<string[][] | CsvRowError> {
  if (bytes.length > MAX_BYTES) throw new DomainError('file_too_large', 'file', { limit: MAX_TEXT_FILE_MB });
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types name the Node 16 Buffer; the bytes are the same.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new DomainError('xlsx_damaged', 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError('xlsx_damaged', 'file');
  if (sheet.rowCount > MAX_CSV_ROWS + 1)
    throw new DomainError('too_many_rows', 'file', { limit: MAX_CSV_ROWS });
  const width = sheet.columnCount;
  const rows: string[][] = [];
  let header: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.type === ExcelJS.ValueType.Formula) {
        return {
          row: r - 1,
          field: r === 1 ? 'file' : columnName(header[c - 1] ?? cell.address),
          code: 'xlsx_formula',
          params: { cell: cell.address },
        };
      }
      cells.push(cellText(cell));
    }
    if (r === 1) header = cells;
    rows.push(cells);
  }
  // A sheet whose cells were only ever formatted still counts its columns: the header says how wide it is.
  const used = header.reduce((last, cell, i) => (cell.trim() === '' ? last : i + 1), 0);
  return rows.map((cells) =>
    cells.slice(used).every((cell) => cell.trim() === '') ? cells.slice(0, used) : cells,
  );
}

/** The rows of an import file the user chose: an Excel workbook's first sheet, or CSV text. */
export async function readImportRows(source: TextSource): Promise<string[][] | CsvRowError> {
  return isXlsx(source) ? readXlsxRows(source) : readCsvRows(source);
}
