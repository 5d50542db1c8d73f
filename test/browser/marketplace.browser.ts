import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  accessibilityViolations,
  launchBrowser,
  type Marketplace,
  newUser,
  pageErrors,
  saveMetric,
  screenshot,
  startMarketplace,
} from './browser-harness';

/**
 * Every role's main path in a real Chromium against a real marketplace (demo data loaded), in the
 * order the programme runs: the tests share one marketplace and build on each other.
 */
describe('the marketplace in the browser', () => {
  let marketplace: Marketplace;
  let browser: Browser;

  beforeAll(async () => {
    [marketplace, browser] = await Promise.all([startMarketplace(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await marketplace?.stop();
  });

  it('榜单大厅: a visitor searches in Chinese, narrows by a facet, reloads the deep link and opens a need', async () => {
    const { context, page } = await newUser(browser, marketplace.url);
    await page.goto('/hall?q=激光');
    const results = page.getByRole('list', { name: /搜索结果|结果/ });
    await results.getByRole('link').first().waitFor();
    const firstResult = await page.evaluate(() => performance.getEntriesByName('hall:first-result').at(0)?.startTime);
    expect(firstResult).toBeGreaterThan(0);
    await saveMetric('hall-time-to-first-result', { query: '激光', milliseconds: Math.round(firstResult!) });
    await expect(page.locator('mark').first().textContent()).resolves.toContain('激光');
    await screenshot(page, '01-hall-search');

    await page.getByRole('checkbox', { name: /激光技术应用/ }).check();
    await page.waitForURL(/industry=laser_technology/);
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /激光技术应用/ }).isChecked()).resolves.toBe(true);
    const title = await results.getByRole('link').first().textContent();
    await results.getByRole('link').first().click();
    await page.waitForURL(/\/demands\//);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
    await screenshot(page, '02-demand-detail');
    expect(await pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the search page passes axe-core and works from the keyboard alone', async () => {
    const { context, page } = await newUser(browser, marketplace.url);
    await page.goto('/hall');
    await page
      .getByRole('list', { name: /搜索结果|结果/ })
      .getByRole('link')
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Tab reaches the search box; typing searches; Tab reaches a facet and Space applies it.
    const searchBox = page.getByRole('searchbox').or(page.getByLabel(/搜索/)).first();
    for (let i = 0; i < 30 && !(await searchBox.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(searchBox.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('磁');
    await page.waitForURL(/q=%E7%A3%81|q=磁/);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'checkbox',
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Space');
    await page.waitForURL(/(industry|district|cooperationMode|status)=/);
    await context.close();
  });
});
