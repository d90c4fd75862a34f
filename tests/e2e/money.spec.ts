import { openSavingsAccount } from '../../main/savings/accounts';
import { purchaseShares } from '../../main/shares/shares';
import { formatDateTable } from '../../shared/khmer';
import { accountId, type Db, srovSamboWithSavers } from './books';
import { expect, type Page, test } from './fixtures';

const countOf = async (db: Db, table: 'journal_entries' | 'share_movements' | 'savings_accounts') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const moneyPanel = (page: Page) => page.getByRole('region', { name: 'ភាគហ៊ុន និងប្រាក់សន្សំរបស់សមាជិក' });

test('shares and savings for a member in Khmer, refused beside the field, then on the statement', async ({
  app,
  page,
}) => {
  const db = await srovSamboWithSavers(app);
  await app.openMembers();
  await page.getByRole('row', { name: /សុខ ស្រីមុំ/ }).click();
  const panel = moneyPanel(page);
  await expect(panel.getByText('មិនទាន់មានគណនីសន្សំ')).toBeVisible();

  // Five shares at 20,000 riel: the price shows as the number is typed, certificate 1 on posting.
  await panel.getByRole('button', { name: 'ទិញភាគហ៊ុន' }).click();
  const buy = panel.getByRole('form', { name: 'ទិញភាគហ៊ុន' });
  await expect(buy.getByLabel('ចំនួនភាគហ៊ុន')).toBeFocused();
  await page.keyboard.type('5');
  await expect(buy.locator('output')).toHaveText('១០០.០០០៛');
  await expect(buy.getByText('៥ ហ៊ុន × ២០.០០០៛')).toBeVisible();
  await expect(buy.getByLabel('ដាក់ចូលសាច់ប្រាក់ ឬធនាគារ')).toHaveValue(String(await accountId(db, '1101')));
  await app.shot('90-share-purchase-filled');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText(
    'បានទិញភាគហ៊ុន ៥ ហ៊ុន។ វិញ្ញាបនបត្រភាគហ៊ុនលេខ ១។ បង្កាន់ដៃលេខ SH-000001',
  );
  const facts = panel.getByRole('definition');
  await expect(facts.nth(0)).toHaveText('៥ ហ៊ុន');
  await expect(facts.nth(1)).toHaveText('១០០.០០០៛');
  await expect(facts.nth(2)).toHaveText('១');
  await app.shot('91-share-bought');

  // Sixteen more would make 21 over a cap of 20: refused beside the number, nothing written.
  const entriesBefore = await countOf(db, 'journal_entries');
  await panel.getByRole('button', { name: 'ទិញភាគហ៊ុន' }).click();
  await buy.getByLabel('ចំនួនភាគហ៊ុន').fill('១៦');
  await buy.getByRole('button', { name: 'ទិញភាគហ៊ុន' }).click();
  await expect(buy.getByText('ចំនួនភាគហ៊ុន: លើសដែនកំណត់ភាគហ៊ុន (២០ ហ៊ុនក្នុងសមាជិកម្នាក់)')).toBeVisible();
  await expect(buy.getByLabel('ចំនួនភាគហ៊ុន')).toBeFocused();
  await expect(buy.getByLabel('ចំនួនភាគហ៊ុន')).toHaveAttribute('aria-invalid', 'true');
  await app.shot('92-share-cap-refused');
  expect(await countOf(db, 'journal_entries')).toBe(entriesBefore);
  expect(await countOf(db, 'share_movements')).toBe(1);
  await buy.getByRole('button', { name: 'បោះបង់' }).click();
  await expect(buy).toBeHidden();

  // A savings account opened with 50,000 riel, then a deposit of 20,000.
  await panel.getByRole('button', { name: '+ បើកគណនីសន្សំ' }).click();
  const open = panel.getByRole('form', { name: 'បើកគណនីសន្សំ' });
  await expect(open.getByLabel('ផលិតផលសន្សំ')).toHaveValue('1');
  await expect(open.getByText('យ៉ាងតិច ១០.០០០៛')).toBeVisible();
  await open.getByLabel('ប្រាក់បញ្ញើដំបូង').fill('50,000');
  await open.getByRole('button', { name: 'បើកគណនីសន្សំ' }).click();
  await expect(panel.getByRole('status')).toHaveText('បានបើកគណនីសន្សំ S-000001។ បង្កាន់ដៃលេខ DP-000001');
  const account = panel.getByRole('article', { name: 'ប្រាក់សន្សំធម្មតា S-000001' });
  await expect(account).toContainText('៥០.០០០៛');

  await account.getByRole('button', { name: 'ដាក់ប្រាក់' }).click();
  const deposit = account.getByRole('form', { name: 'ដាក់ប្រាក់' });
  await deposit.getByLabel('ចំនួនទឹកប្រាក់').fill('20000');
  await app.shot('93-deposit-filled');
  await deposit.getByRole('button', { name: 'ដាក់ប្រាក់' }).click();
  await expect(panel.getByRole('status')).toHaveText('បានដាក់ប្រាក់ ២០.០០០៛។ បង្កាន់ដៃលេខ DP-000002');
  await expect(account.locator('.savings-balance')).toHaveText('៧០.០០០៛');
  await app.shot('94-deposited');

  // More than the account holds cannot be withdrawn: the refusal is beside the amount, nothing written.
  const entriesBeforeWithdrawal = await countOf(db, 'journal_entries');
  await account.getByRole('button', { name: 'ដកប្រាក់' }).click();
  const withdraw = account.getByRole('form', { name: 'ដកប្រាក់' });
  await withdraw.getByLabel('ចំនួនទឹកប្រាក់').fill('100000');
  await withdraw.getByRole('button', { name: 'ដកប្រាក់' }).click();
  await expect(withdraw.getByText('ចំនួនទឹកប្រាក់: ប្រាក់សន្សំមិនគ្រប់គ្រាន់')).toBeVisible();
  await expect(withdraw.getByLabel('ចំនួនទឹកប្រាក់')).toBeFocused();
  await app.shot('95-withdrawal-refused');
  expect(await countOf(db, 'journal_entries')).toBe(entriesBeforeWithdrawal);
  await withdraw.getByRole('button', { name: 'បោះបង់' }).click();

  // The share register: Sok with 5 shares and 100,000 riel of capital, certificate 1; the totals agree.
  await page.getByRole('navigation').getByRole('button', { name: 'បញ្ជីភាគហ៊ុន' }).click();
  await expect(page.getByRole('heading', { name: 'បញ្ជីភាគហ៊ុន' })).toBeVisible();
  const sok = page.getByRole('row', { name: /សុខ ស្រីមុំ/ });
  await expect(sok.getByRole('cell')).toHaveText(['០០០១', 'សុខ ស្រីមុំSok Sreymom', 'សកម្ម', '៥', '១០០.០០០៛', '១']);
  await expect(page.getByRole('row', { name: /ចាន់ ដារ៉ា/ })).toHaveCount(0);
  const totals = page.getByRole('region', { name: 'សរុប' });
  await expect(totals).toContainText('៥ ហ៊ុន');
  await expect(totals).toContainText('១០០.០០០៛');
  await app.shot('96-share-register');

  // The row opens the member's statement, from the keyboard as from the mouse.
  await sok.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'របាយការណ៍សមាជិក' })).toBeFocused();
  await expect(page.locator('.statement-name')).toHaveText('សុខ ស្រីមុំ');
  // The register waits behind the statement, hidden, for the way back.
  await expect(page.getByLabel('បញ្ជីភាគហ៊ុន')).toBeHidden();
  const shares = page.getByRole('table', { name: 'ភាគហ៊ុន' });
  await expect(shares.getByRole('row', { name: /SH-000001/ }).getByRole('cell')).toHaveText([
    formatDateTable(app.backend.session.now().today, 'khmer'),
    'SH-000001',
    'ទិញ',
    '+៥',
    '១',
    '',
  ]);
  const savings = page.getByRole('table', { name: 'ប្រាក់សន្សំធម្មតា · S-000001' });
  await expect(
    savings
      .getByRole('row', { name: /DP-000001/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('ដាក់ប្រាក់');
  await expect(
    savings
      .getByRole('row', { name: /DP-000001/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('៥០.០០០៛');
  await expect(
    savings
      .getByRole('row', { name: /DP-000002/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('២០.០០០៛');
  await expect(
    savings
      .getByRole('row', { name: /DP-000002/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('៧០.០០០៛');
  await expect(savings.getByRole('row', { name: /សរុប/ }).getByRole('cell').last()).toHaveText('៧០.០០០៛');
  await app.shot('97-statement-km');

  // The same statement in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Member statement' })).toBeVisible();
  const savingsEn = page.getByRole('table', { name: 'Ordinary savings · S-000001' });
  await expect(savingsEn.getByRole('row', { name: /DP-000002/ }).getByRole('cell')).toHaveText([
    /^\d\d\/\d\d\/\d{4}$/,
    'DP-000002',
    'Deposit',
    '20,000៛',
    '',
    '70,000៛',
  ]);
  await expect(page.getByRole('region', { name: 'Shares' })).toContainText('5 shares');
  await app.shot('98-statement-en');
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('heading', { name: 'Share register' })).toBeVisible();
});

test('shares transferred by a board decision; a member who left is paid back with savings settled', async ({
  app,
  page,
}) => {
  const db = await srovSamboWithSavers(app);
  const actor = { ...app.backend.session.now(), user: 'test' };
  const today = actor.today;
  const cash = await accountId(db, '1101');
  await purchaseShares(db, { memberId: 1, date: today, shares: 5, cashAccountId: cash }, actor);
  await openSavingsAccount(
    db,
    { memberId: 1, productId: 1, date: today, amount: 50_000, cashAccountId: cash },
    actor,
  );
  await app.openMembers();
  await page.getByRole('row', { name: /សុខ ស្រីមុំ/ }).click();
  const panel = moneyPanel(page);

  // Two of Sok's five shares go to Dara: Dara's certificate is the second one written.
  await panel.getByRole('button', { name: 'ផ្ទេរភាគហ៊ុន' }).click();
  const transfer = panel.getByRole('form', { name: 'ផ្ទេរភាគហ៊ុន' });
  await transfer.getByRole('searchbox').fill('ដារ៉ា');
  await transfer.getByLabel(/^ផ្ទេរទៅសមាជិក/).selectOption({ label: '០០០២ ចាន់ ដារ៉ា' });
  await transfer.getByLabel('ចំនួនភាគហ៊ុន').fill('2');
  await transfer.getByLabel('លេខសេចក្តីសម្រេចក្រុមប្រឹក្សាភិបាល').fill('សេចក្តីសម្រេចលេខ ០៣/២០២៦');
  await app.shot('99a-share-transfer-filled');
  await transfer.getByRole('button', { name: 'ផ្ទេរភាគហ៊ុន' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'បានផ្ទេរភាគហ៊ុន ២ ហ៊ុន ទៅសមាជិកលេខ ០០០២។ វិញ្ញាបនបត្រភាគហ៊ុនថ្មីលេខ ២',
  );
  await expect(panel.getByRole('definition').nth(0)).toHaveText('៣ ហ៊ុន');

  // An active member is not offered redemption; once recorded as left, buying is no longer offered.
  await expect(panel.getByRole('button', { name: 'ដកភាគហ៊ុនវិញ' })).toHaveCount(0);
  await page.getByRole('button', { name: 'កត់ត្រាថាបានចាកចេញ' }).click();
  // The exit form has no name of its own: it is the only form on the screen.
  await page.getByLabel('មូលហេតុ').fill('ផ្លាស់ទៅរស់នៅភ្នំពេញ');
  await page.getByRole('button', { name: 'កត់ត្រាថាបានចាកចេញ' }).click();
  await expect(page.getByText('បានរក្សាទុកការកែប្រែ')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'ទិញភាគហ៊ុន' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'ដាក់ប្រាក់' })).toHaveCount(0);

  // Savings still held: refused beside the checkbox until the bookkeeper settles them in the same step.
  await panel.getByRole('button', { name: 'ដកភាគហ៊ុនវិញ' }).click();
  const redeem = panel.getByRole('form', { name: 'ដកភាគហ៊ុនវិញ' });
  await expect(redeem.locator('output')).toHaveText('៦០.០០០៛');
  await redeem.getByRole('button', { name: 'ដកភាគហ៊ុនវិញ' }).click();
  const settle = redeem.getByLabel('ទូទាត់ប្រាក់សន្សំ និងឥណទានធាតុចូលក្នុងពេលតែមួយ');
  await expect(
    redeem.getByText('ទូទាត់ប្រាក់សន្សំ និងឥណទានធាតុចូលក្នុងពេលតែមួយ: សមាជិកនៅមានប្រាក់សន្សំ៖ ត្រូវទូទាត់ក្នុងពេលតែមួយ'),
  ).toBeVisible();
  await expect(settle).toBeFocused();
  await app.shot('99b-redemption-refused');
  expect(await countOf(db, 'share_movements')).toBe(3);

  await page.keyboard.press('Space');
  await expect(settle).toBeChecked();
  await redeem.getByRole('button', { name: 'ដកភាគហ៊ុនវិញ' }).click();
  await expect(panel.getByRole('status')).toHaveText('បានដកភាគហ៊ុនវិញ ហើយបានបង់ជូនសមាជិក ១១០.០០០៛');
  await expect(panel.getByRole('definition')).toHaveText(['០ ហ៊ុន', '០៛', '—']);
  const account = panel.getByRole('article', { name: 'ប្រាក់សន្សំធម្មតា S-000001' });
  await expect(account).toContainText('០៛');
  await expect(account).toContainText('បានបិទ');
  await expect(account.getByRole('button')).toHaveCount(0);
  await app.shot('99c-redeemed-and-settled');

  await page.getByRole('button', { name: 'English' }).click();
  const panelEn = page.getByRole('region', { name: 'Members’ shares and savings' });
  await expect(panelEn.getByRole('status')).toHaveText('Shares redeemed; paid out to the member: 110,000៛');
  await expect(panelEn.getByRole('article', { name: 'Ordinary savings S-000001' })).toContainText('Closed');
  await app.shot('99d-panel-en');
});
