import { TEST_ADMIN } from '../support/users';
import { openSrovSambo } from './books';
import { expect, type Page, test } from './fixtures';

const sidebar = (page: Page) => page.getByRole('navigation');

async function signIn(page: Page, username: string, password: string) {
  await expect(page.getByRole('heading', { name: 'ចូលប្រើ', exact: true })).toBeVisible();
  await page.getByLabel(/^ឈ្មោះអ្នកប្រើ/).fill(username);
  await page.getByLabel(/^ពាក្យសម្ងាត់/).fill(password);
  await page.getByRole('button', { name: 'ចូល', exact: true }).click();
}

test('the administrator adds a bookkeeper, who signs in, sees only their work, locks the screen and unlocks it', async ({
  app,
  page,
}) => {
  await openSrovSambo(app.backend.session.db);
  await app.open();
  await expect(sidebar(page)).toContainText(TEST_ADMIN.displayName);
  await expect(sidebar(page)).toContainText('អ្នកគ្រប់គ្រង');

  await sidebar(page).getByRole('button', { name: 'អ្នកប្រើ', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'អ្នកប្រើ', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '+ បន្ថែមអ្នកប្រើ' }).click();
  await page.getByLabel(/^ឈ្មោះពេញ/).fill('លី ចន្ធូ');
  await page.getByLabel(/^ឈ្មោះអ្នកប្រើ/).fill('chanthou');
  await page.getByLabel(/^តួនាទី/).selectOption('bookkeeper');
  await page.getByLabel(/^ពាក្យសម្ងាត់/).fill('short');
  await page.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByText('ពាក្យសម្ងាត់ត្រូវមានយ៉ាងតិច ៨ តួ')).toBeVisible();
  await page.getByLabel(/^ពាក្យសម្ងាត់/).fill('បញ្ជីល្អ 2026');
  await page.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(page.getByRole('status')).toContainText('បានបង្កើតអ្នកប្រើ លី ចន្ធូ។');
  await expect(page.getByRole('row', { name: /លី ចន្ធូ chanthou គណនេយ្យករ/ })).toBeVisible();
  await app.shot('users-screen');

  // Switching user without closing the app: sign out, then the bookkeeper signs in.
  await sidebar(page).getByRole('button', { name: 'ចេញ', exact: true }).click();
  await signIn(page, 'chanthou', 'wrong password');
  await expect(page.getByRole('alert')).toContainText('ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ');
  await app.shot('sign-in-refused');
  await signIn(page, 'chanthou', 'បញ្ជីល្អ 2026');
  await expect(sidebar(page)).toContainText('លី ចន្ធូ');
  await expect(sidebar(page)).toContainText('គណនេយ្យករ');
  // What the role cannot use is not offered; what it can is.
  await expect(sidebar(page).getByRole('button', { name: 'អ្នកប្រើ', exact: true })).toHaveCount(0);
  await expect(sidebar(page).getByRole('button', { name: 'ថ្ងៃប្រមូលប្រាក់សន្សំ' })).toBeVisible();
  await sidebar(page).getByRole('button', { name: 'ព័ត៌មានសហគមន៍' }).click();
  // The profile's save and the by-law's both say why, in place of their buttons.
  await expect(page.getByText('តួនាទីរបស់អ្នក (គណនេយ្យករ) មិនអាចរក្សាទុកការនេះបានទេ។')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'រក្សាទុក' })).toHaveCount(0);
  // Even if a button were there, the main process says no.
  expect(await app.backend.router.dispatch('users.list', {})).toEqual({
    ok: false,
    error: { code: 'forbidden' },
  });

  // The lock: the same user's password opens it again.
  await sidebar(page).getByRole('button', { name: 'ចាក់សោ', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'អេក្រង់ត្រូវបានចាក់សោ' })).toBeVisible();
  await expect(page.getByText('លី ចន្ធូ (គណនេយ្យករ) បានចាក់សោអេក្រង់។')).toBeVisible();
  await app.shot('lock-screen');
  expect(
    await app.backend.router.dispatch('members.list', {
      text: '',
      status: 'all',
      sex: 'all',
      sort: 'number',
    }),
  ).toEqual({ ok: false, error: { code: 'locked' } });
  await page.getByLabel(/^ពាក្យសម្ងាត់/).fill('wrong password');
  await page.getByRole('button', { name: 'បើកសោ' }).click();
  await expect(page.getByRole('alert')).toContainText('ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ');
  await page.getByLabel(/^ពាក្យសម្ងាត់/).fill('បញ្ជីល្អ 2026');
  await page.getByRole('button', { name: 'បើកសោ' }).click();
  await expect(sidebar(page)).toContainText('លី ចន្ធូ');
});

test('the screen locks itself after the idle minutes of the profile', async ({ app, page }) => {
  await openSrovSambo(app.backend.session.db, { lockMinutes: 2 });
  // The page's own clock, run forward: nobody touches the keyboard for two minutes.
  await page.clock.install();
  await app.open();
  await expect(sidebar(page)).toContainText(TEST_ADMIN.displayName);
  await page.clock.fastForward('01:50');
  await expect(sidebar(page)).toContainText(TEST_ADMIN.displayName);
  await page.clock.fastForward('00:15');
  await expect(page.getByRole('heading', { name: 'អេក្រង់ត្រូវបានចាក់សោ' })).toBeVisible();
  expect((await app.backend.session.status()).auth).toBe('locked');
  // Someone else may sign in from the lock screen instead.
  await page.getByRole('button', { name: 'ចូលជាអ្នកប្រើផ្សេង' }).click();
  await expect(page.getByRole('heading', { name: 'ចូលប្រើ', exact: true })).toBeVisible();
});

test('a board member closes a month; a reviewer reads and is offered nothing to change', async ({
  app,
  page,
}) => {
  await openSrovSambo(app.backend.session.db);
  await app.open();
  for (const [username, role] of [
    ['sophak', 'board'],
    ['dara', 'reviewer'],
  ] as const) {
    const made = await app.backend.router.dispatch('users.create', {
      username,
      displayName: username,
      role,
      password: 'a long password',
    });
    expect(made.ok).toBe(true);
  }
  await sidebar(page).getByRole('button', { name: 'ចេញ', exact: true }).click();
  await signIn(page, 'sophak', 'a long password');
  await expect(sidebar(page).getByRole('button', { name: 'ប្រតិបត្តិការសាច់ប្រាក់' })).toHaveCount(0);
  await sidebar(page).getByRole('button', { name: 'បិទបញ្ជីប្រចាំខែ' }).click();
  const close = page.getByRole('button', { name: /^បិទបញ្ជីខែ/ }).first();
  await expect(close).toBeVisible();
  await close.click();
  await expect(page.getByRole('status')).toBeVisible();
  const months = await app.backend.session.db.selectFrom('closed_months').select('month').execute();
  expect(months.length).toBe(1);

  await sidebar(page).getByRole('button', { name: 'ចេញ', exact: true }).click();
  await signIn(page, 'dara', 'a long password');
  await expect(sidebar(page)).toContainText('អ្នកពិនិត្យ');
  await sidebar(page).getByRole('button', { name: 'បិទបញ្ជីប្រចាំខែ' }).click();
  await expect(page.getByRole('button', { name: /^បិទបញ្ជីខែ/ })).toHaveCount(0);
  await sidebar(page).getByRole('button', { name: 'សមាជិក', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'បញ្ជីសមាជិក' })).toBeVisible();
  await expect(page.getByRole('button', { name: '+ បន្ថែមសមាជិក' })).toHaveCount(0);
  await sidebar(page).getByRole('button', { name: 'ផលិតផលសន្សំ' }).click();
  await expect(page.getByRole('heading', { name: 'ផលិតផលសន្សំ' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^\+ / })).toHaveCount(0);
  await sidebar(page).getByRole('button', { name: 'ព័ត៌មានសហគមន៍' }).click();
  // The profile's save and the by-law's both say why, in place of their buttons.
  await expect(page.getByText('តួនាទីរបស់អ្នក (អ្នកពិនិត្យ) មិនអាចរក្សាទុកការនេះបានទេ។')).toHaveCount(2);
  await app.shot('reviewer-profile');
});
