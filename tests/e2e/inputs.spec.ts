import { createItem, createSupplier } from '../../main/inputs/items';
import { postPurchase } from '../../main/inputs/purchases';
import { accountByRole } from '../../main/ledger/accounts';
import { srovSamboWithSavers } from './books';
import { type AppFixture, expect, type Page, test } from './fixtures';

type Db = AppFixture['backend']['session']['db'];
const countOf = async (db: Db, table: 'journal_entries' | 'input_sales' | 'input_repayments') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });

test('farm inputs in Khmer: an item and a supplier, a purchase on credit, a credit sale, its aging and repayment, an adjustment and a count', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const db = await srovSamboWithSavers(app);
  await app.openMembers();
  await page.getByRole('row', { name: /សុខ ស្រីមុំ/ }).waitFor();
  await expect(page.getByRole('navigation').getByText('ធាតុចូលកសិកម្ម')).toBeVisible();

  // An item: urea in bags of 50 kg, sold at 115,000 riel a bag, on the default stock and income accounts.
  await nav(page, 'ស្តុក').click();
  await expect(page.getByRole('heading', { name: 'ស្តុកធាតុចូល' })).toBeVisible();
  await page.getByRole('button', { name: '+ បន្ថែមធាតុចូល' }).click();
  const itemForm = page.getByRole('form', { name: 'ធាតុចូលថ្មី' });
  await expect(itemForm.getByLabel('ឈ្មោះ (ខ្មែរ)')).toBeFocused();
  await page.keyboard.type('ជីអ៊ុយរ៉េ');
  await itemForm.getByLabel('ឈ្មោះ (អក្សរឡាតាំង)').fill('Urea');
  await itemForm.getByRole('combobox', { name: 'ឯកតា *' }).selectOption({ label: 'បាវ ៥០ គ.ក' });
  await itemForm.getByLabel('តម្លៃលក់ធម្មតាក្នុងមួយឯកតា').fill('115,000');
  await expect(itemForm.getByLabel('គណនីស្តុក')).toContainText('1301 ស្តុកធាតុចូលកសិកម្ម');
  await expect(itemForm.getByLabel('គណនីចំណូល')).toContainText('4101 ចំណូលពីការលក់ធាតុចូល');
  await itemForm.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByRole('status')).toHaveText('បានបន្ថែមធាតុចូល ជីអ៊ុយរ៉េ');

  // A supplier, then forty bags bought on credit at 100,000 riel: 4,000,000 riel owed to the supplier.
  await nav(page, 'ការទិញចូល').click();
  await page.getByRole('button', { name: '+ បន្ថែមអ្នកផ្គត់ផ្គង់' }).click();
  const supplierForm = page.getByRole('form', { name: 'បន្ថែមអ្នកផ្គត់ផ្គង់' });
  await supplierForm.getByLabel('ឈ្មោះ').fill('ហាងជី សុខលី');
  await supplierForm.getByLabel('លេខទូរស័ព្ទ').fill('012 345 678');
  await supplierForm.getByLabel('ភូមិ').fill('ព្រៃខ្លា');
  await supplierForm.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByRole('status')).toHaveText('បានបន្ថែមអ្នកផ្គត់ផ្គង់ ហាងជី សុខលី');

  await page.getByRole('button', { name: 'ទិញធាតុចូល', exact: true }).first().click();
  const purchase = page.getByRole('form', { name: 'ទិញធាតុចូល' });
  await purchase.getByLabel('កាលបរិច្ឆេទ').fill('01/06/2026');
  await purchase.getByLabel('លេខវិក្កយបត្រ').fill('INV-778');
  await purchase.getByRole('radio', { name: 'ជំពាក់' }).check();
  await expect(purchase.getByLabel('បង់ពីសាច់ប្រាក់ ឬធនាគារ')).toHaveCount(0);
  await purchase.getByLabel('ធាតុចូល (បន្ទាត់ទី ១)').selectOption({ label: 'ជីអ៊ុយរ៉េ' });
  await expect(purchase.getByLabel('បរិមាណ (បន្ទាត់ទី ១)')).toBeFocused();
  await page.keyboard.type('៤០');
  await purchase.getByLabel('ថ្លៃក្នុងមួយឯកតា (បន្ទាត់ទី ១)').fill('100000');
  await expect(purchase.getByRole('cell', { name: 'បាវ ៥០ គ.ក' })).toBeVisible();
  await expect(purchase.getByRole('status', { name: 'សរុប', exact: true })).toHaveText('៤.០០០.០០០៛');
  await app.shot('inputs-purchase');
  await purchase.getByRole('button', { name: 'កត់ត្រាការទិញ' }).click();
  await expect(page.getByRole('status')).toHaveText('បានកត់ត្រាការទិញ IP-000001');
  const supplierRow = page.getByRole('row', { name: /ហាងជី សុខលី/ });
  await expect(supplierRow.getByRole('cell').nth(3)).toHaveText('៤.០០០.០០០៛');

  // A part of it paid from riel cash on hand.
  await supplierRow.getByRole('button', { name: 'បង់ប្រាក់ឱ្យអ្នកផ្គត់ផ្គង់' }).click();
  const pay = page.getByRole('form', { name: 'បង់ប្រាក់ឱ្យ ហាងជី សុខលី' });
  await pay.getByLabel('ចំនួនទឹកប្រាក់').fill('1,500,000');
  await pay.getByRole('button', { name: 'បង់ប្រាក់ឱ្យអ្នកផ្គត់ផ្គង់' }).click();
  await expect(page.getByRole('status')).toHaveText(/^បានបង់ប្រាក់ឱ្យអ្នកផ្គត់ផ្គង់ ១\.៥០០\.០០០៛។ ប័ណ្ណលេខ /);
  await expect(supplierRow.getByRole('cell').nth(3)).toHaveText('២.៥០០.០០០៛');
  await app.shot('inputs-suppliers');

  // Two bags to Sok Sreymom on credit until after the harvest, with a flat fee of 5,000 riel.
  await nav(page, 'ការចែកចាយ').click();
  const sale = page.getByRole('form', { name: 'ចែកចាយធាតុចូលដល់សមាជិក' });
  const buyer = sale.getByRole('combobox', { name: 'សមាជិក' });
  await expect(buyer).toBeFocused();
  await page.keyboard.type('ស្រីមុំ');
  await expect(sale.getByRole('option', { name: /០០០១ សុខ ស្រីមុំ/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(sale.getByLabel('ធាតុចូល (បន្ទាត់ទី ១)')).toBeFocused();
  await expect(sale.locator('.sale-buyer')).toHaveText('០០០១ សុខ ស្រីមុំ');
  await sale.getByLabel('កាលបរិច្ឆេទ').fill('10/06/2026');
  await expect(sale.getByRole('radio', { name: 'ជំពាក់' })).toBeChecked();
  await sale.getByLabel('ថ្ងៃកំណត់សង').fill('10/10/2026');
  await sale.getByLabel('ថ្លៃសេវា ឬការប្រាក់').selectOption({ label: 'ការប្រាក់ប្រចាំខែ' });
  await sale.getByLabel('អត្រាប្រចាំខែ (%)').fill('1.5');
  await sale.getByLabel('ធាតុចូល (បន្ទាត់ទី ១)').selectOption({ label: 'ជីអ៊ុយរ៉េ' });
  await expect(sale.getByLabel('តម្លៃក្នុងមួយឯកតា (បន្ទាត់ទី ១)')).toHaveValue('115000');
  await sale.getByLabel('បរិមាណ (បន្ទាត់ទី ១)').fill('2');
  // Four months at 1.5 % on 230,000 riel is 13,800 riel; then the flat fee instead.
  await expect(sale.getByRole('status', { name: 'សរុបត្រូវបង់' })).toHaveText('២៤៣.៨០០៛');
  await expect(sale.getByText('(៤ ខែ × ១.៥%)')).toBeVisible();
  await sale.getByLabel('ថ្លៃសេវា ឬការប្រាក់').selectOption({ label: 'ថ្លៃសេវាថេរ' });
  await sale.getByRole('textbox', { name: 'ថ្លៃសេវា *' }).fill('5000');
  await expect(sale.getByRole('status', { name: 'សរុប', exact: true })).toHaveText('២៣០.០០០៛');
  await expect(sale.getByRole('status', { name: 'សរុបត្រូវបង់' })).toHaveText('២៣៥.០០០៛');
  await app.shot('inputs-sale');
  await sale.getByRole('button', { name: 'កត់ត្រាការលក់' }).click();
  await expect(page.getByRole('status').first()).toHaveText('បានកត់ត្រាការលក់ IS-000001 ឱ្យ សុខ ស្រីមុំ៖ ២៣៥.០០០៛');
  // Straight on to the next member, with the same terms.
  await expect(buyer).toBeFocused();
  await expect(sale.getByLabel('ថ្ងៃកំណត់សង')).toHaveValue('10/10/2026');

  // Fifty bags to Chan Dara are more than the 38 left: refused on the line, naming the item and what is left.
  const salesBefore = await countOf(db, 'input_sales');
  const entriesBefore = await countOf(db, 'journal_entries');
  await page.keyboard.type('2');
  await expect(sale.getByRole('option', { name: /០០០២ ចាន់ ដារ៉ា/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await sale.getByLabel('កាលបរិច្ឆេទ').fill('10/06/2026');
  await sale.getByLabel('ធាតុចូល (បន្ទាត់ទី ១)').selectOption({ label: 'ជីអ៊ុយរ៉េ' });
  await sale.getByLabel('បរិមាណ (បន្ទាត់ទី ១)').fill('50');
  await sale.getByRole('button', { name: 'កត់ត្រាការលក់' }).click();
  await expect(sale.getByText('បន្ទាត់ទី ១ · បរិមាណ: ស្តុកមិនគ្រប់គ្រាន់៖ ជីអ៊ុយរ៉េ នៅសល់តែ ៣៨ បាវ ៥០ គ.ក')).toBeVisible();
  await expect(sale.getByLabel('បរិមាណ (បន្ទាត់ទី ១)')).toBeFocused();
  await expect(sale.getByLabel('បរិមាណ (បន្ទាត់ទី ១)')).toHaveAttribute('aria-invalid', 'true');
  await app.shot('inputs-sale-refused');
  // Without a due date a credit sale is refused beside the due date.
  await sale.getByLabel('បរិមាណ (បន្ទាត់ទី ១)').fill('3');
  await sale.getByLabel('ថ្ងៃកំណត់សង').fill('');
  await sale.getByRole('button', { name: 'កត់ត្រាការលក់' }).click();
  await expect(sale.getByText('ថ្ងៃកំណត់សង: ត្រូវតែបំពេញ')).toBeVisible();
  expect(await countOf(db, 'input_sales')).toBe(salesBefore);
  expect(await countOf(db, 'journal_entries')).toBe(entriesBefore);

  // The aging at 30 November: 235,000 riel 51 days past its due date, as the ledger holds it.
  await nav(page, 'ឥណទាន').click();
  await page.getByLabel('គិតត្រឹមថ្ងៃ').fill('30/11/2026');
  const aging = page.getByRole('table', { name: 'ឥណទានធាតុចូល' });
  const sokRow = aging.getByRole('row', { name: /សុខ ស្រីមុំ/ });
  await expect(sokRow.getByRole('cell')).toHaveText([
    '០០០១',
    'សុខ ស្រីមុំ',
    'ព្រៃខ្លា',
    '',
    '',
    '២៣៥.០០០៛',
    '',
    '២៣៥.០០០៛',
  ]);
  await expect(aging.locator('tfoot tr').first().getByRole('cell')).toHaveText([
    '០៛',
    '០៛',
    '២៣៥.០០០៛',
    '០៛',
    '២៣៥.០០០៛',
  ]);
  await expect(aging.locator('tfoot tr').last()).toHaveText('គណនីឥណទានធាតុចូលក្នុងសៀវភៅ២៣៥.០០០៛');
  // At the due date itself nothing is overdue yet.
  await page.getByLabel('គិតត្រឹមថ្ងៃ').fill('10/10/2026');
  await expect(sokRow.getByRole('cell').nth(3)).toHaveText('២៣៥.០០០៛');
  await page.getByLabel('គិតត្រឹមថ្ងៃ').fill('30/11/2026');

  // Her row opens her credit sales; more than she owes is refused beside the amount, then 100,000 is repaid.
  await sokRow.getByRole('button', { name: 'សុខ ស្រីមុំ' }).click();
  const sales = page.getByRole('region', { name: 'ការលក់ជំពាក់របស់ សុខ ស្រីមុំ' });
  await expect(sales.getByRole('row', { name: /IS-000001/ }).getByRole('cell')).toHaveText([
    'IS-000001 ១០/០៦/២០២៦',
    '១០/១០/២០២៦',
    '២៣៥.០០០៛',
  ]);
  await app.shot('inputs-aging');
  await sales.getByRole('button', { name: 'សងឥណទានធាតុចូល' }).click();
  const repay = sales.getByRole('form', { name: 'សងឥណទានធាតុចូល' });
  await expect(repay.getByLabel('ចំនួនទឹកប្រាក់')).toBeFocused();
  await page.keyboard.type('300000');
  await repay.getByRole('button', { name: 'កត់ត្រាការសង' }).click();
  await expect(repay.getByText('ចំនួនទឹកប្រាក់: លើសចំនួនដែលជំពាក់ (២៣៥.០០០៛)')).toBeVisible();
  expect(await countOf(db, 'input_repayments')).toBe(0);
  await repay.getByLabel('ចំនួនទឹកប្រាក់').fill('100,000');
  await repay.getByRole('button', { name: 'កត់ត្រាការសង' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'បានទទួលការសង ១០០.០០០៛។ បង្កាន់ដៃលេខ IR-000001។ នៅជំពាក់ ១៣៥.០០០៛',
  );
  // The repayment is dated today, after the aging's date: at 30 November she still owed it all.
  await expect(sokRow.getByRole('cell').last()).toHaveText('២៣៥.០០០៛');
  await page.getByLabel('គិតត្រឹមថ្ងៃ').fill(todayText(app));
  await expect(sokRow.getByRole('cell').last()).toHaveText('១៣៥.០០០៛');

  // The member's panel shows it beside her shares and savings.
  await nav(page, 'សមាជិក').click();
  await page.getByRole('row', { name: /សុខ ស្រីមុំ/ }).click();
  const credit = page.getByRole('region', { name: 'ឥណទានធាតុចូល' });
  await expect(credit.getByRole('definition')).toHaveText(['១៣៥.០០០៛', '១៣៥.០០០៛']);
  await credit.getByRole('button', { name: 'សងឥណទានធាតុចូល' }).scrollIntoViewIfNeeded();
  await app.shot('inputs-member-panel');

  // One bag damaged in the store, then a count that finds 36 where the books say 37.
  await nav(page, 'ស្តុក').click();
  await page.getByRole('button', { name: 'កែតម្រូវស្តុក' }).click();
  const adjust = page.getByRole('form', { name: 'កែតម្រូវស្តុក' });
  await adjust.getByLabel('ធាតុចូល').selectOption({ label: 'ជីអ៊ុយរ៉េ' });
  await adjust.getByLabel('មូលហេតុ').selectOption({ label: 'ខូចខាត' });
  await adjust.getByLabel('បរិមាណ').fill('40');
  await adjust.getByLabel('កំណត់សម្គាល់').fill('ទឹកជ្រាបចូលឃ្លាំង');
  await adjust.getByRole('button', { name: 'កត់ត្រាការកែតម្រូវ' }).click();
  await expect(adjust.getByText('បរិមាណ: ស្តុកមិនគ្រប់គ្រាន់៖ ជីអ៊ុយរ៉េ នៅសល់តែ ៣៨ បាវ ៥០ គ.ក')).toBeVisible();
  await adjust.getByLabel('បរិមាណ').fill('1');
  await adjust.getByRole('button', { name: 'កត់ត្រាការកែតម្រូវ' }).click();
  await expect(page.getByRole('status')).toHaveText('បានកត់ត្រាការកែតម្រូវស្តុក SA-000001');

  await page.getByRole('button', { name: 'រាប់ស្តុក' }).click();
  const count = page.getByRole('form', { name: 'រាប់ស្តុក' });
  await expect(count.getByLabel('រាប់បាន ជីអ៊ុយរ៉េ')).toBeFocused();
  await page.keyboard.type('៣៦');
  const countRow = count.getByRole('row', { name: /ជីអ៊ុយរ៉េ/ });
  await expect(countRow.getByRole('cell').nth(2)).toHaveText('៣៧');
  await expect(countRow.getByRole('cell').last()).toHaveText('-១');
  await app.shot('inputs-count');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('បានកត់ត្រាការរាប់ស្តុក SA-000002៖ ខុសគ្នា ១ មុខ');

  // 36 bags at the average cost of 100,000 riel: 3,600,000 riel, as the stock account holds.
  const stock = page.getByRole('table', { name: 'ស្តុកធាតុចូល' });
  await expect(stock.getByRole('row', { name: /ជីអ៊ុយរ៉េ/ }).getByRole('cell')).toHaveText([
    'ជីអ៊ុយរ៉េUrea',
    'បាវ ៥០ គ.ក',
    '៣៦',
    '១០០.០០០៛',
    '៣.៦០០.០០០៛',
    'កែប្រែ',
  ]);
  await expect(stock.locator('tfoot tr').last()).toHaveText('គណនីស្តុកក្នុងសៀវភៅ៣.៦០០.០០០៛');
  await app.shot('inputs-stock');

  // The journal names what the inputs posted.
  await nav(page, 'ប្រតិបត្តិការសាច់ប្រាក់').click();
  await expect(page.getByText('សងឥណទានធាតុចូល', { exact: true })).toBeVisible();
  await expect(page.getByText('កែតម្រូវស្តុក', { exact: true })).toBeVisible();
  await expect(page.getByText('រាប់ស្តុក', { exact: true })).toBeVisible();
});

/** Forty bags of urea and 200 kg of seed rice on the shelf, bought on credit on 1 June 2026. */
async function stockedShelf(app: AppFixture) {
  const db = await srovSamboWithSavers(app);
  const actor = { ...app.backend.session.now(), user: 'test' };
  const account = async (role: string) => (await accountByRole(db, role)).id;
  const stockAccountId = await account('input_stock');
  const incomeAccountId = await account('input_sales');
  const urea = await createItem(
    db,
    {
      nameKm: 'ជីអ៊ុយរ៉េ',
      nameLatin: 'Urea',
      unit: 'bag50',
      salePrice: 115_000,
      stockAccountId,
      incomeAccountId,
    },
    actor,
  );
  const seed = await createItem(
    db,
    {
      nameKm: 'គ្រាប់ពូជស្រូវ',
      nameLatin: 'Seed rice',
      unit: 'kg',
      salePrice: 3_500,
      stockAccountId,
      incomeAccountId,
    },
    actor,
  );
  const supplier = await createSupplier(db, { name: 'ហាងជី សុខលី', phone: '', village: '' }, actor);
  await postPurchase(
    db,
    {
      supplierId: supplier.id,
      date: '2026-06-01',
      payment: 'credit',
      currency: 'KHR',
      cashAccountId: null,
      rate: null,
      reference: '',
      lines: [
        { itemId: urea.id, quantity: 40_000, unitCost: 100_000 },
        { itemId: seed.id, quantity: 200_000, unitCost: 2_800 },
      ],
    },
    actor,
  );
  return db;
}

test('a distribution day from the keyboard: members and quantities typed, a line over the stock refused on its row, then all posted at once', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const db = await stockedShelf(app);
  await app.openMembers();
  await nav(page, 'ការចែកចាយ').click();
  await page.getByRole('tab', { name: 'ថ្ងៃចែកចាយរួម' }).click();
  await page.getByLabel('កាលបរិច្ឆេទ').fill('15/06/2026');
  await page.getByLabel('ថ្ងៃកំណត់សង').fill('15/12/2026');
  await page.getByRole('combobox', { name: '+ ធាតុចូល' }).selectOption({ label: 'ជីអ៊ុយរ៉េ' });
  await page.getByRole('combobox', { name: '+ ធាតុចូល' }).selectOption({ label: 'គ្រាប់ពូជស្រូវ' });
  await expect(page.getByLabel('តម្លៃក្នុងមួយឯកតា គ្រាប់ពូជស្រូវ')).toHaveValue('3500');

  // Member 1: two bags and 12.5 kg of seed; member 2: thirty-nine bags, more than the 38 left after her.
  const member = page.getByRole('combobox', { name: 'សមាជិក' });
  await member.fill('1');
  await expect(page.getByRole('option', { name: /សុខ ស្រីមុំ/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('ជីអ៊ុយរ៉េ', { exact: true })).toBeFocused();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.keyboard.type('១២,៥');
  await page.keyboard.press('Enter');
  await expect(member).toBeFocused();
  await page.keyboard.type('ដារ៉ា');
  await expect(page.getByRole('option', { name: /ចាន់ ដារ៉ា/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('39');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const day = page.getByRole('table', { name: 'ថ្ងៃចែកចាយរួម' });
  await expect(day.getByRole('row', { name: /សុខ ស្រីមុំ/ }).getByRole('cell')).toHaveText([
    '១',
    '០០០១',
    'សុខ ស្រីមុំ',
    '២',
    '១២,៥',
    '២៧៣.៧៥០៛',
    '×',
  ]);
  const entriesBefore = await countOf(db, 'journal_entries');
  await page.keyboard.press('Control+Enter');
  await expect(day.getByRole('row', { name: /ចាន់ ដារ៉ា/ }).getByRole('alert')).toHaveText(
    'ស្តុកមិនគ្រប់គ្រាន់៖ ជីអ៊ុយរ៉េ នៅសល់តែ ៣៨ បាវ ៥០ គ.ក',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'មិនទាន់បានកត់ត្រាអ្វីទេ' })).toBeVisible();
  await app.shot('inputs-day-refused');
  expect(await countOf(db, 'journal_entries')).toBe(entriesBefore);

  // Chan Dara takes three bags instead; the day posts as two credit sales.
  await page.getByRole('button', { name: 'លុប ចាន់ ដារ៉ា' }).click();
  await member.fill('2');
  await expect(page.getByRole('option', { name: /ចាន់ ដារ៉ា/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.locator('.batch-totals')).toContainText('៦១៨.៧៥០៛');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'បានកត់ត្រា' })).toHaveText(
    'បានកត់ត្រាការលក់ជំពាក់ ២ ដង សរុប ៦១៨.៧៥០៛',
  );
  await expect(
    day
      .getByRole('row', { name: /ចាន់ ដារ៉ា/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('IS-000002');
  await app.shot('inputs-day');
  expect(await countOf(db, 'input_sales')).toBe(2);

  // The aging in English: both sales not yet due, with Latin digits.
  await page.getByRole('button', { name: 'English' }).click();
  await nav(page, 'Credit').click();
  await page.getByLabel('As of').fill('30/06/2026');
  const aging = page.getByRole('table', { name: 'Input credit' });
  await expect(aging.locator('tfoot tr').first().getByRole('cell')).toHaveText([
    '618,750៛',
    '0៛',
    '0៛',
    '0៛',
    '618,750៛',
  ]);
  await nav(page, 'Stock').click();
  await expect(
    page.getByRole('table', { name: 'Input stock' }).getByRole('row', { name: /Urea/ }),
  ).toContainText('bag of 50 kg');
});

const todayText = (app: AppFixture) => {
  const [year, month, day] = app.backend.session.now().today.split('-');
  return `${day}/${month}/${year}`;
};
