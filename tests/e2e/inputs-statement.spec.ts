import { createItem, createSupplier } from '../../main/inputs/items';
import { postPurchase } from '../../main/inputs/purchases';
import { postInputSale, postRepayment } from '../../main/inputs/sales';
import { accountByRole } from '../../main/ledger/accounts';
import { purchaseShares } from '../../main/shares/shares';
import { formatDateTable } from '../../shared/khmer';
import { srovSamboWithSavers } from './books';
import { expect, test } from './fixtures';

test('the member statement shows input credit beside shares and savings, each sale and repayment with what is owed after it', async ({
  app,
  page,
}) => {
  const db = await srovSamboWithSavers(app);
  const now = app.backend.session.now();
  const actor = { ...now, user: 'លី ចន្ធូ' };
  const sreymom = await db
    .selectFrom('members')
    .select('id')
    .where('name_km', '=', 'សុខ ស្រីមុំ')
    .executeTakeFirstOrThrow();
  const cash = await accountByRole(db, 'cash_khr');
  const [stock, income] = await Promise.all([
    accountByRole(db, 'input_stock'),
    accountByRole(db, 'input_sales'),
  ]);
  await purchaseShares(
    db,
    { memberId: sreymom.id, date: now.today, shares: 2, cashAccountId: cash.id },
    actor,
  );
  const urea = await createItem(
    db,
    {
      nameKm: 'ជីអ៊ុយរ៉េ',
      nameLatin: 'Urea',
      unit: 'bag50',
      salePrice: 115_000,
      stockAccountId: stock.id,
      incomeAccountId: income.id,
    },
    now,
  );
  const supplier = await createSupplier(db, { name: 'ហាងជី សុខលី', phone: '', village: '' }, now);
  await postPurchase(
    db,
    {
      supplierId: supplier.id,
      date: now.today,
      payment: 'credit',
      currency: 'KHR',
      cashAccountId: null,
      rate: null,
      reference: '',
      lines: [{ itemId: urea.id, quantity: 10_000, unitCost: 100_000 }],
    },
    actor,
  );
  const sale = await postInputSale(
    db,
    {
      memberId: sreymom.id,
      date: now.today,
      payment: 'credit',
      cashAccountId: null,
      dueDate: '2099-12-15',
      charge: { kind: 'flat', amount: 5_000 },
      lines: [{ itemId: urea.id, quantity: 2_000, unitPrice: 115_000 }],
    },
    actor,
  );
  const repaid = await postRepayment(
    db,
    { memberId: sreymom.id, date: now.today, cashAccountId: cash.id, amount: 100_000, saleId: null },
    actor,
  );

  await app.open();
  await page.getByRole('navigation').getByRole('button', { name: 'បញ្ជីភាគហ៊ុន' }).click();
  const row = page.getByRole('row', { name: /សុខ ស្រីមុំ/ });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'របាយការណ៍សមាជិក' })).toBeFocused();
  const credit = page.getByRole('region', { name: 'ឥណទានធាតុចូលកសិកម្ម' });
  await expect(credit.getByRole('row', { name: new RegExp(sale.number) }).getByRole('cell')).toHaveText([
    formatDateTable(now.today, 'khmer'),
    sale.number,
    'ទិញធាតុចូលជំពាក់',
    '២៣៥.០០០៛',
    '',
    '២៣៥.០០០៛',
  ]);
  await expect(
    credit
      .getByRole('row', { name: new RegExp(repaid.number) })
      .getByRole('cell')
      .nth(4),
  ).toHaveText('១០០.០០០៛');
  await expect(
    credit
      .getByRole('row', { name: new RegExp(repaid.number) })
      .getByRole('cell')
      .nth(5),
  ).toHaveText('១៣៥.០០០៛');
  await expect(credit.locator('.statement-facts')).toContainText('១៣៥.០០០៛');
  await expect(credit.locator('.statement-facts')).toContainText(`${sale.number} ត្រូវសងនៅ`);
  await app.shot('inputs-statement');

  // A member who never took inputs on credit has no such section.
  await page.getByRole('button', { name: /ថយក្រោយ/ }).click();
  await expect(page.getByRole('region', { name: 'ឥណទានធាតុចូលកសិកម្ម' })).toHaveCount(0);
});
