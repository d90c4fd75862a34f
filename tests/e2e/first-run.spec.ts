import { expect, test } from './fixtures';

test('the first-run wizard creates the cooperative in Khmer and opens the member register', async ({
  app,
  page,
}) => {
  await app.open();
  await expect(page.getByRole('heading', { name: 'សូមស្វាគមន៍មកកាន់សហគមន៍' })).toBeVisible();
  // The shipped Khmer font is the one drawing the page, not whatever the system happens to have: the
  // browser loads it from the app's own files as soon as Khmer text is laid out.
  await page.waitForFunction(() =>
    [...document.fonts].some((face) => face.family.includes('Noto Sans Khmer') && face.status === 'loaded'),
  );
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Noto Sans Khmer');
  await app.shot('01-welcome');

  await page.getByRole('button', { name: 'បង្កើតសហគមន៍ថ្មី' }).click();
  await expect(page.getByRole('heading', { name: 'ឈ្មោះ និងការចុះបញ្ជី' })).toBeVisible();
  // Next without the required Khmer name: refused beside the field, in Khmer.
  await page.getByRole('button', { name: 'បន្ទាប់' }).click();
  await expect(page.getByText('ឈ្មោះសហគមន៍ (ខ្មែរ): ត្រូវតែបំពេញ')).toBeVisible();
  await app.shot('02-wizard-step1-error');

  await page.getByLabel('ឈ្មោះសហគមន៍ (ខ្មែរ)').fill('សហគមន៍កសិកម្ម ស្រូវសម្បូរ');
  await page.getByLabel('ឈ្មោះសហគមន៍ (អក្សរឡាតាំង)').fill('Srov Sambo Agricultural Cooperative');
  await page.getByLabel('លេខចុះបញ្ជី').fill('PV-0112');
  await page.getByLabel('ថ្ងៃបង្កើតសហគមន៍').fill('១២/០៣/២០១៨');
  await page.getByRole('button', { name: 'បន្ទាប់' }).click();

  await expect(page.getByRole('heading', { name: 'ទីតាំង' })).toBeVisible();
  await page.getByLabel('ភូមិ').fill('ព្រៃខ្លា');
  await page.getByLabel('ឃុំ').fill('ព្រះស្តេច');
  await page.getByLabel('ស្រុក').fill('ព្រះស្តេច');
  await page.getByLabel('ខេត្ត').fill('ព្រៃវែង');
  await app.shot('03-wizard-location');
  await page.getByRole('button', { name: 'បន្ទាប់' }).click();

  await expect(page.getByRole('heading', { name: 'ភាគហ៊ុន និងឆ្នាំហិរញ្ញវត្ថុ' })).toBeVisible();
  await expect(page.getByLabel('តម្លៃភាគហ៊ុនមួយ (៛)')).toHaveValue('20000');
  await page.getByLabel('ចំនួនភាគហ៊ុនអតិបរមាក្នុងសមាជិកម្នាក់').fill('50');
  await page.getByRole('button', { name: 'បន្ទាប់' }).click();

  await expect(page.getByRole('heading', { name: 'គណៈកម្មការ' })).toBeVisible();
  await page.getByLabel('ប្រធាន', { exact: true }).fill('សុខ សុភ័ក្រ');
  await page.getByLabel('ហេរញ្ញិក').fill('ចាន់ ស្រីមុំ');
  await page.getByLabel('គណនេយ្យករ').fill('ហេង សុភា');
  await app.shot('04-wizard-officers');
  await page.getByRole('button', { name: 'បង្កើតសហគមន៍' }).click();

  // The wizard's last step: the administrator, with the password typed twice.
  await expect(page.getByRole('heading', { name: 'អ្នកគ្រប់គ្រងបញ្ជី' })).toBeVisible();
  await page.getByLabel('ឈ្មោះពេញ').fill('ហេង សុភា');
  await page.getByLabel('ឈ្មោះអ្នកប្រើ').fill('sophea');
  await page.getByLabel(/^ពាក្យសម្ងាត់/).fill('ស្រូវល្អ 2026');
  await page.getByLabel('បញ្ចូលពាក្យសម្ងាត់ម្តងទៀត').fill('ស្រូវល្អ 2025');
  await page.getByRole('button', { name: 'បង្កើត ហើយចូលប្រើ' }).click();
  await expect(page.getByText('ពាក្យសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ')).toBeVisible();
  await page.getByLabel('បញ្ចូលពាក្យសម្ងាត់ម្តងទៀត').fill('ស្រូវល្អ 2026');
  await app.shot('04b-wizard-administrator');
  await page.getByRole('button', { name: 'បង្កើត ហើយចូលប្រើ' }).click();

  // Signed in as the administrator, on the home screen; the register is one click away.
  await expect(page.getByRole('heading', { name: 'ទំព័រដើម' })).toBeVisible();
  await expect(page.getByRole('navigation')).toContainText('ហេង សុភា');
  await page.getByRole('navigation').getByRole('button', { name: 'សមាជិក', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'បញ្ជីសមាជិក' })).toBeVisible();
  await expect(page.getByText('សហគមន៍កសិកម្ម ស្រូវសម្បូរ')).toBeVisible();
  await app.shot('05-members-empty');

  const status = await app.backend.session.status();
  expect(status.mode).toBe('ready');
  expect(status.cooperative).toMatchObject({
    nameKm: 'សហគមន៍កសិកម្ម ស្រូវសម្បូរ',
    foundedOn: '2018-03-12',
    village: 'ព្រៃខ្លា',
    province: 'ព្រៃវែង',
    sharePar: 20000,
    shareCapPerMember: 50,
    chair: 'សុខ សុភ័ក្រ',
  });

  // The profile can be edited later.
  await page.getByRole('button', { name: 'ព័ត៌មានសហគមន៍' }).click();
  await page.getByLabel('អនុប្រធាន').fill('លី ចន្ធូ');
  // The profile's own save button (the by-law below has its own).
  await page.getByRole('button', { name: 'រក្សាទុក' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'បានរក្សាទុក' })).toBeVisible();
  await app.shot('06-profile');
  expect((await app.backend.session.status()).cooperative?.viceChair).toBe('លី ចន្ធូ');
});

test('the demo cooperative opens with one button and can be left again', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: /បើកសហគមន៍សាកល្បង/ }).click();
  await expect(page.getByRole('note')).toContainText('សហគមន៍សាកល្បង');
  await page.getByRole('navigation').getByRole('button', { name: 'សមាជិក', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'សមាជិក ១៥០ នាក់ ក្នុងចំណោម ១៥០ នាក់' })).toBeVisible();
  await app.shot('07-demo-members');
  await page.getByRole('button', { name: 'ចាកចេញពីការសាកល្បង' }).click();
  await expect(page.getByRole('heading', { name: 'សូមស្វាគមន៍មកកាន់សហគមន៍' })).toBeVisible();
  expect((await app.backend.session.status()).mode).toBe('setup');
});
