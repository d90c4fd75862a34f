import { createDemoCooperative } from '../../main/demo/cooperative';
import { createMember } from '../../main/members/register';
import { toKhmerDigits } from '../../shared/khmer';
import { type Db, openSrovSambo } from './books';
import { expect, type Page, test } from './fixtures';

const NOW = { today: '2026-11-28', timestamp: '2026-11-28T02:00:00.000Z' };

const withCooperative = (db: Db) => openSrovSambo(db);

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

const memberForm = (page: Page) => page.getByRole('form');

test('a member with a Khmer name is added, shown in the list, edited and recorded as left', async ({
  app,
  page,
}) => {
  await withCooperative(app.backend.session.db);
  await app.openMembers();
  await page.getByRole('button', { name: '+ បន្ថែមសមាជិក' }).click();
  const form = memberForm(page);
  await form.getByLabel('ឈ្មោះ (ខ្មែរ)').fill('សុខ ស្រីមុំ');
  await form.getByLabel('ឈ្មោះ (អក្សរឡាតាំង)').fill('Sok Sreymom');
  await form.getByLabel('ភេទ').selectOption({ label: 'ស្រី' });
  await form.getByLabel('ថ្ងៃខែឆ្នាំកំណើត').fill('14/02/1985');
  await form.getByLabel('អត្តសញ្ញាណប័ណ្ណ').fill('010203040');
  await form.getByLabel('លេខទូរស័ព្ទ').fill('012 345 678');
  await form.getByLabel('ភូមិ').fill('ព្រៃខ្លា');
  await form.getByLabel('ឃុំ').fill('ព្រះស្តេច');
  await form.getByLabel('ថ្ងៃចូលជាសមាជិក').fill('05/06/2020');
  await app.shot('10-member-new');
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();

  await expect(page.getByText('បានបន្ថែមសមាជិកលេខ ០០០១')).toBeVisible();
  const row = page.getByRole('row', { name: /សុខ ស្រីមុំ/ });
  await expect(row).toContainText('០០០១');
  await expect(row).toContainText('ព្រៃខ្លា');
  await expect(row).toContainText('០៥/០៦/២០២០');
  await app.shot('11-member-added');
  const saved = await app.backend.session.db.selectFrom('members').selectAll().execute();
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    number: 1,
    name_km: 'សុខ ស្រីមុំ',
    phone: '012345678',
    birth_date: '1985-02-14',
  });

  await page.getByRole('button', { name: 'កែប្រែ' }).click();
  await memberForm(page).getByLabel('លេខទូរស័ព្ទ').fill('097 123 4567');
  await memberForm(page).getByLabel('ភូមិ').fill('ត្រពាំងវែង');
  await app.shot('12-member-edit');
  await memberForm(page).getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByText('បានរក្សាទុកការកែប្រែ')).toBeVisible();
  await expect(page.getByRole('row', { name: /សុខ ស្រីមុំ/ })).toContainText('ត្រពាំងវែង');
  const edited = await app.backend.session.db.selectFrom('members').selectAll().executeTakeFirstOrThrow();
  expect(edited).toMatchObject({ phone: '0971234567', village: 'ត្រពាំងវែង', number: 1 });

  await page.getByRole('button', { name: 'កត់ត្រាថាបានចាកចេញ' }).click();
  await page.getByLabel('ថ្ងៃចាកចេញ').fill('01/11/2026');
  await page.getByLabel('មូលហេតុ').fill('ផ្លាស់ទៅរស់នៅភ្នំពេញ');
  await app.shot('13-member-exit');
  await page.getByRole('button', { name: 'កត់ត្រាថាបានចាកចេញ' }).click();
  await expect(page.getByRole('row', { name: /សុខ ស្រីមុំ/ })).toContainText('បានចាកចេញ');
  await expect(page.getByRole('article')).toContainText('ផ្លាស់ទៅរស់នៅភ្នំពេញ');
  await app.shot('14-member-left');
  const left = await app.backend.session.db.selectFrom('members').selectAll().executeTakeFirstOrThrow();
  expect(left).toMatchObject({ status: 'left', exit_date: '2026-11-01', exit_reason: 'ផ្លាស់ទៅរស់នៅភ្នំពេញ' });
});

test('a rejected form shows the Khmer error beside each field and saves nothing', async ({ app, page }) => {
  await withCooperative(app.backend.session.db);
  await createMember(
    app.backend.session.db,
    { ...blank, nameKm: 'ចាន់ ដារ៉ា', sex: 'M', nationalId: '123456789', joinDate: '2016-02-01' },
    NOW,
  );
  await app.openMembers();
  await page.getByRole('button', { name: '+ បន្ថែមសមាជិក' }).click();
  const form = memberForm(page);
  // A hundred and one characters: the limit is counted in characters a reader sees, and named.
  await form.getByLabel('ភូមិ', { exact: true }).fill('ស'.repeat(101));
  await form.getByLabel('លេខទូរស័ព្ទ').fill('12345');
  await form.getByLabel('ថ្ងៃខែឆ្នាំកំណើត').fill('31/02/1990');
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(form.getByText('ភូមិ: វែងពេក៖ យ៉ាងច្រើន ១០០ តួអក្សរ')).toBeVisible();
  await expect(form.getByText('ឈ្មោះ (ខ្មែរ): ត្រូវតែបំពេញ')).toBeVisible();
  await expect(form.getByText('ភេទ: ត្រូវតែបំពេញ')).toBeVisible();
  await expect(form.getByText('លេខទូរស័ព្ទ: មិនមែនជាលេខទូរស័ព្ទកម្ពុជា')).toBeVisible();
  await expect(form.getByText('ថ្ងៃខែឆ្នាំកំណើត: មិនមែនជាកាលបរិច្ឆេទពិត')).toBeVisible();
  await expect(form.getByLabel('ឈ្មោះ (ខ្មែរ)')).toHaveAttribute('aria-invalid', 'true');
  await app.shot('20-member-rejected');

  // Rules only the main process can check come back beside their field too.
  await form.getByLabel('ឈ្មោះ (ខ្មែរ)').fill('គឹម សុភា');
  await form.getByLabel('ភេទ').selectOption({ label: 'ស្រី' });
  await form.getByLabel('លេខទូរស័ព្ទ').fill('');
  await form.getByLabel('ថ្ងៃខែឆ្នាំកំណើត').fill('');
  await form.getByLabel('ភូមិ', { exact: true }).fill('ស្វាយអន្ទរក្រោមខាងជើង'.repeat(4));
  await form.getByLabel('អត្តសញ្ញាណប័ណ្ណ').fill('123456789');
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(form.getByText('អត្តសញ្ញាណប័ណ្ណ: លេខនេះជារបស់សមាជិកលេខ ១ រួចហើយ')).toBeVisible();
  await form.getByLabel('អត្តសញ្ញាណប័ណ្ណ').fill('');
  await form.getByLabel('ថ្ងៃចូលជាសមាជិក').fill('01/01/2014');
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(form.getByText('ថ្ងៃចូលជាសមាជិក: មិនអាចមុនថ្ងៃបង្កើតសហគមន៍ (១០/០១/២០១៥) បានទេ')).toBeVisible();
  await app.shot('21-member-rejected-by-main');

  const members = await app.backend.session.db.selectFrom('members').select('name_km').execute();
  expect(members).toEqual([{ name_km: 'ចាន់ ដារ៉ា' }]);
  const sequence = await app.backend.session.db.selectFrom('sequences').selectAll().execute();
  expect(sequence).toEqual([{ name: 'member_number', next_value: 2 }]);
});

test('search as you type by a Khmer name part, filters, and 3,000 members render only the rows in view', async ({
  app,
  page,
}) => {
  await createDemoCooperative(app.backend.session.db, { members: 3000, seed: 1, now: NOW });
  const all = await app.backend.session.db.selectFrom('members').select(['name_km', 'village']).execute();
  const fragment = all[17]?.name_km.split(' ')[1] ?? '';
  const expected = all.filter((m) => m.name_km.includes(fragment) || m.village?.includes(fragment)).length;
  await app.openMembers();
  await expect(page.getByRole('status').filter({ hasText: 'សមាជិក ៣០០០ នាក់ ក្នុងចំណោម ៣០០០ នាក់' })).toBeVisible();
  const rendered = await page.locator('tbody tr').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(60);

  await page.getByRole('searchbox').pressSequentially(fragment);
  await expect(page.getByRole('status').filter({ hasText: /សមាជិក/ })).toContainText(
    `សមាជិក ${toKhmerDigits(String(expected))} នាក់ ក្នុងចំណោម ៣០០០ នាក់`,
  );
  const firstRow = page.locator('tbody tr').first();
  await expect(firstRow).toContainText(fragment);
  await app.shot('30-search-khmer');

  await page.getByRole('searchbox').fill('');
  await page.getByLabel('ភេទ').selectOption({ label: 'ស្រី' });
  await page.getByLabel('តម្រៀបតាម').selectOption({ label: 'ឈ្មោះ' });
  const women = await app.backend.session.db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sex', '=', 'F')
    .executeTakeFirstOrThrow();
  await expect(
    page.getByRole('status').filter({ hasText: `សមាជិក ${toKhmerDigits(String(women.n))} នាក់` }),
  ).toBeVisible();
  const names = await page.locator('tbody tr td:nth-child(2) .name-km').allTextContents();
  expect(names.length).toBeGreaterThan(5);
  expect(names).toEqual([...names].sort(new Intl.Collator('km').compare));
  await app.shot('31-filter-women-by-name');
});

test('the language switches to English and back, and the choice is remembered', async ({ app, page }) => {
  await withCooperative(app.backend.session.db);
  await app.openMembers();
  await expect(page.getByRole('heading', { name: 'បញ្ជីសមាជិក' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Member register' })).toBeVisible();
  await expect(page.getByRole('button', { name: '+ Add member' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await app.shot('40-english');
  expect(app.backend.preferences.get()).toEqual({ language: 'en' });

  await page.reload();
  // The app opens on its home screen again, in English now.
  await page.getByRole('navigation').getByRole('button', { name: 'Members', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Member register' })).toBeVisible();
  await page.getByRole('button', { name: '+ Add member' }).click();
  await page.getByRole('form').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Name (Khmer): is required')).toBeVisible();
  await app.shot('41-english-rejected');

  await page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(page.getByRole('heading', { name: 'បញ្ជីសមាជិក' })).toBeVisible();
  await expect(page.getByText('ឈ្មោះ (ខ្មែរ): ត្រូវតែបំពេញ')).toBeVisible();
  expect(app.backend.preferences.get()).toEqual({ language: 'km' });
});
