import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCooperative } from '../../main/cooperative/profile';
import { type OpenedDatabase, openDatabase } from '../../main/db/open';
import { readXlsxRows } from '../../main/files/xlsx-read';
import { readOpeningCsv } from '../../main/ledger/opening';
import { importMembersCsv } from '../../main/members/import';
import { blankCooperative } from '../../shared/schemas';

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T02:00:00.000Z' };
let dir: string;
let opened: OpenedDatabase;

/** A real workbook, as Excel saves one: exceljs writes it. */
async function workbook(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  edit?: (sheet: ExcelJS.Worksheet) => void,
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('សមាជិក');
  for (const row of rows) sheet.addRow([...row]);
  edit?.(sheet);
  // A second sheet is never read: the first one is the list.
  book.addWorksheet('Notes').addRow(['not imported']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const memberCount = () => opened.sqlite.prepare('SELECT count(*) FROM members').pluck().get();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sahakum-xlsx-'));
});
beforeEach(async () => {
  opened = await openDatabase(join(dir, `${Math.random().toString(36).slice(2)}.db`));
  await createCooperative(
    opened.db,
    { ...blankCooperative, nameKm: 'សហគមន៍កសិកម្ម ស្រូវសម្បូរ', foundedOn: '2015-01-10' },
    { today: '2015-01-10', timestamp: '2015-01-10T02:00:00.000Z' },
  );
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('members from an Excel workbook', () => {
  it('reads the first sheet through the same checks as CSV: dates, Khmer, numbers', async () => {
    const file = await workbook([
      ['name_km', 'name_latin', 'sex', 'join_date', 'phone'],
      ['សុខ ស្រីមុំ', 'Sok Sreymom', 'F', new Date(Date.UTC(2020, 0, 15)), '012 345 678'],
      ['ចាន់ ដារ៉ា', '', 'ប្រុស', '01/03/2019', 12_456_789],
    ]);
    expect(await readXlsxRows(file)).toEqual([
      ['name_km', 'name_latin', 'sex', 'join_date', 'phone'],
      ['សុខ ស្រីមុំ', 'Sok Sreymom', 'F', '15/01/2020', '012 345 678'],
      ['ចាន់ ដារ៉ា', '', 'ប្រុស', '01/03/2019', '12456789'],
    ]);
    // A phone typed as a number lost its leading zero in Excel: the row is named, nothing is imported.
    expect(await importMembersCsv(opened.db, file, NOW)).toEqual({
      errors: [{ row: 2, field: 'phone', code: 'phone_invalid' }],
    });
    expect(memberCount()).toBe(0);
    const fixed = await workbook([
      ['name_km', 'name_latin', 'sex', 'join_date', 'phone'],
      ['សុខ ស្រីមុំ', 'Sok Sreymom', 'F', new Date(Date.UTC(2020, 0, 15)), '012 345 678'],
      ['ចាន់ ដារ៉ា', '', 'ប្រុស', '01/03/2019', '012 456 789'],
    ]);
    expect(await importMembersCsv(opened.db, fixed, NOW)).toEqual({ imported: 2 });
    const members = await opened.db.selectFrom('members').selectAll().orderBy('number').execute();
    expect(members.map((m) => [m.number, m.name_km, m.sex, m.join_date, m.phone])).toEqual([
      [1, 'សុខ ស្រីមុំ', 'F', '2020-01-15', '012345678'],
      [2, 'ចាន់ ដារ៉ា', 'M', '2019-03-01', '012456789'],
    ]);
  });

  it('names every bad row as the spreadsheet numbers them, and imports none', async () => {
    const file = await workbook([
      ['name_km', 'sex', 'join_date'],
      ['សុខ ស្រីមុំ', 'F', '15/01/2020'],
      ['abc123', 'M', '15/01/2020'],
      ['ហេង សុភា', 'F', '01/01/2027'],
    ]);
    expect(await importMembersCsv(opened.db, file, NOW)).toEqual({
      errors: [
        { row: 2, field: 'name_km', code: 'khmer_letters_only' },
        { row: 3, field: 'join_date', code: 'date_in_future' },
      ],
    });
    expect(memberCount()).toBe(0);
  });

  it('refuses a formula, naming its cell, and imports none', async () => {
    const file = await workbook(
      [
        ['name_km', 'sex', 'join_date'],
        ['សុខ ស្រីមុំ', 'F', '15/01/2020'],
      ],
      (sheet) => {
        sheet.getCell('C3').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 10, 1)) };
        sheet.getCell('A3').value = 'ចាន់ ដារ៉ា';
        sheet.getCell('B3').value = 'M';
      },
    );
    expect(await importMembersCsv(opened.db, file, NOW)).toEqual({
      errors: [{ row: 2, field: 'join_date', code: 'xlsx_formula', params: { cell: 'C3' } }],
    });
    expect(memberCount()).toBe(0);
  });

  it('refuses a damaged workbook and a zip that is no workbook, whole', async () => {
    const good = await workbook([['name_km', 'sex', 'join_date']]);
    const cut = good.slice(0, Math.floor(good.length / 2));
    await expect(importMembersCsv(opened.db, cut, NOW)).rejects.toMatchObject({
      error: { code: 'xlsx_damaged' },
    });
    // A zip archive's first bytes, then nothing a workbook holds.
    const notBook = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    await expect(importMembersCsv(opened.db, notBook, NOW)).rejects.toMatchObject({
      error: { code: 'xlsx_damaged' },
    });
    expect(memberCount()).toBe(0);
  });

  it('refuses a workbook over the size limit before opening it', async () => {
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    await expect(readXlsxRows(big)).rejects.toMatchObject({ error: { code: 'file_too_large' } });
  });
});

describe('opening balances from an Excel workbook', () => {
  it('reads the same lines as the CSV file with the same rows', async () => {
    const rows = [
      ['account_code', 'member_number', 'amount'],
      ['1101', '', '3,000,000'],
      ['3901', '', '3000000'],
    ];
    const csv = rows.map((r) => r.join(',').replace('3,000,000', '"3,000,000"')).join('\n');
    const fromCsv = await readOpeningCsv(opened.db, csv);
    expect('lines' in fromCsv && fromCsv.lines.map((l) => l.amount)).toEqual([3_000_000, 3_000_000]);
    expect(await readOpeningCsv(opened.db, await workbook(rows))).toEqual(fromCsv);
  });

  it('takes the columns headed in Khmer or in plain English', async () => {
    const expected = await readOpeningCsv(
      opened.db,
      'account_code,member_number,amount\n1101,,5000\n3901,,5000\n',
    );
    const khmer = 'លេខកូដគណនី,លេខសមាជិក,ចំនួនទឹកប្រាក់\n1101,,5000\n3901,,5000\n';
    expect(await readOpeningCsv(opened.db, khmer)).toEqual(expected);
    const english = await workbook([
      ['Account code', 'Member number', 'Amount'],
      ['1101', '', 5000],
      ['3901', '', 5000],
    ]);
    expect(await readOpeningCsv(opened.db, english)).toEqual(expected);
    expect('lines' in expected && expected.lines).toHaveLength(2);
  });
});
