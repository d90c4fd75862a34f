import { trialBalance } from '../../main/ledger/statements';
import { postVoucher } from '../../main/ledger/vouchers';
import { createMember } from '../../main/members/register';
import { formatAmount, formatDateTable } from '../../shared/khmer';
import type { TrialBalance } from '../../shared/ledger';
import { accountId, type Db, openSrovSambo } from './books';
import { expect, type Page, test } from './fixtures';

/** Srov Sambo with 3,000,000 riel and $2,000 of cash to pay vouchers from. */
const withCooperative = (db: Db) => openSrovSambo(db, {}, { KHR: 3_000_000, USD: 200_000 });

/** An account's balance in a trial balance, debit positive; 0 when the account has none. */
const balanceOf = (tb: TrialBalance, code: string) => {
  const row = tb.rows.find((r) => r.code === code);
  return row ? row.debit - row.credit : 0;
};

const entryCount = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('journal_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The date as typed into a DateInput. The browser's and the backend's "today" can differ by a time zone. */
const typed = (iso: string) => formatDateTable(iso, 'latin');

async function openVouchers(page: Page, nav: string) {
  await page.getByRole('navigation').getByRole('button', { name: nav }).click();
}

test('a Khmer payment voucher for stationery moves the trial balance by exactly its amount', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await withCooperative(db);
  const today = app.backend.session.now().today;
  const before = await trialBalance(db, today);
  await app.openMembers();
  await openVouchers(page, 'ប្រតិបត្តិការសាច់ប្រាក់');
  await page.getByRole('tab', { name: 'ចំណាយប្រាក់' }).click();
  const form = page.getByRole('form', { name: 'ប័ណ្ណចំណាយប្រាក់' });
  await expect(form.getByLabel('ដកពីសាច់ប្រាក់ ឬធនាគារ')).toHaveValue(String(await accountId(db, '1101')));
  await form.getByLabel('កាលបរិច្ឆេទ').fill(typed(today));
  await form.getByLabel('ចំណាយលើគណនី').selectOption({ label: '5401 សម្ភារៈការិយាល័យ (KHR)' });
  await form.getByLabel('ចំនួនទឹកប្រាក់').fill('125,000');
  await form.getByLabel('បង់ឱ្យ').fill('ហាងលក់សម្ភារៈ ស្រីពៅ');
  await form.getByLabel('បរិយាយ').fill('ក្រដាស និងប៊ិចសម្រាប់កិច្ចប្រជុំប្រចាំខែ');
  await app.shot('50-payment-filled');
  await form.getByRole('button', { name: 'កត់ត្រា' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'PV-000001' })).toHaveText(
    'បានកត់ត្រា ប័ណ្ណចំណាយប្រាក់ លេខ PV-000001',
  );
  const entry = page.getByRole('rowgroup', { name: 'PV-000001', exact: true });
  await expect(entry).toContainText('ក្រដាស និងប៊ិចសម្រាប់កិច្ចប្រជុំប្រចាំខែ');
  await expect(entry.getByRole('row', { name: /5401/ })).toContainText('១២៥.០០០៛');
  await expect(entry.getByRole('row', { name: /1101/ })).toContainText('១២៥.០០០៛');
  // The form is ready for the next voucher: same cash account, no amount, no head.
  await expect(form.getByLabel('ចំនួនទឹកប្រាក់')).toHaveValue('');
  await expect(form.getByLabel('ចំណាយលើគណនី')).toHaveValue('');
  await app.shot('51-payment-posted');

  const after = await trialBalance(db, today);
  expect(balanceOf(after, '5401') - balanceOf(before, '5401')).toBe(125_000);
  expect(balanceOf(after, '1101') - balanceOf(before, '1101')).toBe(-125_000);
  // Money moved from one debit balance (cash) to another (stationery): the totals stay, and agree.
  expect(after.totals.KHR.debit).toBe(before.totals.KHR.debit);
  expect(after.totals.KHR.debit).toBe(after.totals.KHR.credit);

  // And the bookkeeper sees it on the trial balance screen.
  await page.getByRole('navigation').getByRole('button', { name: 'របាយការណ៍ហិរញ្ញវត្ថុ' }).click();
  await expect(page.getByRole('heading', { name: 'តារាងតុល្យភាពសាកល្បង' })).toBeVisible();
  const khr = page.getByRole('rowgroup', { name: 'ប្រាក់រៀល (KHR)' });
  await expect(khr.getByRole('row', { name: /^5401/ })).toContainText('១២៥.០០០៛');
  const total = formatAmount(after.totals.KHR.debit, 'KHR', { digits: 'khmer' }).replaceAll('.', '\\.');
  await expect(khr.getByRole('row', { name: /សរុប KHR/ })).toHaveText(
    new RegExp(`សរុប KHR\\s*${total}\\s*${total}`),
  );
  await app.shot('51b-trial-balance-after-payment');
});

test('a refused voucher shows the Khmer reason beside its field and writes nothing', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await withCooperative(db);
  const entriesAtStart = await entryCount(db);
  const today = app.backend.session.now().today;
  const tomorrow = new Date(`${today}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  await app.openMembers();
  await openVouchers(page, 'ប្រតិបត្តិការសាច់ប្រាក់');
  await page.getByRole('tab', { name: 'ចំណាយប្រាក់' }).click();
  const form = page.getByRole('form', { name: 'ប័ណ្ណចំណាយប្រាក់' });

  await form.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(form.getByText('ចំនួនទឹកប្រាក់: ត្រូវតែបំពេញ')).toBeVisible();
  await expect(form.getByText('ចំណាយលើគណនី: ត្រូវតែបំពេញ')).toBeVisible();
  await expect(form.getByLabel('ចំនួនទឹកប្រាក់')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('កាលបរិច្ឆេទ').fill(typed(tomorrow.toISOString().slice(0, 10)));
  await form.getByLabel('ចំណាយលើគណនី').selectOption({ label: '5301 ថ្លៃធ្វើដំណើរ និងដឹកជញ្ជូន (KHR)' });
  await form.getByLabel('ចំនួនទឹកប្រាក់').fill('40000');
  await form.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(form.getByText('កាលបរិច្ឆេទ: មិនអាចជាថ្ងៃអនាគតបានទេ')).toBeVisible();
  await expect(form.getByLabel('កាលបរិច្ឆេទ')).toBeFocused();
  await app.shot('52-refused-future-date');

  // A member account needs the member: the ledger's refusal comes back beside the member picker.
  await createMember(
    db,
    {
      nameKm: 'ចាន់ សុភាព',
      nameLatin: '',
      sex: 'F',
      birthDate: '',
      nationalId: '',
      phone: '',
      village: 'ព្រៃខ្លា',
      commune: '',
      joinDate: '2016-02-01',
      nextOfKin: '',
      notes: '',
    },
    { today, timestamp: `${today}T02:00:00.000Z` },
  );
  await page.getByRole('tab', { name: 'ទទួលប្រាក់' }).click();
  const receipt = page.getByRole('form', { name: 'ប័ណ្ណទទួលប្រាក់' });
  await receipt.getByLabel('ទទួលសម្រាប់គណនី').selectOption({
    label: '1401 ឥណទានធាតុចូលលើសមាជិក (រៀល) (KHR)',
  });
  await expect(receipt.getByLabel('ជាសមាជិក')).toBeChecked();
  await receipt.getByLabel('ចំនួនទឹកប្រាក់').fill('20000');
  await receipt.getByLabel('កាលបរិច្ឆេទ').fill(typed(today));
  await receipt.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(receipt.getByText('សមាជិក: គណនី 1401 ត្រូវការសមាជិក')).toBeVisible();
  await app.shot('53-refused-member-needed');

  expect(await entryCount(db)).toBe(entriesAtStart);
  const sequences = await db
    .selectFrom('sequences')
    .select('name')
    .where('name', 'like', 'voucher_%')
    .execute();
  expect(sequences).toEqual([]);

  // With the member chosen the same receipt goes through, and the line carries the member.
  await receipt.getByRole('searchbox').fill('ចាន់');
  await receipt.getByLabel(/^សមាជិក/).selectOption({ label: '០០០១ ចាន់ សុភាព' });
  await expect(receipt.getByLabel('ទទួលពី')).toHaveValue('០០០១ ចាន់ សុភាព');
  await receipt.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'RV-000001' })).toBeVisible();
  const lines = await db.selectFrom('journal_lines').select(['account_id', 'member_id', 'amount']).execute();
  expect(lines).toContainEqual({ account_id: await accountId(db, '1401'), member_id: 1, amount: -20_000 });
});

test('dollars exchanged to riel at 4102.5 post the difference to the exchange-difference account', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await withCooperative(db);
  const today = app.backend.session.now().today;
  await app.openMembers();
  await openVouchers(page, 'ប្រតិបត្តិការសាច់ប្រាក់');
  await page.getByRole('tab', { name: 'ប្តូររូបិយប័ណ្ណ' }).click();
  const form = page.getByRole('form', { name: 'ប្តូររូបិយប័ណ្ណ រៀល និងដុល្លារ' });
  await expect(form.getByLabel('ពីគណនី')).toHaveValue(String(await accountId(db, '1102')));
  await expect(form.getByLabel('ទៅគណនី')).toHaveValue(String(await accountId(db, '1101')));
  await form.getByLabel('ចំនួនប្តូរចេញ').fill('100.00');
  await form.getByLabel('អត្រាប្តូរប្រាក់').fill('4102.5');
  await expect(form.getByLabel('ចំនួនទទួលបាន')).toHaveValue('410250');
  await expect(form.getByRole('status')).toContainText('៤១០.២៥០៛');
  await expect(form.getByRole('status')).toContainText('គ្មានលម្អៀង');
  await form.getByLabel('ចំនួនទទួលបាន').fill('410,000');
  await expect(form.getByRole('status')).toContainText('២៥០៛');
  await expect(form.getByRole('status')).toContainText('4401 លម្អៀងពីការប្តូររូបិយប័ណ្ណ (រៀល)');
  await form.getByLabel('កាលបរិច្ឆេទ').fill(typed(today));
  await app.shot('54-exchange-filled');
  await form.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'EX-000001' })).toBeVisible();
  const entry = page.getByRole('rowgroup', { name: 'EX-000001', exact: true });
  await expect(entry.getByRole('row', { name: /4401/ })).toContainText('២៥០៛');
  await expect(entry.getByRole('row', { name: /1102/ })).toContainText('១០០,០០$');
  await app.shot('55-exchange-posted');

  const posted = await db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .innerJoin('accounts as a', 'a.id', 'l.account_id')
    .select(['a.code', 'l.amount'])
    .where('e.number', '=', 'EX-000001')
    .orderBy('a.code')
    .execute();
  // $100.00 at 4102.5 is 410,250 riel; 410,000 arrived, so 250 riel goes to 4401 as a debit (a loss).
  expect(posted).toEqual([
    { code: '1101', amount: 410_000 },
    { code: '1102', amount: -10_000 },
    { code: '3951', amount: -410_250 },
    { code: '3952', amount: 10_000 },
    { code: '4401', amount: 250 },
  ]);
});

test('a payment is reversed from the journal with a reason, and the books return to where they were', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await withCooperative(db);
  const today = app.backend.session.now().today;
  const before = await trialBalance(db, today);
  await postVoucher(
    db,
    {
      direction: 'payment',
      date: today,
      cashAccountId: await accountId(db, '1101'),
      headAccountId: await accountId(db, '5401'),
      currency: 'KHR',
      amount: 125_000,
      party: 'ហាងលក់សម្ភារៈ ស្រីពៅ',
      memberId: null,
      memo: 'ក្រដាស និងប៊ិច',
    },
    await app.backend.session.actor(),
  );
  await app.openMembers();
  await openVouchers(page, 'ប្រតិបត្តិការសាច់ប្រាក់');
  const payment = page.getByRole('rowgroup', { name: 'PV-000001', exact: true });
  await payment.getByRole('button', { name: 'បញ្ច្រាស', exact: true }).click();
  const reverse = page.getByRole('form', { name: 'បញ្ច្រាស PV-000001' });
  await expect(reverse.getByLabel('មូលហេតុ')).toBeFocused();
  await reverse.getByRole('button', { name: 'កត់ត្រាការបញ្ច្រាស' }).click();
  await expect(reverse.getByText('មូលហេតុ: ត្រូវតែបំពេញ')).toBeVisible();
  await reverse.getByLabel('មូលហេតុ').fill('កត់ត្រាចំនួនខុស');
  await reverse.getByLabel('កាលបរិច្ឆេទបញ្ច្រាស').fill(typed(today));
  await app.shot('56-reverse-form');
  await reverse.getByRole('button', { name: 'កត់ត្រាការបញ្ច្រាស' }).click();

  await expect(payment).toContainText('បានបញ្ច្រាសដោយ ប្រតិបត្តិការលេខ ៣');
  await expect(payment.getByRole('button', { name: 'បញ្ច្រាស', exact: true })).toHaveCount(0);
  const reversal = page.getByRole('rowgroup', { name: 'ប្រតិបត្តិការលេខ ៣', exact: true });
  await expect(reversal).toContainText('បញ្ច្រាស PV-000001');
  await expect(reversal).toContainText('កត់ត្រាចំនួនខុស');
  await expect(reversal.getByRole('button', { name: 'បញ្ច្រាស', exact: true })).toHaveCount(0);
  await app.shot('57-reversed');

  const entries = await db
    .selectFrom('journal_entries')
    .select(['id', 'reverses_id', 'memo'])
    .where('kind', '!=', 'opening')
    .execute();
  expect(entries).toEqual([
    { id: 2, reverses_id: null, memo: 'ក្រដាស និងប៊ិច' },
    { id: 3, reverses_id: 2, memo: 'កត់ត្រាចំនួនខុស' },
  ]);
  const after = await trialBalance(db, today);
  expect(balanceOf(after, '5401')).toBe(balanceOf(before, '5401'));
  expect(balanceOf(after, '1101')).toBe(balanceOf(before, '1101'));
});

test('the chart of accounts: add, refuse a taken code, rename, deactivate and delete', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await withCooperative(db);
  await app.openMembers();
  await page.getByRole('navigation').getByRole('button', { name: 'តារាងគណនី' }).click();
  await expect(
    page.getByRole('rowgroup', { name: 'ចំណាយ', exact: true }).getByRole('row', { name: /5401/ }),
  ).toContainText('សម្ភារៈការិយាល័យ');
  // Accounts with a role or with accounts under them are never offered for deletion.
  await expect(
    page.getByRole('row', { name: /^1101/ }).getByRole('button', { name: 'លុប', exact: true }),
  ).toHaveCount(0);
  await app.shot('58-accounts');

  await page.getByRole('button', { name: '+ បន្ថែមគណនី' }).click();
  const form = page.getByRole('form', { name: 'គណនីថ្មី' });
  await form.getByLabel('លេខកូដ').fill('5401');
  await form.getByLabel('ឈ្មោះ (ខ្មែរ)').fill('ថ្លៃអគ្គិសនី');
  await form.getByLabel('ឈ្មោះ (អង់គ្លេស)').fill('Electricity');
  await form.getByLabel('ប្រភេទ').selectOption({ label: 'ចំណាយ' });
  await expect(form.getByLabel('ស្ថិតក្នុងក្រុម')).toHaveValue(String(await accountId(db, '5')));
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(form.getByText('លេខកូដ: លេខកូដគណនីនេះមានរួចហើយ')).toBeVisible();
  await app.shot('59-account-code-taken');
  await form.getByLabel('លេខកូដ').fill('5402');
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByRole('status')).toHaveText('បានបន្ថែមគណនី 5402');
  const row = page.getByRole('row', { name: /^5402/ });
  await expect(row).toContainText('ថ្លៃអគ្គិសនី');
  await expect(row).toContainText('សកម្ម');
  await app.shot('60-account-added');
  expect(
    await db.selectFrom('accounts').selectAll().where('code', '=', '5402').executeTakeFirst(),
  ).toMatchObject({
    name_km: 'ថ្លៃអគ្គិសនី',
    name_en: 'Electricity',
    type: 'expense',
    currency: 'KHR',
    parent_id: await accountId(db, '5'),
    is_control: 0,
    is_cash: 0,
    active: 1,
  });

  await row.getByRole('button', { name: 'ប្តូរឈ្មោះ' }).click();
  const rename = page.getByRole('form', { name: 'ប្តូរឈ្មោះគណនី 5402' });
  await rename.getByLabel('ឈ្មោះ (ខ្មែរ)').fill('ថ្លៃអគ្គិសនី និងទឹក');
  await rename.getByLabel('ឈ្មោះ (អង់គ្លេស)').fill('Electricity and water');
  await app.shot('61-account-rename');
  await rename.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByRole('status')).toHaveText('បានប្តូរឈ្មោះគណនី 5402');
  await expect(row).toContainText('ថ្លៃអគ្គិសនី និងទឹក');

  await row.getByRole('button', { name: 'បិទគណនី' }).click();
  await expect(page.getByRole('status')).toHaveText('បានបិទគណនី 5402');
  await expect(row).toContainText('បានបិទ');
  await expect(row.getByRole('button', { name: 'បើកវិញ' })).toBeVisible();
  await app.shot('62-account-deactivated');
  expect(
    await db
      .selectFrom('accounts')
      .select(['name_km', 'name_en', 'active'])
      .where('code', '=', '5402')
      .executeTakeFirst(),
  ).toEqual({ name_km: 'ថ្លៃអគ្គិសនី និងទឹក', name_en: 'Electricity and water', active: 0 });

  await row.getByRole('button', { name: 'លុប', exact: true }).click();
  await expect(row).toContainText('លុបគណនី 5402 មែនទេ?');
  await row.getByRole('button', { name: 'លុបចេញ' }).click();
  await expect(page.getByRole('status')).toHaveText('បានលុបគណនី 5402');
  await expect(page.getByRole('row', { name: /^5402/ })).toHaveCount(0);
  expect(await db.selectFrom('accounts').select('id').where('code', '=', '5402').executeTakeFirst()).toBe(
    undefined,
  );
});

test('the same screens in English: a dollar receipt, a transfer, a refusal and the chart', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await withCooperative(db);
  const today = app.backend.session.now().today;
  await app.openMembers();
  await page.getByRole('button', { name: 'English' }).click();
  await openVouchers(page, 'Cash vouchers');
  await expect(page.getByRole('heading', { name: 'Cash vouchers' })).toBeVisible();
  const receipt = page.getByRole('form', { name: 'Receipt voucher' });
  await receipt.getByLabel('Currency').selectOption({ label: 'Dollars (USD)' });
  await receipt.getByRole('button', { name: 'Record' }).click();
  await expect(receipt.getByText('Amount: is required')).toBeVisible();
  await expect(receipt.getByText('Received for account: is required')).toBeVisible();
  await app.shot('63-english-refused');

  await receipt.getByLabel('Date').fill(typed(today));
  await receipt
    .getByLabel('Received for account')
    .selectOption({ label: '4302 Interest received (dollars) (USD)' });
  await receipt.getByLabel('Amount').fill('12.50');
  await receipt.getByLabel('Into cash or bank').selectOption({ label: '1202 Bank (dollars) (USD)' });
  await receipt.getByLabel('Received from').fill('ACLEDA Bank');
  await receipt.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'RV-000001' })).toHaveText(
    'Recorded Receipt voucher RV-000001',
  );
  await expect(
    page.getByRole('rowgroup', { name: 'RV-000001', exact: true }).getByRole('row', { name: /1202/ }),
  ).toContainText('$12.50');

  await page.getByRole('tab', { name: 'Transfer' }).click();
  const transfer = page.getByRole('form', { name: 'Transfer between cash and bank' });
  await transfer.getByLabel('Date').fill(typed(today));
  await transfer.getByLabel('Amount').fill('50000');
  await transfer.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'TR-000001' })).toBeVisible();
  const moved = page.getByRole('rowgroup', { name: 'TR-000001', exact: true });
  await expect(moved.getByRole('row', { name: /1201 Bank/ })).toContainText('50,000៛');
  await app.shot('64-english-transfer');

  await page.getByRole('tab', { name: 'Exchange' }).click();
  const exchange = page.getByRole('form', { name: 'Currency exchange, riel and dollars' });
  await exchange.getByLabel('Amount given').fill('20');
  await exchange.getByLabel('Rate (riel per dollar)').fill('4100');
  await exchange.getByLabel('Amount received').fill('82,100');
  await expect(exchange.getByRole('status')).toContainText('More than the rate gives');
  await app.shot('65-english-exchange');

  const lines = await db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .innerJoin('accounts as a', 'a.id', 'l.account_id')
    .select(['e.number', 'a.code', 'l.amount'])
    .where('e.kind', '!=', 'opening')
    .orderBy('l.id')
    .execute();
  expect(lines).toEqual([
    { number: 'RV-000001', code: '1202', amount: 1250 },
    { number: 'RV-000001', code: '4302', amount: -1250 },
    { number: 'TR-000001', code: '1201', amount: 50_000 },
    { number: 'TR-000001', code: '1101', amount: -50_000 },
  ]);

  await page.getByRole('navigation').getByRole('button', { name: 'Chart of accounts' }).click();
  await expect(page.getByRole('heading', { name: 'Chart of accounts' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^1202/ })).toContainText('Yes');
  await page.getByRole('button', { name: '+ Add account' }).click();
  await app.shot('66-english-accounts');
});
