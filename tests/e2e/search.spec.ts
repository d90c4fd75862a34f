import { localIsoDate } from '../../main/clock';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { DEMO_PASSWORD } from '../../shared/users';
import { expect, test } from './fixtures';

test('Ctrl+K finds a member, an account and a receipt from any screen and opens each', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  const at = new Date();
  await createDemoCooperative(db, {
    members: 40,
    seed: 3,
    years: 1,
    now: { today: localIsoDate(at), timestamp: at.toISOString() },
  });
  const signedIn = await app.backend.router.dispatch('auth.signIn', {
    username: 'admin',
    password: DEMO_PASSWORD,
  });
  expect(signedIn.ok).toBe(true);
  await app.open();
  const member = await db
    .selectFrom('members')
    .selectAll()
    .where('number', '=', 17)
    .executeTakeFirstOrThrow();
  const receipt = await db
    .selectFrom('journal_entries')
    .select('number')
    .where('kind', '=', 'savings_deposit')
    .where('number', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

  // From the stock screen, a member by their Khmer given name.
  await page.getByRole('navigation').getByRole('button', { name: 'ស្តុក' }).click();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('searchbox');
  await expect(box).toBeFocused();
  await box.fill(member.name_km);
  await expect(dialog.getByRole('option').first()).toContainText(`០០១៧ ${member.name_km}`);
  await app.shot('search-member');
  await box.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(member.name_km);

  // An account by its code, opening the chart of accounts.
  await page.keyboard.press('Control+k');
  await box.fill('2101');
  await expect(dialog.getByRole('option', { name: /2101 ប្រាក់សន្សំធម្មតា/ })).toBeVisible();
  await box.press('Enter');
  await expect(page.getByRole('navigation').getByRole('button', { name: 'តារាងគណនី' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // A receipt by its number typed in lower case, opening the journal.
  await page.keyboard.press('Control+k');
  await box.fill((receipt.number ?? '').toLowerCase());
  await expect(dialog.getByRole('option', { name: new RegExp(receipt.number ?? '') })).toBeVisible();
  await box.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await box.fill(receipt.number ?? '');
  await box.press('Enter');
  await expect(
    page.getByRole('navigation').getByRole('button', { name: 'ប្រតិបត្តិការសាច់ប្រាក់' }),
  ).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+k');
  await box.fill('zzzz');
  await expect(dialog).toContainText('រកមិនឃើញទេ');
});
