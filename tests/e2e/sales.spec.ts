import { createMember } from '../../main/members/register';
import { srovSamboWithSavers } from './books';
import { expect, type Page, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });

test('a paddy campaign in Khmer: deliveries typed at the scale, refused once closed, a payout refused before the sale, then sold, paid out and collected', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const db = await srovSamboWithSavers(app);
  // The rest of the village, so that a campaign has the growers it usually has.
  for (const [index, nameKm] of [
    'ហេង សុភា',
    'គឹម វណ្ណា',
    'លី ចន្ធូ',
    'ម៉ៅ សុខា',
    'ឈិន ដាលីន',
    'ពៅ ស្រីនិច',
    'យឹម សំអាត',
    'ទេព បុប្ផា',
    'អ៊ុំ សុវណ្ណ',
    'សៅ ចិន្តា',
  ].entries())
    await createMember(
      db,
      {
        nameKm,
        nameLatin: '',
        sex: index % 2 === 0 ? 'F' : 'M',
        joinDate: '2022-01-10',
        birthDate: '',
        nationalId: '',
        phone: '',
        village: 'ព្រៃខ្លា',
        commune: 'ព្រះស្តេច',
        nextOfKin: '',
        notes: '',
      },
      app.backend.session.now(),
    );
  await app.open();
  await nav(page, 'ការលក់រួមស្រូវ').click();
  await expect(page.getByRole('heading', { name: 'ការលក់រួម', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'ការលក់រួមថ្មី' }).click();
  const form = page.getByRole('form', { name: 'ការលក់រួមថ្មី' });
  await form.getByLabel('ឈ្មោះការលក់រួម').fill('ស្រូវវស្សា ២០២៦');
  await form.getByLabel('អ្នកទិញ', { exact: true }).fill('រោងម៉ាស៊ីនកិនស្រូវ ហេង ហួត');
  await form.getByLabel('ចំនួនកម្រៃ').fill('20');
  await form.getByRole('button', { name: 'បង្កើតការលក់រួម' }).click();
  await expect(page.getByRole('button', { name: /SC-000001/ })).toBeVisible();

  // A morning at the scale with the keyboard alone: number, Enter, gross, Enter, deduction, Enter.
  const member = page.locator('#delivery-member');
  await member.fill('1');
  await member.press('Enter');
  await expect(page.getByLabel('ទម្ងន់ដុល (គ.ក) 1')).toBeFocused();
  await page.keyboard.type('1200');
  await page.keyboard.press('Enter');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(member).toBeFocused();
  await member.fill('2');
  await member.press('Enter');
  await page.keyboard.type('800');
  await page.keyboard.press('Enter');
  await page.keyboard.type('10');
  await page.getByLabel('យល់ព្រមកាត់ឥណទាន 1').check();
  await expect(page.getByText('ទម្ងន់សុទ្ធសរុប: ១.៨៦០')).toBeVisible();
  await app.shot('sales-day');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toHaveText('បានកត់ត្រាការប្រគល់ ២ ដង៖ ប័ណ្ណលេខ DS-000001 ដល់ DS-000002');
  const deliveries = await db.selectFrom('sales_deliveries').select(['net_g']).orderBy('id').execute();
  expect(deliveries).toEqual([{ net_g: 1_140_000 }, { net_g: 720_000 }]);

  // A payout before the sale is refused, with nothing written.
  await page.getByRole('button', { name: 'បិទការទទួលស្រូវ' }).click();
  await page.getByRole('tab', { name: 'បើកប្រាក់ឱ្យសមាជិក' }).click();
  await page.getByRole('button', { name: 'កត់ត្រាការបើកប្រាក់' }).click();
  await expect(page.getByRole('alert')).toHaveText('មិនទាន់បានលក់ស្រូវឱ្យអ្នកទិញនៅឡើយទេ');

  // Closed: another delivery is refused.
  await page.getByRole('tab', { name: 'ការទទួលស្រូវ' }).click();
  await member.fill('1');
  await member.press('Enter');
  await page.keyboard.type('100');
  await page.getByRole('button', { name: 'កត់ត្រាការប្រគល់ (Ctrl+Enter)' }).click();
  await expect(page.getByRole('alert')).toHaveText('ការលក់រួមនេះបានបិទទទួលស្រូវហើយ');

  // Sold: 1,860 kg at 1,150 riel, paid in full in cash.
  await page.getByRole('tab', { name: 'លក់ឱ្យអ្នកទិញ' }).click();
  const sale = page.getByRole('form', { name: 'ការលក់ឱ្យអ្នកទិញ' });
  await sale.getByLabel('បរិមាណលក់ (គ.ក)').fill('1860');
  await sale.getByLabel('តម្លៃក្នុងមួយគីឡូក្រាម').fill('1150');
  await sale.getByRole('button', { name: 'កត់ត្រាការលក់' }).click();
  await expect(page.getByRole('status')).toHaveText('បានកត់ត្រាការលក់ PS-000001');
  const receipt = page.getByRole('form', { name: 'ទទួលប្រាក់ពីអ្នកទិញ' });
  await receipt.getByLabel('ចំនួនទឹកប្រាក់').fill('2,139,000');
  await receipt.getByRole('button', { name: 'កត់ត្រាការទទួលប្រាក់' }).click();
  await expect(page.getByRole('status')).toHaveText('បានទទួលប្រាក់ PR-000001');

  // The payout by net kg less 20 riel a kg: 1,288,200 and 813,600 riel.
  await page.getByRole('tab', { name: 'បើកប្រាក់ឱ្យសមាជិក' }).click();
  const table = page.locator('.payout-table');
  await expect(table.getByRole('row', { name: /សុខ ស្រីមុំ/ })).toContainText('១.២៨៨.២០០៛');
  await page.getByRole('button', { name: 'កត់ត្រាការបើកប្រាក់' }).click();
  await expect(page.getByRole('status')).toHaveText('បានកត់ត្រាការបើកប្រាក់ឱ្យសមាជិក ២ នាក់');
  await table
    .getByRole('row', { name: /សុខ ស្រីមុំ/ })
    .getByRole('checkbox')
    .check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toHaveText('បានបើកជាសាច់ប្រាក់ឱ្យសមាជិក ១ នាក់');
  await expect(table.locator('tr.total')).toContainText('៨១៣.៦០០៛');
  await app.shot('sales-payout');
  const payouts = await db.selectFrom('sales_payouts').select(['net', 'paid_on']).orderBy('id').execute();
  expect(payouts.map((p) => [p.net, p.paid_on !== null])).toEqual([
    [1_288_200, true],
    [813_600, false],
  ]);
});
