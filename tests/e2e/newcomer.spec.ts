import { localIsoDate } from '../../main/clock';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { DEMO_PASSWORD } from '../../shared/users';
import { type AppFixture, expect, type Page, test } from './fixtures';

// What a bookkeeper who was never trained tripped on, each checked on the demo cooperative.
async function openDemo(app: AppFixture, page: Page, size: { width: number; height: number }) {
  const at = new Date();
  await createDemoCooperative(app.backend.session.db, {
    members: 40,
    seed: 7,
    years: 1,
    now: { today: localIsoDate(at), timestamp: at.toISOString() },
  });
  const signedIn = await app.backend.router.dispatch('auth.signIn', {
    username: 'admin',
    password: DEMO_PASSWORD,
  });
  expect(signedIn.ok).toBe(true);
  await page.setViewportSize(size);
  await app.open();
  await expect(page.getByRole('heading', { name: 'ទំព័រដើម' })).toBeVisible();
}

for (const size of [
  { width: 1024, height: 600 },
  { width: 1366, height: 768 },
]) {
  test(`the sidebar scrolls to its last screen at ${size.width}×${size.height}`, async ({ app, page }) => {
    await openDemo(app, page, size);
    const sidebar = page.getByRole('navigation');
    const overflow = await sidebar.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    // The list is longer than the window at both sizes: it must scroll rather than run off the bottom.
    expect(overflow.scroll).toBeGreaterThan(overflow.client);
    expect(overflow.client).toBeLessThanOrEqual(size.height);
    const last = sidebar.locator('.nav-item').last();
    await sidebar.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const box = await last.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(await sidebar.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await app.shot(`sidebar-${size.width}`);
    await last.click();
    await expect(last).toHaveAttribute('aria-current', 'page');
  });
}

test('letters in an amount are not a valid amount, an empty amount must be filled in', async ({
  app,
  page,
}) => {
  await openDemo(app, page, { width: 1366, height: 768 });
  await page.getByRole('navigation').getByRole('button', { name: 'ប្រតិបត្តិការសាច់ប្រាក់' }).click();
  await page.getByRole('tab', { name: 'ចំណាយប្រាក់' }).click();
  const form = page.getByRole('form', { name: 'ប័ណ្ណចំណាយប្រាក់' });
  const amount = form.getByLabel('ចំនួនទឹកប្រាក់');
  await amount.fill('abc');
  await form.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('ចំនួនទឹកប្រាក់មិនត្រឹមត្រូវ')).toBeVisible();
  await expect(amount).toHaveValue('abc');
  await app.shot('amount-letters');
  await amount.fill('');
  await form.getByRole('button', { name: 'កត់ត្រា' }).click();
  await expect(form.getByText('ត្រូវតែបំពេញ').first()).toBeVisible();
  await expect(form.getByText('ចំនួនទឹកប្រាក់មិនត្រឹមត្រូវ')).toHaveCount(0);
});

test('a Khmer name with Latin letters, and a Latin name in Khmer, are refused and nothing is saved', async ({
  app,
  page,
}) => {
  await openDemo(app, page, { width: 1366, height: 768 });
  const before = await app.backend.session.db.selectFrom('members').select('id').execute();
  await page.getByRole('navigation').getByRole('button', { name: 'សមាជិក', exact: true }).click();
  await page.getByRole('button', { name: '+ បន្ថែមសមាជិក' }).click();
  const form = page.getByRole('form');
  await form.getByLabel('ឈ្មោះ (ខ្មែរ)').fill('abc123');
  await form.getByLabel('ឈ្មោះ (អក្សរឡាតាំង)').fill('សុខ');
  await form.getByLabel('ភេទ').selectOption({ label: 'ស្រី' });
  await form.getByRole('button', { name: 'រក្សាទុក' }).click();
  await expect(form.getByText('សូមសរសេរជាអក្សរខ្មែរ (គ្មានអក្សរឡាតាំង)')).toBeVisible();
  await expect(form.getByText('សូមសរសេរជាអក្សរឡាតាំង (គ្មានអក្សរខ្មែរ)')).toBeVisible();
  await app.shot('names-refused');
  expect(await app.backend.session.db.selectFrom('members').select('id').execute()).toHaveLength(
    before.length,
  );
});

test('the journal names every kind of entry in Khmer and English, never by its code', async ({
  app,
  page,
}) => {
  await openDemo(app, page, { width: 1366, height: 768 });
  await page.getByRole('navigation').getByRole('button', { name: 'ប្រតិបត្តិការសាច់ប្រាក់' }).click();
  const main = page.getByRole('main');
  await expect(main.getByText('ដាក់ប្រាក់សន្សំ').first()).toBeVisible();
  await expect(main).not.toContainText(/savings_|share_|input_|interest\b/);
  await app.shot('journal-kinds-km');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(main.getByText('Savings deposit').first()).toBeVisible();
  await expect(main).not.toContainText(/savings_|share_|input_/);
});

test('the interest screen says what to do before anything is previewed, at 1024×600', async ({
  app,
  page,
}) => {
  await openDemo(app, page, { width: 1024, height: 600 });
  await page.getByRole('navigation').getByRole('button', { name: 'ការប្រាក់', exact: true }).click();
  await expect(page.getByText('ជ្រើសរើសផលិតផល និងខែ រួចចុច «មើលជាមុន»')).toBeVisible();
  // The period's box is as wide as its longest month name: nothing of it is cut off.
  const period = page.getByLabel('រយៈពេល');
  const fits = await period.evaluate((el) => {
    const select = el as HTMLSelectElement;
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(select).font;
    probe.textContent = select.selectedOptions[0]?.textContent ?? '';
    document.body.append(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    return select.clientWidth - needed;
  });
  // Its own padding and the arrow take about 40 px.
  expect(fits).toBeGreaterThan(40);
  await app.shot('interest-hint-1024');
});
