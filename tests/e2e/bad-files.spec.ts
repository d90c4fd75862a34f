import { openSrovSambo } from './books';
import { expect, test } from './fixtures';

// The opening-balances screen handed the files an older Excel, a careless hand or a second try make:
// each answered in Khmer, and the books left as they were.

const csv = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });
const OPENING = 'account_code,member_number,amount\n1101,,150000\n3901,,150000\n';

test('opening balances: a Latin-1 file is refused saying to save it as UTF-8; posted once, never twice', async ({
  app,
  page,
}) => {
  await openSrovSambo(app.backend.session.db);
  await app.open();
  await page.getByRole('button', { name: 'សមតុល្យដើមគ្រា' }).click();
  const file = page.getByLabel('ផ្ទុកពីឯកសារ CSV');

  // Older Excel's "CSV (Comma delimited)": Windows-1252, with é as a byte UTF-8 never has alone.
  await file.setInputFiles(csv('caisse.csv', Buffer.from(`${OPENING}1102,,0\n# caisse é\n`, 'latin1')));
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('ឯកសារនេះមិនមែនជាអត្ថបទ UTF-8 ទេ');
  await expect(refusal).toContainText('«CSV UTF-8»');
  await app.shot('90-opening-csv-latin1');

  // The same balances saved as Excel's "Unicode text" (UTF-16 with its mark) are read.
  const unicode = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OPENING, 'utf16le')]);
  await file.setInputFiles(csv('paper-books.csv', unicode));
  await expect(page.getByRole('status')).toContainText('បានផ្ទុក ២ បន្ទាត់ពីឯកសារ paper-books.csv');
  const post = page.getByRole('button', { name: 'កត់ត្រាសមតុល្យដើមគ្រា' });
  await post.click();
  await expect(page.getByRole('status')).toContainText('បានកត់ត្រាសមតុល្យដើមគ្រា ២ បន្ទាត់');

  // The same file a second time would double the books.
  await file.setInputFiles(csv('paper-books.csv', unicode));
  await expect(page.getByRole('status')).toContainText('បានផ្ទុក ២ បន្ទាត់ពីឯកសារ paper-books.csv');
  await post.click();
  await expect(page.getByText('សមតុល្យដើមគ្រាត្រូវបានកត់ត្រារួចហើយ')).toBeVisible();
  await app.shot('91-opening-posted-twice');
  const entries = await app.backend.session.db
    .selectFrom('journal_entries')
    .select('date')
    .where('kind', '=', 'opening')
    .execute();
  expect(entries).toHaveLength(1);
});
