import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnName, parseCsv, readCsvRows } from '../../main/files/csv-read';
import { neutraliseCell, restoreCell, writeCsv } from '../../main/files/csv-safe';
import { decodeText } from '../../main/files/text-encoding';
import { isDatabasePath, writeFileWhole } from '../../main/files/write-whole';
import { DomainError } from '../../shared/errors';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error.error;
    throw error;
  }
  return null;
};

const utf16le = (text: string, bom = true) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe('decodeText', () => {
  const text = 'name_km,sex\r\nសុខ ស្រីមុំ,ស្រី\r\n';

  it('reads UTF-8 with or without its mark, and UTF-16 with its mark, to the same text', () => {
    expect(decodeText(Buffer.from(text))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(utf16le(text))).toBe(text);
    expect(decodeText(utf16be(text))).toBe(text);
    expect(decodeText(`\ufeff${text}`)).toBe(text);
  });

  it('refuses Latin-1, UTF-16 without its mark and binary files as not UTF-8', () => {
    const encoding = { code: 'file_encoding', field: 'file' };
    expect(refusal(() => decodeText(Buffer.from('name_latin\nSéng Sóphal\n', 'latin1')))).toEqual(encoding);
    expect(refusal(() => decodeText(utf16le('name_km\nសុខ\n', false)))).toEqual(encoding);
    expect(refusal(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])))).toEqual(
      encoding,
    );
    // A lone surrogate is no UTF-16 text either.
    expect(refusal(() => decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])))).toEqual(encoding);
  });

  it('refuses a file over 20 MB before decoding it', () => {
    expect(refusal(() => decodeText(new Uint8Array(20 * 1024 * 1024 + 1)))).toEqual({
      code: 'file_too_large',
      field: 'file',
      params: { limit: 20 },
    });
  });
});

describe('CSV cells', () => {
  it('neutralises every cell a spreadsheet would run, and nothing else', () => {
    expect(['=1+1', '+855 12', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(neutraliseCell)).toEqual([
      "'=1+1",
      "'+855 12",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(['-150000', '+12.50', '312.50', 'សុខ =', '', "'quoted"].map(neutraliseCell)).toEqual([
      '-150000',
      '+12.50',
      '312.50',
      'សុខ =',
      '',
      "'quoted",
    ]);
  });

  it('reads back what it neutralised as it was typed', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '@A1', '-x', 'សុខ', "'plain"]) {
      expect(restoreCell(neutraliseCell(cell))).toBe(cell);
    }
  });

  it('writes a CSV whose formula cells are text and whose numbers stay numbers', () => {
    const csv = writeCsv(
      [
        { name: '=cmd|"/c calc"!A1', amount: '-2500' },
        { name: 'ស្រី', amount: 7 },
      ],
      ['name', 'amount'],
    );
    expect(parse(csv)).toEqual([
      ['name', 'amount'],
      ['\'=cmd|"/c calc"!A1', '-2500'],
      ['ស្រី', '7'],
    ]);
  });

  it('names an unknown column by its first 40 letters, cut between Khmer clusters', () => {
    expect(columnName(`  ${'x'.repeat(1_000_000)}`)).toBe(`${'x'.repeat(40)}…`);
    // ស្ត្រី is one grapheme: a consonant with two subscripts and a vowel, never split.
    expect(columnName('ស្ត្រី'.repeat(50))).toBe(`${'ស្ត្រី'.repeat(40)}…`);
    expect(columnName('សហគមន៍'.repeat(50)).endsWith('\u17d2…')).toBe(false);
    expect(columnName(' Name_KM ')).toBe('name_km');
  });

  it('reads back whatever a spreadsheet library writes, with any line ends', () => {
    const rowsArb = fc.array(
      fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { minLength: 1, maxLength: 5 }),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(rowsArb, fc.constantFrom('unix', 'windows', 'mac'), (rows, eol) => {
        // A lone empty cell is a blank line, which reads back as one empty cell either way.
        expect(parseCsv(stringify(rows, { record_delimiter: eol, quoted_match: /\r/ }))).toEqual({ rows });
      }),
      { numRuns: 500 },
    );
  });

  it('accepts and refuses what csv-parse accepts and refuses, and reads the same cells', () => {
    const textArb = fc.string({ unit: fc.constantFrom('a', 'ស', ',', '"', '\n', ' '), maxLength: 30 });
    fc.assert(
      fc.property(textArb, (text) => {
        let expected: string[][] | 'refused';
        try {
          expected = parse(text, { relax_column_count: true });
        } catch {
          expected = 'refused';
        }
        const read = parseCsv(text);
        expect('rows' in read ? read.rows.filter((r) => r.some((c) => c !== '')) : 'refused').toEqual(
          expected === 'refused' ? expected : expected.filter((r) => r.some((c) => c !== '')),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('reads rows of cells, restoring neutralised cells, and names a broken file by its row', () => {
    expect(readCsvRows(Buffer.from('a,b\r\n\'=1,"x, y"\r\n'))).toEqual([
      ['a', 'b'],
      ['=1', 'x, y'],
    ]);
    expect(readCsvRows('a,b\n1,"open\n')).toEqual({
      row: 1,
      field: 'file',
      code: 'csv_invalid',
      params: { reason: 'CSV_QUOTE_NOT_CLOSED' },
    });
  });
});

describe('writing a file the user asked for', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sahakum-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file whole and leaves no temporary file behind', async () => {
    const path = join(dir, 'books.journal');
    writeFileSync(path, 'old');
    await writeFileWhole(path, 'new journal');
    expect(readFileSync(path, 'utf8')).toBe('new journal');
    expect(readdirSync(dir)).toEqual(['books.journal']);
  });

  it('leaves the earlier file as it was when the write fails', async () => {
    const path = join(dir, 'missing-folder', 'report.pdf');
    const refused = await writeFileWhole(path, 'x').catch((error: unknown) => error);
    expect((refused as DomainError).error).toEqual({ code: 'save_failed', field: 'path', params: { path } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('knows the database file and its log under any spelling of their path', () => {
    const db = join(dir, 'coop.db');
    writeFileSync(db, '');
    expect(isDatabasePath(join(dir, '.', 'coop.db'), db)).toBe(true);
    expect(isDatabasePath(`${db}-wal`, db)).toBe(true);
    expect(isDatabasePath(join(dir, 'coop.pdf'), db)).toBe(false);
  });
});
