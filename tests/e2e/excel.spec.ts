import ExcelJS from 'exceljs';
import { openSrovSambo } from './books';
import { expect, test } from './fixtures';

// A real workbook, as Excel saves one (exceljs writes it), handed to the opening-balances screen.
async function workbook(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  edit?: (sheet: ExcelJS.Worksheet) => void,
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('សមតុល្យ');
  for (const row of rows) sheet.addRow([...row]);
  edit?.(sheet);
  return {
    name: 'សមតុល្យដើមគ្រា.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  };
}

test('opening balances from Excel: a formula and a bad row are named, nothing loads; the fixed file loads and posts', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await openSrovSambo(db);
  await app.open();
  await page.getByRole('navigation').getByRole('button', { name: 'សមតុល្យដើមគ្រា' }).click();
  const file = page.getByLabel('ផ្ទុកពីឯកសារ CSV ឬ Excel');

  await file.setInputFiles(
    await workbook(
      [
        ['account_code', 'member_number', 'amount'],
        ['1101', '', 150_000],
        ['3901', '', 0],
      ],
      (sheet) => {
        sheet.getCell('C3').value = { formula: 'C2', result: 150_000 };
      },
    ),
  );
  await expect(page.getByText('ជួរទី ៣, amount៖ ក្រឡា C៣ មានរូបមន្ត')).toBeVisible();
  await app.shot('excel-formula');

  await file.setInputFiles(
    await workbook([
      ['account_code', 'member_number', 'amount'],
      ['1101', '', 150_000],
      ['9999', '', 150_000],
      ['3901', '', 'មួយរយ'],
    ]),
  );
  // Spreadsheet rows 3 and 4, as Excel numbers them.
  await expect(page.getByText(/ជួរទី ៣/)).toBeVisible();
  await expect(page.getByText(/ជួរទី ៤/)).toBeVisible();
  await app.shot('excel-bad-rows');
  expect(await db.selectFrom('journal_entries').select('id').execute()).toHaveLength(0);

  await file.setInputFiles(
    await workbook([
      ['account_code', 'member_number', 'amount'],
      ['1101', '', 150_000],
      ['3901', '', '150,000'],
    ]),
  );
  await expect(page.getByRole('status')).toContainText('បានផ្ទុក ២ បន្ទាត់ពីឯកសារ សមតុល្យដើមគ្រា.xlsx');
  await app.shot('excel-loaded');
  await page.getByRole('button', { name: 'កត់ត្រាសមតុល្យដើមគ្រា' }).click();
  await expect(page.getByRole('status')).toContainText('បានកត់ត្រាសមតុល្យដើមគ្រា ២ បន្ទាត់');
  const lines = await db
    .selectFrom('journal_lines')
    .innerJoin('accounts', 'accounts.id', 'journal_lines.account_id')
    .select(['accounts.code', 'journal_lines.amount'])
    .orderBy('accounts.code')
    .execute();
  expect(lines).toEqual([
    { code: '1101', amount: 150_000 },
    { code: '3901', amount: -150_000 },
  ]);
});
