import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMember } from '../../main/members/register';
import { openSrovSambo } from './books';
import { expect, test } from './fixtures';

const member = (nameKm: string) => ({
  nameKm,
  nameLatin: '',
  sex: 'F' as const,
  birthDate: '',
  nationalId: '',
  phone: '',
  village: '',
  commune: '',
  joinDate: '2020-03-01',
  nextOfKin: '',
  notes: '',
});

test('back up to a USB stick with a passphrase, restore it over later changes, open it as a review copy', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  await openSrovSambo(db, {}, { KHR: 2_000_000 });
  await createMember(db, member('សុខ ស្រីនាង'), app.backend.session.now());
  await app.open();
  await page.getByRole('button', { name: 'ការបម្រុងទុក', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'ការបម្រុងទុក', exact: true })).toBeVisible();
  await page.getByLabel('ពាក្យសម្ងាត់ (មិនចាំបាច់)').first().fill('ស្រូវ ២០២៦');
  await page.getByRole('button', { name: 'បម្រុងទុកឥឡូវនេះ' }).click();
  await expect(page.getByRole('status')).toContainText('បានបម្រុងទុក និងពិនិត្យរួច');
  const made = readdirSync(app.usb).filter((n) => n.endsWith('.sahakum-backup'));
  expect(made).toHaveLength(1);
  const backup = join(app.usb, made[0] as string);
  await app.shot('backup-made');

  // A member added after the backup; then a damaged file is refused with nothing replaced.
  await createMember(db, member('ចាន់ ដារា'), app.backend.session.now());
  const damaged = join(app.dataDir, 'damaged.sahakum-backup');
  writeFileSync(damaged, 'not a backup at all');
  app.answerBackupFile(damaged);
  await page.getByRole('button', { name: 'ជ្រើសរើសឯកសារបម្រុងទុក…' }).click();
  await page.getByRole('button', { name: 'ស្តារទិន្នន័យពីឯកសារនេះ' }).click();
  await page.getByRole('button', { name: 'បាទ/ចាស ស្តារ' }).click();
  await expect(page.getByRole('alert')).toContainText('ឯកសារនេះមិនមែនជាឯកសារបម្រុងទុករបស់កម្មវិធីសហគមន៍ទេ');
  await app.shot('backup-refused');
  expect((await app.backend.router.dispatch('app.status', {})) as unknown).toMatchObject({
    value: { memberCount: 2 },
  });

  // The right file and passphrase: restored, the member added since is gone.
  app.answerBackupFile(backup);
  await page.getByRole('button', { name: 'ជ្រើសរើសឯកសារបម្រុងទុក…' }).click();
  await page.getByLabel('ពាក្យសម្ងាត់ (មិនចាំបាច់)').nth(1).fill('ស្រូវ ២០២៦');
  await page.getByRole('button', { name: 'ស្តារទិន្នន័យពីឯកសារនេះ' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('ច្បាប់ចម្លងសុវត្ថិភាព');
  await page.getByRole('alertdialog').scrollIntoViewIfNeeded();
  await app.shot('backup-restore-confirm');
  await page.getByRole('button', { name: 'បាទ/ចាស ស្តារ' }).click();
  await expect(page.getByRole('status')).toContainText('បានស្តារទិន្នន័យរួចរាល់');
  expect((await app.backend.router.dispatch('app.status', {})) as unknown).toMatchObject({
    value: { memberCount: 1 },
  });
  expect(readdirSync(join(app.dataDir, 'backups')).some((n) => n.startsWith('before-restore-'))).toBe(true);

  // The same file as a review copy: the banner, the screens read it, nothing can be written.
  await page.getByRole('button', { name: 'បើកជាច្បាប់ចម្លងសម្រាប់ពិនិត្យ (អានតែប៉ុណ្ណោះ)' }).click();
  await expect(page.getByRole('note')).toContainText('អ្នកកំពុងមើលច្បាប់ចម្លងសម្រាប់ពិនិត្យ');
  await page.getByRole('button', { name: 'ពិនិត្យសុខភាពបញ្ជី' }).click();
  await expect(page.getByRole('status')).toContainText('គ្មានបញ្ហាទេ');
  await app.shot('review-health');
  await page.getByRole('button', { name: 'សមាជិក', exact: true }).click();
  await expect(page.getByText('សុខ ស្រីនាង')).toBeVisible();
  await app.shot('review-members');
  expect(await app.backend.router.dispatch('members.create', member('x'))).toEqual({
    ok: false,
    error: { code: 'read_only' },
  });
  await page.getByRole('button', { name: 'បិទច្បាប់ចម្លង' }).click();
  await expect(page.getByRole('note')).toHaveCount(0);
});
