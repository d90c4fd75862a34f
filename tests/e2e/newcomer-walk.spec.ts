import { localIsoDate } from '../../main/clock';
import { createDemoCooperative } from '../../main/demo/cooperative';
import { DEMO_PASSWORD } from '../../shared/users';
import { expect, test } from './fixtures';

// Every screen of the sidebar, in both languages, at the two laptop sizes the issue was tried at: nothing
// wider than the window (no sideways scrolling to reach a field or a button), no raw code on screen.
for (const size of [
  { width: 1024, height: 600 },
  { width: 1366, height: 768 },
]) {
  test(`every screen fits ${size.width}×${size.height} in Khmer and English`, async ({
    app,
    page,
  }, testInfo) => {
    testInfo.setTimeout(240_000);
    const at = new Date();
    await createDemoCooperative(app.backend.session.db, {
      members: 40,
      seed: 5,
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
    const too: string[] = [];
    for (const language of ['km', 'en']) {
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      const items = page.getByRole('navigation').locator('.nav-item');
      const count = await items.count();
      for (let i = 0; i < count; i++) {
        const item = items.nth(i);
        const name = (await item.textContent()) ?? '';
        await item.click();
        await expect(item).toHaveAttribute('aria-current', 'page');
        await page.waitForTimeout(300);
        const wide = await page.evaluate(() => {
          const main = document.querySelector('main.content');
          return {
            page: document.documentElement.scrollWidth - window.innerWidth,
            main: main ? main.scrollWidth - main.clientWidth : 0,
          };
        });
        if (wide.page > 1 || wide.main > 1)
          too.push(`${language} ${name}: ${wide.page}/${wide.main}px too wide`);
        const text = (await page.getByRole('main').textContent()) ?? '';
        const raw = text.match(/\b[a-z]+_[a-z_]+\b/);
        if (raw) too.push(`${language} ${name}: shows ${raw[0]}`);
        await app.shot(`walk-${size.width}-${language}-${String(i).padStart(2, '0')}`);
      }
    }
    expect(too).toEqual([]);
  });
}
