import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  accessibilityViolations,
  launchBrowser,
  type Marketplace,
  newUser,
  pageErrors,
  screenshot,
  signIn,
  startMarketplace,
} from './browser-harness';

const TEAM = 'team-03@jiebang.demo';

/** A team's alerts in a real Chromium: save a search in the hall, follow a need, set its channels. */
describe('subscriptions and alerts in the browser', () => {
  let marketplace: Marketplace;
  let browser: Browser;

  beforeAll(async () => {
    [marketplace, browser] = await Promise.all([startMarketplace(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await marketplace?.stop();
  });

  it('a team saves a search, follows a need and sets its channels; an email link unsubscribes signed out', async () => {
    const { context, page } = await newUser(browser, marketplace.url);
    await signIn(page, TEAM);
    await page.goto('/hall?q=激光');
    const results = page.getByRole('list', { name: /搜索结果|结果/ });
    await results.getByRole('link').first().waitFor();
    await page.getByRole('button', { name: '保存搜索' }).click();
    const dialog = page.getByRole('dialog', { name: '保存当前搜索' });
    await expect(dialog.getByLabel('名称').inputValue()).resolves.toBe('激光');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    // The dialog closes only once the subscription is stored; its toast is transient (3 s) and a
    // loaded machine can miss it, so the stored search is checked on the preferences page below.
    await dialog.waitFor({ state: 'hidden' });

    const title = (await results.getByRole('link').first().textContent())!;
    await results.getByRole('link').first().click();
    await page.waitForURL(/\/demands\//);
    await page.getByRole('button', { name: '关注' }).click();
    await page.getByRole('button', { name: '已关注' }).waitFor();
    await expect(page.getByRole('button', { name: '已关注' }).getAttribute('aria-pressed')).resolves.toBe('true');

    await page.goto('/notifications');
    await page.getByRole('link', { name: '通知设置' }).click();
    await page.waitForURL(/\/notifications\/preferences$/);
    await page.getByRole('link', { name: title }).waitFor();
    await page.getByText('激光', { exact: true }).first().waitFor();
    const email = page.getByRole('switch', { name: '新需求符合我的订阅 邮件' });
    await expect(email.isChecked()).resolves.toBe(true);
    await email.click();
    await page.getByText('已保存', { exact: true }).waitFor();
    await expect(email.isChecked()).resolves.toBe(false);
    await screenshot(page, '20-notification-preferences');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
    await context.close();

    const visitor = await newUser(browser, marketplace.url);
    await visitor.page.goto('/unsubscribe?token=forged.need_matched.x');
    await visitor.page.getByText('退订链接无效，请登录后在通知设置中修改').waitFor();
    expect(await pageErrors(visitor.page)).toEqual([]);
    await visitor.context.close();
  });
});
