import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openSavingsAccount } from '../../main/savings/accounts';
import { purchaseShares } from '../../main/shares/shares';
import { accountId, srovSamboWithSavers } from './books';
import { type AppFixture, expect, type Page, test } from './fixtures';

/** Srov Sambo's two savers (books.ts), each with five shares and riel savings. */
async function cooperativeWithMoney(app: AppFixture) {
  const db = await srovSamboWithSavers(app);
  const now = app.backend.session.now();
  const actor = { ...now, user: 'test' };
  const cash = await accountId(db, '1101');
  for (const memberId of [1, 2]) {
    await purchaseShares(db, { memberId, date: now.today, shares: 5, cashAccountId: cash }, actor);
    await openSavingsAccount(
      db,
      { memberId, productId: 1, date: now.today, amount: 50_000 * memberId, cashAccountId: cash },
      actor,
    );
  }
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

async function openReports(app: AppFixture, page: Page) {
  await app.openMembers();
  await page.getByRole('button', { name: 'បោះពុម្ពរបាយការណ៍' }).click();
  await expect(page.getByRole('heading', { name: 'បោះពុម្ពរបាយការណ៍' })).toBeVisible();
}

test('the balance sheet: built in the worker, previewed page by page, saved where chosen, printed', async ({
  app,
  page,
}) => {
  await cooperativeWithMoney(app);
  await openReports(app, page);
  await page.getByLabel('របាយការណ៍', { exact: true }).selectOption({ label: 'តារាងតុល្យការ' });
  await page.getByRole('button', { name: 'បង្ហាញរបាយការណ៍' }).click();

  // The first page is drawn from the PDF itself (PDF.js on a canvas), and the toolbar counts its pages.
  const firstPage = page.getByRole('img', { name: 'ទំព័រ ១' });
  await expect(firstPage).toHaveClass(/drawn/);
  await expect(page.getByText(/^១ ទំព័រ · [០-៩]+ គីឡូបៃ$/)).toBeVisible();
  const drawnPixels = await firstPage.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
    return dark;
  });
  expect(drawnPixels, 'the preview shows ink, not a blank page').toBeGreaterThan(1000);
  await app.shot('reports-balance-sheet');

  // Save: the dialog's path gets exactly the PDF that was previewed.
  await page.getByRole('button', { name: 'រក្សាទុកជា PDF…' }).click();
  await expect(page.getByRole('status')).toContainText('បានរក្សាទុកនៅ');
  expect(app.saved).toHaveLength(1);
  const saved = app.saved[0] ?? '';
  expect(saved).toMatch(/balance-sheet-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(saved);
  expect(text).toContain('តារាងតុល្យការ');
  expect(text).toContain('សហគមន៍កសិកម្ម ស្រូវសម្បូរ');
  expect(text).toContain('ទ្រព្យសកម្ម');

  // Print: every page is drawn as an image that only the print stylesheet shows, then the print dialog.
  await page.evaluate(() => {
    const w = window as unknown as { printed: number[] };
    w.printed = [];
    window.print = () => {
      w.printed.push(document.querySelectorAll('.print-pages img').length);
    };
  });
  await page.getByRole('button', { name: 'បោះពុម្ព…' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number[] }).printed))
    .toEqual([1]);
  await expect(page.locator('.print-pages')).toHaveCount(0);
});

test('a member statement needs a member, or every member in one document; English on request', async ({
  app,
  page,
}) => {
  await cooperativeWithMoney(app);
  await openReports(app, page);
  await page.getByLabel('របាយការណ៍', { exact: true }).selectOption({ label: 'របាយការណ៍សមាជិក' });
  await page.getByRole('button', { name: 'បង្ហាញរបាយការណ៍' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^សមាជិក: /);
  // A member's statement covers the year so far unless another start is typed.
  const year = app.backend.session.now().today.slice(0, 4);
  await expect(page.getByLabel('ពីថ្ងៃ')).toHaveValue(`01/01/${year}`);
  await expect(page.getByRole('img', { name: 'ទំព័រ ១' })).toHaveCount(0);

  // One member, found by name.
  await page.getByRole('searchbox').fill('ដារ៉ា');
  await page.getByLabel('សមាជិក', { exact: true }).selectOption({ label: '០០០២ ចាន់ ដារ៉ា' });
  await page.getByRole('button', { name: 'បង្ហាញរបាយការណ៍' }).click();
  await expect(page.getByRole('img', { name: 'ទំព័រ ១' })).toHaveClass(/drawn/);
  await expect(page.getByText('member-statement-0002-', { exact: false })).toBeVisible();

  // Every member, in English: one document, a page (at least) per member.
  await page.getByLabel('សមាជិកទាំងអស់ (មួយឯកសារ)').check();
  await page.getByLabel('ភាសារបាយការណ៍').selectOption('en');
  await page.getByRole('button', { name: 'បង្ហាញរបាយការណ៍' }).click();
  await expect(page.getByText(/member-statement-all-.*-en\.pdf/)).toBeVisible();
  await expect(page.getByRole('img', { name: 'ទំព័រ ២' })).toBeVisible();
  await app.shot('reports-member-statements');
  await page.getByRole('button', { name: 'រក្សាទុកជា PDF…' }).click();
  await expect(page.getByRole('status')).toContainText('បានរក្សាទុកនៅ');
  const text = pdfText(app.saved[0] ?? '');
  expect(text).toContain('Sok Sreymom');
  expect(text).toContain('Chan Dara');
});

test('the monthly board statement in English with Latin digits, and a wrong date named beside its field', async ({
  app,
  page,
}) => {
  await cooperativeWithMoney(app);
  const { today } = app.backend.session.now();
  await openReports(app, page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Print reports' })).toBeVisible();
  // The board statement is the first report, for the last month that has ended.
  await expect(page.getByLabel('Report', { exact: true })).toHaveValue('board-statement');
  // Reports are in Khmer unless English is asked for, whatever the screen's language.
  await expect(page.getByLabel('Report language')).toHaveValue('km');
  await page.getByLabel('Report language').selectOption('en');
  await page.getByLabel('Digits').selectOption('latin');
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByRole('img', { name: 'Page 1' })).toHaveClass(/drawn/);
  await app.shot('reports-board-statement');
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect(page.getByRole('status')).toContainText('Saved at');
  const text = pdfText(app.saved[0] ?? '');
  expect(text).toContain('Monthly board statement');
  expect(text).not.toMatch(/[០-៩]/);

  // A cash book whose dates are backwards is refused beside the date, and nothing is built.
  await page.getByLabel('Report', { exact: true }).selectOption('cash-book');
  // The cash book is read by the month.
  await expect(page.getByLabel('From')).toHaveValue(`01/${today.slice(5, 7)}/${today.slice(0, 4)}`);
  await page.getByLabel('From').fill('31/12/2026');
  await page.getByLabel('To').fill('01/01/2026');
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByRole('alert')).toHaveText('From: the start date cannot be after the end date');
});
