import { accountByRole } from '../../main/ledger/accounts';
import { post } from '../../main/ledger/posting';
import { createMember } from '../../main/members/register';
import { formatDateTable, monthName, toKhmerDigits } from '../../shared/khmer';
import { TEST_ADMIN } from '../support/users';
import { openSrovSambo } from './books';
import { type AppFixture, expect, type Page, test } from './fixtures';

/** One side of a two-line entry: the account, and the member on a member account. */
interface Side {
  accountId: number;
  memberId?: number;
}

const blank = {
  nameLatin: '',
  birthDate: '',
  nationalId: '',
  phone: '',
  village: '',
  commune: '',
  nextOfKin: '',
  notes: '',
};

function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The days the books are written on, from the backend's own clock: last month and the 1st of this one. */
function calendar(app: AppFixture) {
  const now = app.backend.session.now();
  const thisMonth = now.today.slice(0, 7);
  const lastMonth = previousMonth(thisMonth);
  return { now, today: now.today, thisMonth, lastMonth, firstOfThisMonth: `${thisMonth}-01` };
}

/** A cooperative with two members: Sok Sreymom (0001) and Chan Dara (0002). */
async function cooperativeWithMembers(app: AppFixture) {
  const db = app.backend.session.db;
  const { now } = calendar(app);
  await openSrovSambo(db, { bookkeeper: 'សៅ ចន្ទា' });
  const member = (nameKm: string, sex: 'F' | 'M', joinDate: string) =>
    createMember(db, { ...blank, nameKm, sex, joinDate }, now);
  const sok = await member('សុខ ស្រីមុំ', 'F', '2020-06-05');
  const dara = await member('ចាន់ ដារ៉ា', 'M', '2021-03-01');
  return { db, sok, dara };
}

/**
 * The books the statements are checked against. KHR, as of today: cash 407,500, stationery 12,500
 * (debits 420,000); share capital 200,000, savings 150,000, service fees 70,000 (credits 420,000).
 * This month: income 50,000, expenses 12,500, surplus 37,500; cash opened the month at 370,000.
 * USD: cash $250.00 against Sok's dollar savings.
 */
async function booksOverTwoMonths(app: AppFixture) {
  const { db, sok, dara } = await cooperativeWithMembers(app);
  const { now, lastMonth, firstOfThisMonth } = calendar(app);
  const actor = { ...now, user: 'សៅ ចន្ទា' };
  const account = async (role: string) => (await accountByRole(db, role)).id;
  const cashKhr = await account('cash_khr');
  const cashUsd = await account('cash_usd');
  const savingsKhr = await account('savings_ordinary_khr');
  const savingsUsd = await account('savings_ordinary_usd');
  const shares = await account('share_capital');
  const fees = await account('service_fees');
  const stationery = await account('stationery');
  const entry = async (
    date: string,
    number: string,
    memo: string,
    debit: Side,
    credit: Side,
    amount: number,
    currency: 'KHR' | 'USD' = 'KHR',
  ) => {
    const line = (side: Side, sign: number) => ({
      accountId: side.accountId,
      memberId: side.memberId ?? null,
      currency,
      amount: sign * amount,
    });
    await post(db, { date, number, kind: 'voucher', memo, lines: [line(debit, 1), line(credit, -1)] }, actor);
  };
  const cash = { accountId: cashKhr };
  const dollars = { accountId: cashUsd };
  const sokShares = { accountId: shares, memberId: sok.id };
  const daraSavings = { accountId: savingsKhr, memberId: dara.id };
  const sokDollars = { accountId: savingsUsd, memberId: sok.id };
  const fee = { accountId: fees };
  await entry(`${lastMonth}-05`, 'RV-000001', 'ទិញភាគហ៊ុន', cash, sokShares, 200_000);
  await entry(`${lastMonth}-20`, 'RV-000002', 'ដាក់ប្រាក់សន្សំ', cash, daraSavings, 150_000);
  await entry(`${lastMonth}-20`, 'RV-000003', 'កម្រៃសេវាលក់ស្រូវ', cash, fee, 20_000);
  await entry(`${lastMonth}-25`, 'RV-000004', 'ដាក់ប្រាក់សន្សំដុល្លារ', dollars, sokDollars, 25_000, 'USD');
  await entry(firstOfThisMonth, 'RV-000005', 'កម្រៃសេវាលក់ជី', cash, fee, 50_000);
  await entry(firstOfThisMonth, 'PV-000001', 'ទិញសៀវភៅ និងប៊ិច', { accountId: stationery }, cash, 12_500);
  return { db, sok, dara, actor, cashKhr, fees };
}

const kindSelect = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const row = (page: Page, name: string | RegExp) => page.getByRole('row', { name }).first();

test('the statements in Khmer show the books to the riel, in Khmer digits', async ({ app, page }) => {
  await booksOverTwoMonths(app);
  const { today, lastMonth, firstOfThisMonth } = calendar(app);
  await app.openMembers();
  await page.getByRole('button', { name: 'របាយការណ៍ហិរញ្ញវត្ថុ' }).click();

  // The trial balance as of today is what the screen opens on.
  await expect(page.getByRole('heading', { name: 'តារាងតុល្យភាពសាកល្បង' })).toBeVisible();
  await expect(page.getByText(`គិតត្រឹមថ្ងៃ ${formatDateTable(today, 'khmer')}`)).toBeVisible();
  const khr = page.getByRole('rowgroup', { name: 'ប្រាក់រៀល (KHR)' });
  await expect(khr.getByRole('row', { name: /សរុប KHR/ })).toHaveText(/សរុប KHR\s*៤២០\.០០០៛\s*៤២០\.០០០៛/);
  await expect(khr.getByRole('row', { name: /^1101/ })).toContainText('៤០៧.៥០០៛');
  await expect(khr.getByRole('row', { name: /^2101/ })).toContainText('១៥០.០០០៛');
  const usd = page.getByRole('rowgroup', { name: 'ប្រាក់ដុល្លារ (USD)' });
  await expect(usd.getByRole('row', { name: /សរុប USD/ })).toHaveText(/២៥០,០០\$\s*២៥០,០០\$/);
  await app.shot('60-trial-balance-km');

  await kindSelect(page, 'របាយការណ៍').selectOption({ label: 'តារាងតុល្យការ' });
  await expect(page.getByRole('heading', { name: 'តារាងតុល្យការ' })).toBeVisible();
  await expect(khr.getByRole('row', { name: /សរុបទ្រព្យសកម្ម/ })).toContainText('៤០៧.៥០០៛');
  await expect(khr.getByRole('row', { name: /ប្រាក់ចំណេញ \(ខាត\) មិនទាន់បែងចែក/ })).toContainText('៥៧.៥០០៛');
  await expect(khr.getByRole('row', { name: /សរុបបំណុល មូលធន និងប្រាក់ចំណេញ/ })).toContainText('៤០៧.៥០០៛');
  await expect(khr.getByText('✓ ទ្រព្យសកម្ម = បំណុល + មូលធន + ប្រាក់ចំណេញ')).toBeVisible();
  await expect(usd.getByRole('row', { name: /សរុបទ្រព្យសកម្ម/ })).toContainText('២៥០,០០$');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await app.shot('61-balance-sheet-km');

  // The income statement defaults to this month; last month's fee shows once the period says so.
  await kindSelect(page, 'របាយការណ៍').selectOption({ label: 'របាយការណ៍លទ្ធផល' });
  await expect(row(page, /សរុបចំណូល/)).toContainText('៥០.០០០៛');
  await expect(row(page, /សរុបចំណាយ/)).toContainText('១២.៥០០៛');
  await expect(row(page, /^ប្រាក់ចំណេញ \(ខាត\)/)).toContainText('៣៧.៥០០៛');
  await page.getByLabel('ពីថ្ងៃ').fill(formatDateTable(`${lastMonth}-01`, 'latin'));
  await page.getByLabel('ពីថ្ងៃ').press('Enter');
  await expect(row(page, /^ប្រាក់ចំណេញ \(ខាត\)/)).toContainText('៥៧.៥០០៛');
  await app.shot('62-income-statement-km');

  await kindSelect(page, 'របាយការណ៍').selectOption({ label: 'សៀវភៅធំ' });
  await expect(page.getByText('ជ្រើសរើសគណនី ដើម្បីមើលសៀវភៅធំរបស់វា')).toBeVisible();
  await page.getByLabel('ពីថ្ងៃ').fill(formatDateTable(firstOfThisMonth, 'latin'));
  await kindSelect(page, 'គណនី').selectOption({ label: '1101 សាច់ប្រាក់ក្នុងដៃ (រៀល) (KHR)' });
  await expect(page.getByRole('heading', { name: 'សៀវភៅធំ · 1101 សាច់ប្រាក់ក្នុងដៃ (រៀល)' })).toBeVisible();
  await expect(row(page, /សមតុល្យដើមគ្រា/)).toContainText('៣៧០.០០០៛');
  await expect(row(page, /កម្រៃសេវាលក់ជី/)).toHaveText(/កម្រៃសេវាលក់ជី\s*៥០\.០០០៛\s*៤២០\.០០០៛/);
  await expect(row(page, /ទិញសៀវភៅ និងប៊ិច/)).toHaveText(/ទិញសៀវភៅ និងប៊ិច\s*១២\.៥០០៛\s*៤០៧\.៥០០៛/);
  await expect(row(page, /សមតុល្យចុងគ្រា/)).toHaveText(/៥០\.០០០៛\s*១២\.៥០០៛\s*៤០៧\.៥០០៛/);

  // A member account's ledger names the member on each line, and the voucher as it was numbered.
  await page.getByLabel('ពីថ្ងៃ').fill(formatDateTable(`${lastMonth}-01`, 'latin'));
  await kindSelect(page, 'គណនី').selectOption({ label: '2101 ប្រាក់សន្សំធម្មតា (រៀល) (KHR)' });
  await expect(row(page, /ដាក់ប្រាក់សន្សំ/)).toHaveText(/RV-000002\s*ដាក់ប្រាក់សន្សំ\s*០០០២ ចាន់ ដារ៉ា\s*១៥០\.០០០៛/);
  await expect(row(page, /សមតុល្យចុងគ្រា/)).toContainText('១៥០.០០០៛');
  await app.shot('63-general-ledger-km');

  await kindSelect(page, 'របាយការណ៍').selectOption({ label: 'សៀវភៅសាច់ប្រាក់' });
  const day = page.getByRole('rowgroup', { name: formatDateTable(firstOfThisMonth, 'khmer') });
  await expect(day.getByRole('row', { name: /សមតុល្យដើមថ្ងៃ/ })).toContainText('៣៧០.០០០៛');
  await expect(day.getByRole('row', { name: /សមតុល្យចុងថ្ងៃ/ })).toHaveText(/៥០\.០០០៛\s*១២\.៥០០៛\s*៤០៧\.៥០០៛/);
  await app.shot('64-cash-book-km');

  await kindSelect(page, 'របាយការណ៍').selectOption({ label: 'សមតុល្យសមាជិក' });
  await page.getByRole('searchbox').fill('ដារ៉ា');
  await kindSelect(page, 'សមាជិក').selectOption({ label: '០០០២ ចាន់ ដារ៉ា' });
  await kindSelect(page, 'គណនីសមាជិក').selectOption({ label: '2101 ប្រាក់សន្សំធម្មតា (រៀល) (KHR)' });
  const card = page.locator('.stmt-member');
  await expect(card).toContainText('០០០២ ចាន់ ដារ៉ា');
  await expect(card.locator('.stmt-member-balance')).toContainText('១៥០.០០០៛');
  await app.shot('65-member-balance-km');
});

test('the statements in English use Latin digits and English account names', async ({ app, page }) => {
  await booksOverTwoMonths(app);
  await app.openMembers();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Financial statements' }).click();

  const khr = page.getByRole('rowgroup', { name: 'Riel (KHR)' });
  await expect(khr.getByRole('row', { name: /Total KHR/ })).toHaveText(/Total KHR\s*420,000៛\s*420,000៛/);
  await expect(khr.getByRole('row', { name: /Cash on hand \(riel\)/ })).toContainText('407,500៛');
  await expect(page.getByRole('rowgroup', { name: 'Dollars (USD)' })).toContainText('$250.00');
  await app.shot('66-trial-balance-en');

  await kindSelect(page, 'Statement').selectOption({ label: 'Balance sheet' });
  await expect(khr.getByRole('row', { name: /Total assets/ })).toContainText('407,500៛');
  await expect(khr.getByRole('row', { name: /Surplus \(deficit\) not yet allocated/ })).toContainText(
    '57,500៛',
  );
  await expect(khr.getByRole('row', { name: /Share capital/ })).toContainText('200,000៛');
  await app.shot('67-balance-sheet-en');

  await kindSelect(page, 'Statement').selectOption({ label: 'Income statement' });
  await expect(row(page, /Service fees/)).toContainText('50,000៛');
  await expect(row(page, /^Surplus \(deficit\)/)).toContainText('37,500៛');
  await app.shot('68-income-statement-en');

  await kindSelect(page, 'Statement').selectOption({ label: 'General ledger' });
  await kindSelect(page, 'Account').selectOption({ label: '1101 Cash on hand (riel) (KHR)' });
  await expect(row(page, /Opening balance/)).toContainText('370,000៛');
  await expect(row(page, /Closing balance/)).toHaveText(/50,000៛\s*12,500៛\s*407,500៛/);
  await app.shot('69-general-ledger-en');

  await kindSelect(page, 'Statement').selectOption({ label: 'Cash book' });
  await kindSelect(page, 'Currency').selectOption({ label: 'Dollars (USD)' });
  await expect(page.getByText('No cash moved in this period')).toBeVisible();
  await expect(row(page, /Closing balance/)).toContainText('$250.00');
  await kindSelect(page, 'Currency').selectOption({ label: 'Riel (KHR)' });
  await expect(row(page, /Totals and closing balance of the day/)).toHaveText(/50,000៛\s*12,500៛\s*407,500៛/);
  await app.shot('70-cash-book-en');

  await kindSelect(page, 'Statement').selectOption({ label: 'Member balance' });
  await page.getByRole('searchbox').fill('1');
  await kindSelect(page, 'Member').selectOption({ label: '0001 សុខ ស្រីមុំ' });
  await kindSelect(page, 'Member account').selectOption({ label: '3101 Share capital (KHR)' });
  await expect(page.locator('.stmt-member-balance')).toContainText('200,000៛');
  await app.shot('71-member-balance-en');
});

test('opening balances are entered by hand, refused until they balance, then posted as one entry', async ({
  app,
  page,
}) => {
  const { db, sok, dara } = await cooperativeWithMembers(app);
  const { firstOfThisMonth } = calendar(app);
  await app.openMembers();
  await page.getByRole('button', { name: 'សមតុល្យដើមគ្រា' }).click();
  await page.getByLabel('ថ្ងៃចាប់ផ្តើមប្រើកម្មវិធី').fill(formatDateTable(firstOfThisMonth, 'latin'));

  const addLine = async (
    n: number,
    account: string,
    amount: string,
    member?: { search: string; label: string },
  ) => {
    await page.getByRole('button', { name: '+ បន្ថែមបន្ទាត់' }).click();
    const line = `(បន្ទាត់ទី ${toKhmerDigits(String(n))})`;
    await expect(page.getByLabel(`គណនី ${line}`)).toBeFocused();
    await page.getByLabel(`គណនី ${line}`).selectOption({ label: account });
    if (member) {
      await page.getByRole('row').nth(n).getByRole('searchbox').fill(member.search);
      await page.getByLabel(`សមាជិក ${line}`).selectOption({ label: member.label });
    }
    await page.getByLabel(`សមតុល្យ ${line}`).fill(amount);
  };
  const sokChosen = { search: '1', label: '០០០១ សុខ ស្រីមុំ' };
  await addLine(1, '2101 ប្រាក់សន្សំធម្មតា (រៀល) (KHR)', '100,000', sokChosen);
  await addLine(2, '3101 ដើមទុនភាគហ៊ុន (KHR)', '40000', { search: 'ដារ៉ា', label: '០០០២ ចាន់ ដារ៉ា' });
  await addLine(3, '1101 សាច់ប្រាក់ក្នុងដៃ (រៀល) (KHR)', '២០០០០០');

  const totals = page.getByRole('region', { name: 'សរុបតាមរូបិយប័ណ្ណ: ប្រាក់រៀល (KHR)' });
  await expect(totals).toContainText('២០០.០០០៛');
  await expect(totals).toContainText('១៤០.០០០៛');
  const toBalance = 'ដើម្បីឱ្យស្មើ ត្រូវបន្ថែមលើ 3901 មូលធនដើមគ្រា (រៀល)៖ ៦០.០០០៛';
  await expect(totals.getByText(toBalance)).toBeVisible();
  const postButton = page.getByRole('button', { name: 'កត់ត្រាសមតុល្យដើមគ្រា' });
  await expect(postButton).toBeDisabled();
  await app.shot('72-opening-unbalanced');

  await totals.getByRole('button', { name: 'បំពេញមូលធនដើមគ្រា KHR' }).click();
  await expect(page.getByLabel('គណនី (បន្ទាត់ទី ៤)')).toHaveValue(
    String((await accountByRole(db, 'opening_khr')).id),
  );
  await expect(page.getByLabel('សមតុល្យ (បន្ទាត់ទី ៤)')).toHaveValue('60000');
  await expect(totals).toContainText('✓ ស្មើគ្នា');
  await expect(postButton).toBeEnabled();
  await app.shot('73-opening-balanced');

  // A line left without an account or an amount is marked beside it, and nothing is posted.
  await page.getByRole('button', { name: '+ បន្ថែមបន្ទាត់' }).click();
  await postButton.click();
  await expect(page.getByLabel('គណនី (បន្ទាត់ទី ៥)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('row').nth(5)).toContainText('ត្រូវតែបំពេញ');
  await expect(page.getByRole('alert')).toContainText('សូមពិនិត្យបន្ទាត់ដែលបានសម្គាល់ពណ៌ក្រហម');
  expect(await db.selectFrom('journal_entries').selectAll().execute()).toEqual([]);
  await page.getByRole('button', { name: 'លុបបន្ទាត់ទី ៥' }).click();

  await postButton.click();
  await expect(page.getByRole('status')).toContainText('បានកត់ត្រាសមតុល្យដើមគ្រា ៤ បន្ទាត់');
  await app.shot('74-opening-posted');

  const entries = await db.selectFrom('journal_entries').selectAll().execute();
  expect(entries).toHaveLength(1);
  // Recorded in the name of the user signed in.
  expect(entries[0]).toMatchObject({
    kind: 'opening',
    date: firstOfThisMonth,
    created_by: TEST_ADMIN.displayName,
  });
  const lines = await db
    .selectFrom('journal_lines')
    .innerJoin('accounts', 'accounts.id', 'journal_lines.account_id')
    .select(['accounts.code', 'journal_lines.member_id', 'journal_lines.amount'])
    .orderBy('journal_lines.id')
    .execute();
  expect(lines).toEqual([
    { code: '2101', member_id: sok.id, amount: -100_000 },
    { code: '3101', member_id: dara.id, amount: -40_000 },
    { code: '1101', member_id: null, amount: 200_000 },
    { code: '3901', member_id: null, amount: -60_000 },
  ]);
});

test('opening balances from CSV: a bad file is refused row by row, a good one fills the table', async ({
  app,
  page,
}) => {
  await cooperativeWithMembers(app);
  await app.openMembers();
  await page.getByRole('button', { name: 'សមតុល្យដើមគ្រា' }).click();
  const file = page.getByLabel('ផ្ទុកពីឯកសារ CSV');
  const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  await file.setInputFiles(
    csv('paper-books.csv', 'account_code,member_number,amount\n2101,,5000\n9999,,100\n'),
  );
  const refusal = page.getByRole('alert').filter({ hasText: 'paper-books.csv' });
  await expect(refusal).toContainText('ជួរទី ២, member_number៖ គណនី ២១០១ ត្រូវការសមាជិក');
  await expect(refusal).toContainText('ជួរទី ៣, account_code៖ រកមិនឃើញគណនីនេះ');
  await app.shot('75-opening-csv-refused');

  await file.setInputFiles(
    csv(
      'paper-books.csv',
      'account_code,member_number,amount\n2101,0001,100000\n3101,2,40000\n1101,,140000\n',
    ),
  );
  await expect(page.getByRole('status')).toContainText('បានផ្ទុក ៣ បន្ទាត់ពីឯកសារ paper-books.csv');
  await expect(page.getByText('០០០១ សុខ ស្រីមុំ')).toBeVisible();
  await expect(page.getByText('០០០២ ចាន់ ដារ៉ា')).toBeVisible();
  await expect(page.getByLabel('សមតុល្យ (បន្ទាត់ទី ៣)')).toHaveValue('140000');
  const totals = page.getByRole('region', { name: 'សរុបតាមរូបិយប័ណ្ណ: ប្រាក់រៀល (KHR)' });
  await expect(totals).toContainText('✓ ស្មើគ្នា');
  await expect(page.getByRole('button', { name: 'កត់ត្រាសមតុល្យដើមគ្រា' })).toBeEnabled();
  await app.shot('76-opening-csv-loaded');
});

test('last month is closed through the screen, refuses postings, and is reopened with a reason', async ({
  app,
  page,
}) => {
  const { db, actor, cashKhr, fees } = await booksOverTwoMonths(app);
  const { lastMonth, thisMonth } = calendar(app);
  const label = (month: string) =>
    `${monthName(Number(month.slice(5, 7)), 'km')} ${toKhmerDigits(month.slice(0, 4))}`;
  const lateFee = {
    date: `${lastMonth}-28`,
    kind: 'voucher',
    memo: 'កម្រៃសេវាភ្លេចកត់ត្រា',
    lines: [
      { accountId: cashKhr, currency: 'KHR' as const, amount: 5_000 },
      { accountId: fees, currency: 'KHR' as const, amount: -5_000 },
    ],
  };
  await app.openMembers();
  await page.getByRole('button', { name: 'បិទបញ្ជីប្រចាំខែ' }).click();

  await expect(row(page, new RegExp(label(thisMonth)))).toContainText('ខែមិនទាន់ចប់');
  const last = row(page, new RegExp(label(lastMonth)));
  await expect(last.locator('td.num')).toHaveText('៤');
  await page.getByRole('button', { name: `បិទបញ្ជីខែ ${label(lastMonth)}` }).click();
  await expect(page.getByRole('status')).toContainText(`បានបិទបញ្ជីខែ ${label(lastMonth)}`);
  await expect(last).toContainText('បានបិទបញ្ជី');
  await app.shot('77-month-closed');

  expect(await db.selectFrom('closed_months').select('month').execute()).toEqual([{ month: lastMonth }]);
  await expect(post(db, lateFee, actor)).rejects.toMatchObject({ error: { code: 'month_closed' } });

  await page.getByRole('button', { name: `បើកខែ ${label(lastMonth)} ឡើងវិញ` }).click();
  const form = page.getByRole('form', { name: `បើកខែ ${label(lastMonth)} ឡើងវិញ` });
  await form.getByRole('button', { name: 'បើកឡើងវិញ' }).click();
  await expect(form.getByText('មូលហេតុនៃការបើកឡើងវិញ: ត្រូវតែបំពេញ')).toBeVisible();
  await form.getByLabel('មូលហេតុនៃការបើកឡើងវិញ').fill('ភ្លេចកត់ត្រាកម្រៃសេវាចុងខែ');
  await app.shot('78-month-reopen-reason');
  await form.getByRole('button', { name: 'បើកឡើងវិញ' }).click();

  await expect(page.getByRole('status')).toContainText(`បានបើកខែ ${label(lastMonth)} ឡើងវិញ`);
  const log = page.getByRole('region', { name: 'កំណត់ត្រាការបិទ និងបើកខែ' });
  await expect(log.getByRole('row').nth(1)).toContainText('បើកឡើងវិញ');
  await expect(log.getByRole('row').nth(1)).toContainText('ភ្លេចកត់ត្រាកម្រៃសេវាចុងខែ');
  await expect(log.getByRole('row').nth(1)).toContainText(TEST_ADMIN.displayName);
  await expect(log.getByRole('row').nth(2)).toContainText('បិទបញ្ជី');
  await app.shot('79-month-log');

  const logged = await db.selectFrom('month_close_log').select(['month', 'action', 'reason']).execute();
  expect(logged).toEqual([
    { month: lastMonth, action: 'close', reason: null },
    { month: lastMonth, action: 'reopen', reason: 'ភ្លេចកត់ត្រាកម្រៃសេវាចុងខែ' },
  ]);
  await expect(post(db, lateFee, actor)).resolves.toBeGreaterThan(0);
});

test('a long ledger scrolls inside the screen, its column headings staying in view', async ({
  app,
  page,
}) => {
  const { db, actor, cashKhr, fees } = await booksOverTwoMonths(app);
  const { lastMonth } = calendar(app);
  // Three fees a day for 28 days: 168,000 more in cash than the books above.
  for (let day = 1; day <= 28; day += 1) {
    for (const amount of [1_000, 2_000, 3_000]) {
      await post(
        db,
        {
          date: `${lastMonth}-${String(day).padStart(2, '0')}`,
          kind: 'voucher',
          memo: `កម្រៃសេវាកិនស្រូវ ថ្ងៃទី${toKhmerDigits(String(day))}`,
          lines: [
            { accountId: cashKhr, currency: 'KHR', amount },
            { accountId: fees, currency: 'KHR', amount: -amount },
          ],
        },
        actor,
      );
    }
  }
  await app.openMembers();
  await page.getByRole('button', { name: 'របាយការណ៍ហិរញ្ញវត្ថុ' }).click();
  await kindSelect(page, 'របាយការណ៍').selectOption({ label: 'សៀវភៅធំ' });
  await page.getByLabel('ពីថ្ងៃ').fill(formatDateTable(`${lastMonth}-01`, 'latin'));
  await kindSelect(page, 'គណនី').selectOption({ label: '1101 សាច់ប្រាក់ក្នុងដៃ (រៀល) (KHR)' });
  const closing = row(page, /សមតុល្យចុងគ្រា/);
  await expect(closing).toContainText('៥៧៥.៥០០៛');
  await expect(closing).not.toBeInViewport();

  const heights = await page.evaluate(() => ({
    page: document.documentElement.scrollHeight,
    window: window.innerHeight,
  }));
  expect(heights.page).toBeLessThanOrEqual(heights.window);
  await page.locator('.stmt-scroll').evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(closing).toBeInViewport();
  await expect(page.getByRole('columnheader', { name: 'សមតុល្យ' })).toBeInViewport();
  await app.shot('80-long-ledger-scrolled');
});
