import BetterSqlite3 from 'better-sqlite3';
import { createMember, updateMember } from '../../main/members/register';
import { openSrovSambo } from './books';
import { expect, test } from './fixtures';

const member = {
  nameKm: 'សុខ ស្រីនាង',
  nameLatin: 'Sok Sreyneang',
  sex: 'F' as const,
  birthDate: '',
  nationalId: '',
  phone: '',
  village: 'ព្រៃខ្លា',
  commune: '',
  joinDate: '2020-03-01',
  nextOfKin: '',
  notes: '',
};

test('the audit log: who changed what, before and after, and an edit outside the app named', async ({
  app,
  page,
}) => {
  const { db } = app.backend.session;
  await openSrovSambo(db, {}, { KHR: 2_000_000 });
  const added = await createMember(db, member, app.backend.session.now());
  await updateMember(db, { id: added.id, ...member, village: 'ត្រពាំងវែង' }, app.backend.session.now());
  await app.open();
  await page.getByRole('button', { name: 'កំណត់ត្រាសវនកម្ម', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'កំណត់ត្រាសវនកម្ម', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'កំណត់ត្រាសវនកម្មត្រឹមត្រូវ' })).toBeVisible();

  // Only the members' changes, then the edit: the village before and after, in the form's words.
  await page.getByLabel('ប្រភេទទិន្នន័យ').selectOption('members');
  await page.getByLabel('សកម្មភាព').selectOption('update');
  const table = page.getByRole('table', { name: 'កំណត់ត្រាសវនកម្ម' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('row').nth(1).click();
  const changes = page.getByRole('table', { name: 'ការផ្លាស់ប្តូរ' });
  await expect(changes.getByRole('row', { name: /ភូមិ/ })).toContainText('ព្រៃខ្លា');
  await expect(changes.getByRole('row', { name: /ភូមិ/ })).toContainText('ត្រពាំងវែង');
  await app.shot('audit-log');

  // Another program edits a member in the file: the check names the row it could not seal.
  const outside = new BetterSqlite3(app.backend.session.database.file);
  outside.prepare("UPDATE members SET name_km = 'សុខ ស្រីនាងថ្មី' WHERE id = ?").run(added.id);
  outside.close();
  await page.getByRole('button', { name: 'ពិនិត្យម្ដងទៀត' }).click();
  await expect(page.getByRole('alert')).toContainText('ត្រូវបានសរសេរដោយកម្មវិធីផ្សេង មិនមែនដោយសហគមន៍ទេ។');
  // The row the other program's edit left is in the log, shown as not sealed.
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('មិនបានបិទត្រា');
  await app.shot('audit-tampered');
});
