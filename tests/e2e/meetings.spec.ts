import { closeYear } from '../../main/yearend/close';
import { formatDateTable } from '../../shared/khmer';
import { ACTOR, addMembers, assembly, closeMonthsTo, writeYear } from '../main/meetings-books';
import { openSrovSambo } from './books';
import { expect, type Page, test } from './fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name }).click();

test('a general assembly recorded with its quorum, its minutes and attendance printed, then the year closed and paid out', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await openSrovSambo(db);
  const members = await addMembers(db);
  await writeYear(db, members, 2024);
  await writeYear(db, members, 2025);
  await closeMonthsTo(db, '2025-12');
  await closeYear(
    db,
    { year: 2024, meetingId: (await assembly(db, '2025-02-14', members.slice(0, 4))).id },
    ACTOR,
  );
  await app.open();

  await nav(page, 'កិច្ចប្រជុំ');
  await page.getByRole('button', { name: 'កិច្ចប្រជុំថ្មី' }).click();
  const form = page.getByRole('form', { name: 'កិច្ចប្រជុំថ្មី' });
  await form.getByLabel('ប្រភេទកិច្ចប្រជុំ').selectOption({ label: 'មហាសន្និបាត' });
  await form.getByLabel('កាលបរិច្ឆេទ').fill(formatDateTable('2026-02-14', 'latin'));
  await form.getByLabel('ម៉ោង (ម៉ោង:នាទី)').fill('08:00');
  await form.getByLabel('ទីកន្លែង').fill('សាលាឃុំព្រះស្តេច');
  await form.getByLabel('ប្រធានអង្គប្រជុំ').fill('សុខ សុភ័ក្រ');
  await form.getByLabel('លេខាអង្គប្រជុំ').fill('លី ចន្ធូ');
  await form.getByLabel(/កិច្ចប្រជុំបានប្រព្រឹត្តទៅ/).check();
  await form.getByLabel('ប្រធានបទ').fill('អនុម័តរបាយការណ៍ហិរញ្ញវត្ថុ និងការបែងចែកប្រាក់ចំណេញឆ្នាំ ២០២៥');
  await form.getByLabel('សេចក្តីសម្រេច').fill('អនុម័តជាឯកច្ឆន្ទ');
  await form.getByLabel('យល់ព្រម', { exact: true }).fill('4');
  const search = form.getByRole('combobox', { name: 'បន្ថែមសមាជិក (លេខ ឬឈ្មោះ)' });
  for (const number of ['1', '2', '3']) {
    await search.fill(number);
    await expect(form.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await search.press('Enter');
  }
  // Four votes from three voters: refused, naming the agenda, and nothing saved.
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(form.getByRole('alert')).toHaveText(/^របៀបវារៈ: ចំនួនសំឡេងឆ្នោតលើសចំនួនអ្នកមានសិទ្ធិបោះឆ្នោត \(៣ នាក់\)$/);
  await form.getByLabel('យល់ព្រម', { exact: true }).fill('3');
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'បានរក្សាទុក' })).toHaveText(
    'បានរក្សាទុកកិច្ចប្រជុំ MT-0002',
  );
  // Three of six is exactly half: not more than half.
  const quorum = page.getByText(/កូរ៉ុម៖/);
  await expect(quorum).toContainText('មិនគ្រប់កូរ៉ុម៖ ៣ នាក់ ត្រូវការ ៤ ក្នុងចំណោម ៦');
  const saved = page.getByRole('form', { name: 'MT-0002' });
  const more = saved.getByRole('combobox', { name: 'បន្ថែមសមាជិក (លេខ ឬឈ្មោះ)' });
  await more.fill('4');
  await expect(saved.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await more.press('Enter');
  await saved.getByLabel('យល់ព្រម', { exact: true }).fill('4');
  await saved.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(quorum).toContainText('គ្រប់កូរ៉ុម៖ ៤ នាក់ ត្រូវការ ៤ ក្នុងចំណោម ៦');
  await expect(page.getByRole('row', { name: /MT-0002/ })).toContainText('✓');
  await app.shot('80-meeting-screen');

  await page.getByRole('button', { name: 'កំណត់ហេតុ' }).click();
  await expect(page.locator('.report-name')).toHaveText('minutes-MT-0002.pdf');
  await page.getByRole('img', { name: 'ទំព័រ ១' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('img', { name: 'ទំព័រ ១' })).toHaveClass(/drawn/);
  await app.shot('81-minutes');
  await page.getByRole('button', { name: 'បញ្ជីវត្តមាន (ទទេ)' }).click();
  await expect(page.locator('.report-name')).toHaveText('attendance-MT-0002-blank.pdf');
  await page.getByRole('img', { name: 'ទំព័រ ១' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('img', { name: 'ទំព័រ ១' })).toHaveClass(/drawn/);
  await app.shot('82-attendance-blank');

  await nav(page, 'បិទបញ្ជីប្រចាំឆ្នាំ');
  await page.getByLabel('ឆ្នាំសារពើពន្ធ').selectOption('2025');
  await expect(page.getByText('ខែទាំងអស់នៃឆ្នាំនេះបានបិទរួចហើយ')).toBeVisible();
  await page.getByLabel('មហាសន្និបាតដែលអនុម័ត').selectOption('2');
  await page.getByRole('button', { name: 'បិទបញ្ជីឆ្នាំ' }).click();
  await page.getByRole('button', { name: 'បាទ/ចាស បិទបញ្ជី' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'បានបិទបញ្ជីឆ្នាំ' })).toHaveText('បានបិទបញ្ជីឆ្នាំ ២០២៥');
  // 1,600,000 riel: 20 % to the reserve.
  await expect(page.getByRole('row', { name: /មូលនិធិបម្រុង/ })).toContainText('៣២០.០០០');
  // Member 4 has no savings account: nothing is paid, and the sentence names the member.
  await page.getByRole('button', { name: 'បើកប្រាក់ដែលនៅសល់' }).click();
  await expect(page.getByRole('alert')).toHaveText('សមាជិកលេខ ៤ មិនមានគណនីសន្សំធម្មតាជាប្រាក់រៀលទេ');
  await page.getByLabel('វិធីបើក').selectOption('cash');
  await page.getByRole('button', { name: 'បើកប្រាក់ដែលនៅសល់' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'បានបើក' })).toContainText('សមាជិក ៤ នាក់');
  await page.getByRole('button', { name: 'របាយការណ៍ប្រចាំឆ្នាំ' }).click();
  await expect(page.locator('.report-name')).toHaveText('annual-report-2025.pdf');
  await page.getByRole('img', { name: 'ទំព័រ ១' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('img', { name: 'ទំព័រ ១' })).toHaveClass(/drawn/);
  await app.shot('83-annual-report');

  // Nothing posts into the closed year: a voucher dated in it is refused with the year named.
  await nav(page, 'ប្រតិបត្តិការសាច់ប្រាក់');
  await page.getByRole('tab', { name: 'ចំណាយប្រាក់' }).click();
  const voucher = page.getByRole('form', { name: 'ប័ណ្ណចំណាយប្រាក់' });
  await voucher.getByLabel('កាលបរិច្ឆេទ').fill('15/06/2025');
  await voucher.getByLabel('ចំណាយលើគណនី').selectOption({ label: '5401 សម្ភារៈការិយាល័យ (KHR)' });
  await voucher.getByLabel('ចំនួនទឹកប្រាក់').fill('10,000');
  await voucher.getByLabel('បរិយាយ').fill('ក្រដាស');
  await voucher.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(voucher.getByText('ឆ្នាំសារពើពន្ធ ២០២៥ ត្រូវបានបិទបញ្ជីហើយ មិនអាចកត់ត្រាចូលបានទេ')).toBeVisible();
  expect(app.loggedErrors).toEqual([]);
});
