import { localIsoDate } from '../../main/clock';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { accountByRole } from '../../main/ledger/accounts';
import { balanceSheet, trialBalance } from '../../main/ledger/statements';
import { formatAmount, formatNumber } from '../../shared/khmer';
import { DEMO_PASSWORD } from '../../shared/users';
import { expect, test } from './fixtures';

// The demo as the app makes it, ending today: the home screen reads the session's own clock.
const now = () => {
  const at = new Date();
  return { today: localIsoDate(at), timestamp: at.toISOString() };
};
const riel = (amount: number) => formatAmount(amount, 'KHR', { digits: 'khmer', brackets: true });
const dollars = (amount: number) => formatAmount(amount, 'USD', { digits: 'khmer', brackets: true });

test('the home screen opens first, its figures equal the statements and its charts draw twelve months', async ({
  app,
  page,
}) => {
  const db = app.backend.session.db;
  const { today } = now();
  await createDemoCooperative(db, { members: 150, seed: 4, years: 2, now: now() });
  // The demo's administrator, as its banner tells the user.
  const signedIn = await app.backend.router.dispatch('auth.signIn', {
    username: 'admin',
    password: DEMO_PASSWORD,
  });
  expect(signedIn.ok).toBe(true);
  await app.open();
  await expect(page.getByRole('heading', { name: 'ទំព័រដើម' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'ទំព័រដើម' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Every figure from the trial balance and the balance sheet at today, as the statements screen shows them.
  const tb = await trialBalance(db, today);
  const signed = (code: string) => {
    const row = tb.rows.find((r) => r.code === code);
    return (row?.debit ?? 0) - (row?.credit ?? 0);
  };
  const sheet = await balanceSheet(db, today);
  const sheetLine = (code: string) =>
    sheet.currencies
      .flatMap((c) => [...c.assets.lines, ...c.liabilities.lines, ...c.equity.lines])
      .find((l) => l.code === code && !l.isGroup)?.amount ?? 0;
  expect(sheetLine('1101')).toBe(signed('1101'));

  const figure = (title: string) => page.locator('.home-figure').filter({ hasText: title });
  await expect(figure('សាច់ប្រាក់ក្នុងដៃ')).toContainText(riel(signed('1101')));
  await expect(figure('សាច់ប្រាក់ក្នុងដៃ')).toContainText(dollars(signed('1102')));
  await expect(figure('សាច់ប្រាក់ក្នុងដៃ')).toContainText(riel(signed('1201')));
  await expect(figure('ដើមទុនភាគហ៊ុន')).toContainText(riel(sheetLine('3101')));
  const savingsKhr = -(signed('2101') + signed('2103'));
  const savingsUsd = -(signed('2102') + signed('2104'));
  expect(savingsKhr).toBeGreaterThan(0);
  await expect(figure('ប្រាក់សន្សំសមាជិក')).toContainText(riel(savingsKhr));
  await expect(figure('ប្រាក់សន្សំសមាជិក')).toContainText(dollars(savingsUsd));
  const credit = await accountByRole(db, 'input_credit_khr');
  await expect(figure('ឥណទានធាតុចូល')).toContainText(`នៅជំពាក់ ${riel(signed(credit.code))}`);
  const members = await db.selectFrom('members').selectAll().where('status', '=', 'active').execute();
  await expect(figure('សមាជិកសកម្ម')).toContainText(`${formatNumber(members.length, 'khmer')} នាក់`);
  await expect(figure('សមាជិកសកម្ម')).toContainText(
    `ស្ត្រី ${formatNumber(members.filter((m) => m.sex === 'F').length, 'khmer')} នាក់`,
  );
  await expect(figure('ការបម្រុងទុកចុងក្រោយ')).toContainText('មិនទាន់មានការបម្រុងទុកទេ');

  // recharts' SVG: a dot per month on each line, a bar per month for each series.
  const chart = (id: string) => page.locator(`figure[data-chart="${id}"]`);
  await expect(chart('savings').locator('.recharts-line-dots')).toHaveCount(2);
  await expect(chart('savings').locator('.recharts-line-dots').first().locator('circle')).toHaveCount(12);
  await expect(chart('savings').locator('.recharts-line-dots').last().locator('circle')).toHaveCount(12);
  await expect(chart('members').locator('.recharts-line-dots circle')).toHaveCount(12);
  await expect(chart('flows').locator('.recharts-bar-rectangles')).toHaveCount(2);
  for (const series of await chart('flows').locator('.recharts-bar-rectangles').all()) {
    await expect(series.locator('.recharts-bar-rectangle')).toHaveCount(12);
  }
  // The amounts' axis in millions of riel, in Khmer digits.
  const ticks = chart('flows').locator('.recharts-cartesian-axis-tick-value').filter({ hasText: 'លាន' });
  await expect(ticks.last()).toHaveText(/^[០-៩][០-៩.]* លាន$/);
  await app.shot('home-km');

  // Each figure is a door into its screen.
  await figure('សមាជិកសកម្ម').click();
  await expect(page.getByRole('heading', { name: 'បញ្ជីសមាជិក' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'ទំព័រដើម' }).click();
  await figure('ឥណទានធាតុចូល').click();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'ឥណទាន' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
  await expect(page.locator('.home-figure').filter({ hasText: 'Share capital' })).toContainText(
    formatAmount(sheetLine('3101'), 'KHR', { digits: 'latin', brackets: true }),
  );
  await expect(page.locator('figure[data-chart="members"] .recharts-line-dots circle')).toHaveCount(12);
  await app.shot('home-en');
});
