import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup } from '../../main/backup/create';
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
  joinDate: '2026-11-02',
  nextOfKin: '',
  notes: '',
});

test('the reviewer compares the backup of the last visit with a newer one, on screen and printed', async ({
  app,
  page,
}) => {
  const { db, database } = app.backend.session;
  await openSrovSambo(db, {}, { KHR: 2_000_000 });
  const first = await createMember(db, member('សុខ ស្រីនាង'), app.backend.session.now());
  const backup = async (folder: string, at: Date) =>
    (await createBackup(database.sqlite, { dir: join(app.dataDir, folder), appVersion: '0.1.0', at })).file;
  const older = await backup('visit-1', new Date('2026-10-01T03:00:00Z'));
  await createMember(db, member('ចាន់ ដារា'), app.backend.session.now());
  await db
    .transaction()
    .execute((trx) =>
      trx.updateTable('members').set({ phone: '012345678' }).where('id', '=', first.id).execute(),
    );
  const newer = await backup('visit-2', new Date('2026-11-20T03:00:00Z'));

  await app.open();
  await page.getByRole('navigation').getByRole('button', { name: 'ការផ្លាស់ប្តូរ' }).click();
  await expect(page.getByRole('heading', { name: 'ការផ្លាស់ប្តូរតាំងពីការពិនិត្យលើកមុន' })).toBeVisible();
  const compare = page.getByRole('button', { name: 'ប្រៀបធៀប' });
  await expect(compare).toBeDisabled();
  app.answerBackupFile(older);
  await page.getByRole('group', { name: 'ការបម្រុងទុកពីការពិនិត្យលើកមុន' }).getByRole('button').click();
  app.answerBackupFile(newer);
  await page.getByRole('group', { name: 'ការបម្រុងទុកថ្មី' }).getByRole('button').click();
  await expect(page.getByText(newer)).toBeVisible();
  await compare.click();
  await expect(page.getByRole('status')).toContainText(
    'ប្រតិបត្តិការថ្មី ០ · ក្នុងនោះបញ្ច្រាស ០ · សមាជិកថ្មី ១ · សមាជិកបានកែប្រែ ១',
  );
  await expect(page.getByRole('row', { name: /ចាន់ ដារា/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /សុខ ស្រីនាង លេខទូរស័ព្ទ/ })).toBeVisible();
  await expect(page.locator('.report-preview canvas').first()).toBeVisible();
  await app.shot('review-changes');

  await page.getByRole('button', { name: 'រក្សាទុក PDF…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'បានរក្សាទុក' })).toBeVisible();
  const saved = app.saved.at(-1) as string;
  expect(saved).toMatch(/review-changes-2026-10-01-2026-11-20\.pdf$/);
  expect(existsSync(saved)).toBe(true);
});

test('a health finding opens where it is: an entry in the journal', async ({ app, page }) => {
  const { db, database } = app.backend.session;
  await openSrovSambo(db, {}, { KHR: 2_000_000 });
  // Written past the app, as another program would: January 2015 marked closed before its opening entry.
  database.sqlite
    .prepare(
      "INSERT INTO closed_months (month, closed_at, closed_by) VALUES ('2015-01', '2015-01-01T00:00:00.000Z', 'x')",
    )
    .run();
  await app.open();
  await page.getByRole('navigation').getByRole('button', { name: 'ពិនិត្យសុខភាពបញ្ជី' }).click();
  const closedMonths = page.getByRole('listitem').filter({ hasText: 'គ្មានប្រតិបត្តិការក្នុងខែបិទ' });
  await expect(closedMonths).toContainText('១ បញ្ហា');
  await app.shot('health-finding');
  await closedMonths.getByRole('button', { name: 'បើកមើល' }).click();
  await expect(page.getByRole('heading', { name: 'ប្រតិបត្តិការសាច់ប្រាក់' })).toBeVisible();
});
