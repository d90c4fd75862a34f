import { createMember } from '../../main/members/register';
import { openSavingsAccount } from '../../main/savings/accounts';
import { createProduct } from '../../main/savings/products';
import { formatAmount, formatDateTable, monthName, toKhmerDigits } from '../../shared/khmer';
import { accountId, type Db, openSrovSambo } from './books';
import { type AppFixture, expect, type Page, test } from './fixtures';

const blankMember = {
  birthDate: '',
  nationalId: '',
  phone: '',
  village: 'ព្រៃខ្លា',
  commune: 'ព្រះស្តេច',
  nextOfKin: '',
  notes: '',
};

// Numbers 0001–0006 in this order. Two are called សុខ, so a search by that name has to be chosen from.
const MEMBERS = [
  ['សុខ ស្រីមុំ', 'Sok Sreymom', 'F'],
  ['ចាន់ ដារ៉ា', 'Chan Dara', 'M'],
  ['កែវ សុភា', 'Keo Sophea', 'F'],
  ['ហេង វិចិត្រ', 'Heng Vichet', 'M'],
  ['សុខ ចន្ថា', 'Sok Chantha', 'F'],
  ['ម៉ៅ ស្រីល័ក្ខ', 'Mao Sreyleak', 'F'],
] as const;

/** The month before `month` ('YYYY-MM'), and its first day. */
function monthBefore(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

const daysIn = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const daysInYear = (year: number) => ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365);

/** A cooperative with 3,000,000 riel of cash from its paper books and six members who joined in 2020. */
async function cooperativeWithMembers(app: AppFixture) {
  const db = app.backend.session.db;
  const now = app.backend.session.now();
  await openSrovSambo(db, { bookkeeper: 'សៅ ចន្ទា' }, { KHR: 3_000_000 });
  const members = [];
  for (const [nameKm, nameLatin, sex] of MEMBERS) {
    members.push(
      await createMember(db, { ...blankMember, nameKm, nameLatin, sex, joinDate: '2020-03-01' }, now),
    );
  }
  return { db, now, members };
}

/** Each member's savings in the product's control account, from the ledger. */
async function balances(db: Db, controlAccountId: number) {
  const rows = await db
    .selectFrom('journal_lines')
    .select((eb) => ['member_id', eb.fn.sum<number>('amount').as('amount')])
    .where('account_id', '=', controlAccountId)
    .groupBy('member_id')
    .execute();
  const held: Record<string, number> = {};
  for (const r of rows) held[String(r.member_id)] = -r.amount;
  return held;
}

const entriesOfKind = (db: Db, kind: string) =>
  db
    .selectFrom('journal_entries')
    .select(['id', 'number', 'date'])
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name }).click();

/** Types a member, then the amount, the way the bookkeeper does: each step ends with Enter (or Tab). */
async function deposit(page: Page, who: string, amount: string, via: 'Enter' | 'Tab' = 'Enter') {
  await page.keyboard.type(who);
  await page.keyboard.press(via);
  await expect(page.getByLabel('ចំនួនទឹកប្រាក់', { exact: true })).toBeFocused();
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'សមាជិក' })).toBeFocused();
}

test('a riel product, a collection day typed with the keyboard only, and its interest, in Khmer', async ({
  app,
  page,
}) => {
  const { db, now, members } = await cooperativeWithMembers(app);
  const thisMonth = now.today.slice(0, 7);
  const lastMonth = monthBefore(thisMonth);
  const depositDay = `${lastMonth}-01`;
  await app.openMembers();

  // (1) The product, through the products screen: a rate typed as a percentage.
  await nav(page, 'ផលិតផលសន្សំ');
  await expect(page.getByText('មិនទាន់មានផលិតផលសន្សំទេ', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: '+ បន្ថែមផលិតផល' }).click();
  const form = page.getByRole('form', { name: 'ផលិតផលសន្សំថ្មី' });
  await expect(form.getByLabel('ឈ្មោះ (ខ្មែរ)')).toBeFocused();
  await form.getByLabel('ឈ្មោះ (ខ្មែរ)').fill('ប្រាក់សន្សំប្រចាំខែ');
  await form.getByLabel('ឈ្មោះ (អង់គ្លេស)').fill('Monthly savings');
  await form.getByLabel('អត្រាការប្រាក់ប្រចាំឆ្នាំ (%)').fill('5.25');
  await form.getByLabel('ប្រាក់បញ្ញើដំបូងអប្បបរមា').fill('10,000');
  await expect(form.getByLabel('រយៈពេល (ខែ)')).toHaveCount(0);
  await app.shot('95-product-form-km');
  await form.getByRole('button', { name: 'រក្សាទុកផលិតផល' }).click();
  await expect(page.getByRole('status')).toHaveText('បានបន្ថែមផលិតផល ប្រាក់សន្សំប្រចាំខែ (គណនី 2101)');
  const row = page.getByRole('row', { name: /ប្រាក់សន្សំប្រចាំខែ/ });
  await expect(row).toContainText('៥,២៥%');
  await expect(row).toContainText('១០.០០០៛');
  await expect(row).toContainText('ប្រចាំខែ');
  const product = await db.selectFrom('savings_products').selectAll().executeTakeFirstOrThrow();
  expect(product).toMatchObject({
    name_km: 'ប្រាក់សន្សំប្រចាំខែ',
    currency: 'KHR',
    kind: 'ordinary',
    term_months: null,
    annual_rate_bp: 525,
    posting: 'monthly',
    min_opening_deposit: 10_000,
  });
  await app.shot('95-products-km');

  // Chan Dara has saved since the month before: the collection day shows what he holds.
  const [sok, dara, keo, heng, chantha] = members.map((m) => m.id);
  const cashKhr = await accountId(db, '1101');
  await openSavingsAccount(
    db,
    {
      memberId: dara ?? 0,
      productId: product.id,
      date: `${monthBefore(lastMonth)}-01`,
      amount: 40_000,
      cashAccountId: cashKhr,
    },
    { ...now, user: 'test' },
  );

  // (2) The collection day, from the keyboard only once the date field has the focus.
  await nav(page, 'ថ្ងៃប្រមូលប្រាក់សន្សំ');
  const member = page.getByRole('combobox', { name: 'សមាជិក' });
  await expect(member).toBeFocused();
  await page.getByLabel('កាលបរិច្ឆេទ').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(formatDateTable(depositDay, 'latin'));
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('ដាក់ចូលសាច់ប្រាក់ ឬធនាគារ')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(member).toBeFocused();

  await deposit(page, '1', '50000');
  await page.keyboard.type('2');
  await expect(page.locator('.entry-confirm')).toContainText('ចាន់ ដារ៉ា');
  await expect(page.locator('.entry-confirm')).toContainText('សមតុល្យ ៤០.០០០៛');
  await page.keyboard.press('Tab');
  await page.keyboard.type('30000');
  await page.keyboard.press('Enter');
  // Two members are called សុខ: the arrow picks the second, the one not yet in the batch.
  await page.keyboard.type('សុខ');
  const options = page.getByRole('listbox', { name: 'សមាជិកដែលរកឃើញ' }).getByRole('option');
  await expect(options).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await app.shot('95-collection-choose-member');
  await page.keyboard.press('Enter');
  await expect(page.locator('.entry-confirm')).toContainText('សុខ ចន្ថា');
  await expect(page.locator('.entry-confirm')).toContainText('គណនីថ្មី៖ ប្រាក់បញ្ញើដំបូងយ៉ាងតិច ១០.០០០៛');
  await page.keyboard.type('20000');
  await page.keyboard.press('Enter');
  // No member 0009: nothing is taken. An amount forgotten is asked for, not added.
  await page.keyboard.type('9');
  await expect(page.getByRole('alert')).toHaveText('រកមិនឃើញសមាជិកសកម្មដែលត្រូវនឹង «9»');
  await page.keyboard.press('Enter');
  await expect(member).toBeFocused();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('សូមវាយចំនួនទឹកប្រាក់');
  await app.shot('95-collection-amount-missing');
  await expect(page.getByLabel('ចំនួនទឹកប្រាក់', { exact: true })).toBeFocused();
  await page.keyboard.type('100000');
  await page.keyboard.press('Enter');
  await expect(member).toBeFocused();
  // A fast typist's whole line in one go, without waiting for the name to come back.
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await page.keyboard.type('15000');
  await page.keyboard.press('Enter');
  await expect(member).toBeFocused();
  await expect(page.getByRole('table', { name: 'ប្រាក់ដាក់ក្នុងបញ្ជីនេះ' }).getByRole('row')).toHaveCount(6);
  // One too many: Mao Sreyleak brought less than a new account needs.
  await deposit(page, '6', '5000');
  const totals = page.locator('.batch-totals');
  await expect(totals).toContainText('ចំនួនអ្នកដាក់ប្រាក់៦');
  await expect(totals).toContainText('២២០.០០០៛');

  // Posting refuses the batch on her line, and nothing is written.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'តិចជាងប្រាក់បញ្ញើដំបូងអប្បបរមា' })).toHaveText(
    'តិចជាងប្រាក់បញ្ញើដំបូងអប្បបរមា (១០.០០០៛)',
  );
  await expect(page.getByLabel('ចំនួនទឹកប្រាក់ បន្ទាត់ទី ៦')).toBeFocused();
  expect(await entriesOfKind(db, 'savings_deposit')).toHaveLength(1);
  await app.shot('95-collection-refused-line');
  // She is taken off the batch (Tab to her line's ✕, Enter), and Heng Vichet's 15,000 becomes 25,000.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'លុបបន្ទាត់ទី ៦ (ម៉ៅ ស្រីល័ក្ខ)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(member).toBeFocused();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
  await expect(page.getByLabel('ចំនួនទឹកប្រាក់ បន្ទាត់ទី ៥')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('25000');
  await page.keyboard.press('Enter');
  await expect(member).toBeFocused();
  await expect(totals).toContainText('ចំនួនអ្នកដាក់ប្រាក់៥');
  await expect(totals).toContainText('២២៥.០០០៛');
  await app.shot('95-collection-batch');

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'បានកត់ត្រា' })).toHaveText(
    'បានកត់ត្រាប្រាក់ដាក់ ៥ ដង សរុប ២២៥.០០០៛។ មើលលេខបង្កាន់ដៃនៅក្នុងតារាង។',
  );
  await expect(page.getByRole('button', { name: 'ចាប់ផ្តើមបញ្ជីថ្មី' })).toBeFocused();
  const deposits = await entriesOfKind(db, 'savings_deposit');
  expect(deposits).toHaveLength(6);
  expect(deposits.slice(1).map((e) => e.date)).toEqual(Array(5).fill(depositDay));
  expect(deposits.slice(1).map((e) => e.number)).toEqual([
    'DP-000002',
    'DP-000003',
    'DP-000004',
    'DP-000005',
    'DP-000006',
  ]);
  const held = await balances(db, product.account_id);
  expect(held).toEqual({
    [sok ?? 0]: 50_000,
    [dara ?? 0]: 70_000,
    [chantha ?? 0]: 20_000,
    [keo ?? 0]: 100_000,
    [heng ?? 0]: 25_000,
  });
  const batch = page.getByRole('table', { name: 'ប្រាក់ដាក់ក្នុងបញ្ជីនេះ' });
  await expect(batch.getByRole('row', { name: /ចាន់ ដារ៉ា/ })).toContainText('DP-000003');
  await expect(batch.getByRole('row', { name: /ចាន់ ដារ៉ា/ })).toContainText('៧០.០០០៛');
  await expect(batch.getByRole('row', { name: /ហេង វិចិត្រ/ })).toContainText('DP-000006');
  await expect(batch.getByRole('row', { name: /ហេង វិចិត្រ/ })).toContainText('២៥.០០០៛');
  await expect(batch.getByRole('row', { name: /សុខ ចន្ថា/ })).toContainText('បើកគណនីថ្មី');
  await app.shot('95-collection-posted');
  await page.keyboard.press('Enter');
  await expect(member).toBeFocused();
  await expect(page.getByText('មិនទាន់មានប្រាក់ដាក់ទេ', { exact: false })).toBeVisible();

  // Each depositor's statement shows the new balance and the morning's receipt.
  for (const [number, name, receipt, balance] of [
    ['០០០១', 'សុខ ស្រីមុំ', 'DP-000002', '៥០.០០០៛'],
    ['០០០២', 'ចាន់ ដារ៉ា', 'DP-000003', '៧០.០០០៛'],
    ['០០០៥', 'សុខ ចន្ថា', 'DP-000004', '២០.០០០៛'],
    ['០០០៣', 'កែវ សុភា', 'DP-000005', '១០០.០០០៛'],
    ['០០០៤', 'ហេង វិចិត្រ', 'DP-000006', '២៥.០០០៛'],
  ] as const) {
    await nav(page, 'សមាជិក');
    await page.getByRole('searchbox').fill(name);
    await page.getByRole('row', { name: new RegExp(`${number}.*${name}`) }).click();
    await page.getByRole('button', { name: 'របាយការណ៍សមាជិក' }).click();
    await expect(page.locator('.statement-name')).toHaveText(name);
    const movement = page.getByRole('row', { name: new RegExp(receipt) });
    await expect(movement).toContainText(balance);
    if (number === '០០០២') await app.shot('95-statement-after-collection');
    await page.getByRole('button', { name: /ថយក្រោយ/ }).click();
  }

  // (3) Last month's interest: previewed, posted once, refused the second time.
  await nav(page, 'ការប្រាក់');
  await expect(page.getByLabel('រយៈពេល')).toHaveValue(lastMonth);
  await page.getByRole('button', { name: 'មើលជាមុន' }).click();
  const monthKm = `${monthName(Number(lastMonth.slice(5, 7)), 'km')} ${toKhmerDigits(lastMonth.slice(0, 4))}`;
  const table = page.getByRole('table', { name: monthKm });
  await expect(table.getByRole('row')).toHaveCount(7);
  await app.shot('95-interest-preview');
  await page.getByRole('button', { name: 'កត់ត្រាការប្រាក់' }).click();
  await expect(page.getByRole('status')).toContainText('បានកត់ត្រាការប្រាក់');

  const [interest, ...others] = await entriesOfKind(db, 'interest');
  expect(others).toHaveLength(0);
  const lines = await db
    .selectFrom('journal_lines')
    .select(['account_id', 'member_id', 'amount'])
    .where('entry_id', '=', interest?.id ?? 0)
    .execute();
  const interestPaid = await accountId(db, '5601');
  const expense = lines.filter((l) => l.account_id === interestPaid);
  const credits = lines.filter((l) => l.account_id === product.account_id);
  expect(expense).toHaveLength(1);
  expect(credits).toHaveLength(5);
  const total = credits.reduce((sum, l) => sum - l.amount, 0);
  expect(expense[0]?.amount).toBe(total);
  // Every balance was held the whole month: balance × 5.25 % × days ÷ days of the year, to the riel.
  const days = daysIn(lastMonth);
  const yearDays = daysInYear(Number(lastMonth.slice(0, 4)));
  const byHand = (balance: number) => Math.round((balance * 525 * days) / (10_000 * yearDays));
  expect(Object.fromEntries(credits.map((l) => [l.member_id, -l.amount]))).toEqual(
    Object.fromEntries(Object.entries(held).map(([id, balance]) => [id, byHand(balance)])),
  );
  const totalText = formatAmount(total, 'KHR', { digits: 'khmer' });
  await expect(table.getByRole('row').last()).toContainText(totalText);
  await expect(page.getByRole('status')).toContainText(totalText);
  await expect(page.getByRole('region', { name: /ប្រតិបត្តិការលេខ/ })).toContainText('5601');
  await app.shot('95-interest-posted');

  // The period is now marked as posted in the list, and running it again is refused.
  await expect(page.getByLabel('រយៈពេល').locator('option:checked')).toContainText('បានកត់ត្រារួច');
  await page.getByRole('button', { name: 'មើលជាមុន' }).click();
  await page.getByRole('button', { name: 'កត់ត្រាការប្រាក់' }).click();
  await expect(page.getByRole('alert')).toHaveText('ការប្រាក់សម្រាប់រយៈពេលនេះបានកត់ត្រារួចហើយ');
  expect(await entriesOfKind(db, 'interest')).toHaveLength(1);
  await app.shot('95-interest-refused');
});

test('the products screen in English: every setting, a fixed-term form, closing a product', async ({
  app,
  page,
}) => {
  const { db, now, members } = await cooperativeWithMembers(app);
  const product = (input: Parameters<typeof createProduct>[1]) => createProduct(db, input, now);
  const riel = await product({
    nameKm: 'ប្រាក់សន្សំធម្មតា',
    nameEn: 'Ordinary savings',
    currency: 'KHR',
    kind: 'ordinary',
    termMonths: null,
    annualRateBp: 500,
    posting: 'monthly',
    minOpeningDeposit: 10_000,
    earlyWithdrawal: false,
    earlyPenaltyBp: 0,
  });
  await product({
    nameKm: 'ប្រាក់សន្សំដុល្លារ',
    nameEn: 'Dollar savings',
    currency: 'USD',
    kind: 'ordinary',
    termMonths: null,
    annualRateBp: 300,
    posting: 'quarterly',
    minOpeningDeposit: 500,
    earlyWithdrawal: false,
    earlyPenaltyBp: 0,
  });
  await product({
    nameKm: 'ប្រាក់បញ្ញើ ១២ ខែ',
    nameEn: '12-month deposit',
    currency: 'KHR',
    kind: 'fixed',
    termMonths: 12,
    annualRateBp: 750,
    posting: 'maturity',
    minOpeningDeposit: 1_000_000,
    earlyWithdrawal: true,
    earlyPenaltyBp: 200,
  });
  await openSavingsAccount(
    db,
    {
      memberId: members[0]?.id ?? 0,
      productId: riel.id,
      date: now.today,
      amount: 25_000,
      cashAccountId: await accountId(db, '1101'),
    },
    { ...now, user: 'test' },
  );
  await app.openMembers();
  await page.getByRole('button', { name: 'English' }).click();
  await nav(page, 'Savings products');
  await expect(page.getByRole('heading', { name: 'Savings products' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Savings products' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toHaveText(
    /Ordinary savings.*Riel.*Ordinary savings.*—.*5\.00%.*Monthly.*10,000៛.*—.*2101.*1.*In use/,
  );
  await expect(rows.nth(2)).toHaveText(/Dollar savings.*Dollar.*3\.00%.*Quarterly.*\$5\.00.*2102.*0/);
  await expect(rows.nth(3)).toHaveText(
    /12-month deposit.*Fixed-term deposit.*12 months.*7\.50%.*At maturity.*1,000,000៛.*Yes \(penalty 2\.00%\).*2103/,
  );

  await page.getByRole('button', { name: 'Close the product Dollar savings' }).click();
  await expect(page.getByRole('status')).toHaveText('Product Dollar savings closed');
  await expect(rows.nth(2)).toContainText('Closed');
  expect(
    (
      await db
        .selectFrom('savings_products')
        .select('active')
        .where('name_en', '=', 'Dollar savings')
        .executeTakeFirst()
    )?.active,
  ).toBe(0);
  await app.shot('95-products-en');

  // A fixed-term product's form asks for the term and, when early withdrawal is allowed, the penalty.
  await page.getByRole('button', { name: '+ Add a product' }).click();
  const form = page.getByRole('form', { name: 'New savings product' });
  await form.getByLabel('Name (Khmer)').fill('ប្រាក់បញ្ញើ ៦ ខែ');
  await form.getByLabel('Name (English)').fill('6-month deposit');
  await form.getByLabel('Kind').selectOption('fixed');
  await expect(form.getByLabel('Term (months)')).toHaveValue('12');
  await expect(form.getByLabel('Interest posted')).toHaveValue('maturity');
  await form.getByLabel('Early withdrawal allowed').check();
  await form.getByRole('button', { name: 'Save the product' }).click();
  await expect(form.getByText('Annual interest rate (%): is required')).toBeVisible();
  await app.shot('95-product-form-en');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);

  // The other two screens in English: a member with savings shows the balance, a period its quarter.
  await nav(page, 'Collection day');
  const member = page.getByRole('combobox', { name: 'Member' });
  await expect(member).toBeFocused();
  await page.keyboard.type('1');
  await expect(page.locator('.entry-confirm')).toHaveText(/0001\s*សុខ ស្រីមុំ\s*Balance 25,000៛/);
  await app.shot('95-collection-en');
  await nav(page, 'Interest');
  await page.getByLabel('Savings product').selectOption({ label: 'Dollar savings (USD) (closed)' });
  await expect(page.getByLabel('Period').locator('option').first()).toHaveText(/^Quarter [1-4] \d{4}$/);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('No member earned interest in this period')).toBeVisible();
  await app.shot('95-interest-en');
  await nav(page, 'Savings products');

  // The same list in Khmer, the widest it gets.
  await page.getByRole('button', { name: 'ខ្មែរ' }).click();
  const khmer = page.getByRole('table', { name: 'ផលិតផលសន្សំ' }).getByRole('row');
  await expect(khmer.nth(3)).toContainText('បាន (ពិន័យ ២,០០%)');
  await expect(khmer.nth(2)).toContainText('បានបិទ');
  await app.shot('95-products-km-all');
});
