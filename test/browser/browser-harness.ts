/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from '@jest/globals';
import { freePort } from '@jiebang/platform';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { eventually } from '../harness/eventually';
import { type RunningProcess, serviceEnv, startApp } from '../harness/processes';
import { TEST_JWT_SECRET } from '../harness/test-app';
import { createTestDatabase } from '../harness/test-database';
import { readTestServers } from '../harness/test-env';

export const ARTIFACTS = path.resolve('test/artifacts');
export const DEMO_PASSWORD = 'jiebang-demo-2023';

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Marketplace {
  url: string;
  stop: () => Promise<void>;
}

/**
 * A real `marketplace` process on a fresh (migrated) database of the harness's PostgreSQL and Meilisearch:
 * its first start loads the demo programme (SEED_DEMO), so the browser sees the 446 needs.
 */
export async function startMarketplace(): Promise<Marketplace> {
  const database = await createTestDatabase({ migrated: true });
  const port = await freePort();
  const app: RunningProcess = startApp('marketplace', {
    ...serviceEnv(database.url, readTestServers()),
    PORT: String(port),
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    SEARCH_INDEX_PREFIX: `web${randomBytes(3).toString('hex')}_`,
    EVENT_RETRY_DELAY_SECONDS: '0',
    // Every role signs in from this one address, more often than a person would.
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      async () => {
        if (app.child.exitCode !== null) throw new Error(`marketplace exited:\n${app.output()}`);
        expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  } catch (error) {
    await app.stop();
    await database.drop();
    throw error;
  }
  // A marketplace that dies mid-suite fails every later test with a refused connection: say why once.
  let stopping = false;
  void app.exited.then((code) => {
    if (!stopping)
      console.error(`the marketplace exited (code ${code}) during the suite:\n${app.output().slice(-20_000)}`);
  });
  return {
    url,
    stop: async () => {
      stopping = true;
      await app.stop();
      await database.drop();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps dialling Google on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (its own localStorage) in Chinese, the way our users see the app. */
export async function newUser(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  // A step that times out says only what it waited for: the API's refusals say why.
  page.on('response', (response) => {
    if (response.status() < 400 || !new URL(response.url()).pathname.startsWith('/api/')) return;
    const call = `${response.request().method()} ${response.url()} → ${response.status()}`;
    void response.text().then(
      (body) => process.stderr.write(`[browser] ${call} ${body.slice(0, 300)}\n`),
      () => process.stderr.write(`[browser] ${call}\n`),
    );
  });
  return { context, page };
}

/** Uncaught errors the page has thrown so far. */
export async function pageErrors(page: Page): Promise<string[]> {
  return (await page.pageErrors()).map((error) => error.message);
}

/** Signs in through the login form and waits for the role's home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('main').getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export interface ApiUser {
  user: { id: string; organisation: { id: string; name: string } | null };
  call: <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;
}

/** Signs in over the public API, for the steps a test sets up rather than walks through. */
export async function apiAs(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<ApiUser> {
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const session = (await login.json()) as { accessToken: string; user: ApiUser['user'] };
  return {
    user: session.user,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${baseURL}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : {}) as T;
    },
  };
}

/**
 * Opens an Ant Design select by its label and picks the option showing `option`, until the select
 * shows it: a click on an option still sliding in can miss on a loaded machine. Long lists are
 * virtual (only the options in view exist), so a searchable select is typed into first.
 */
export async function pick(page: Page, label: string | RegExp, option: string, { search = false } = {}): Promise<void> {
  const field = page.getByLabel(label, { exact: typeof label === 'string' });
  const shown = () => field.evaluate((input) => input.closest('.ant-select')?.textContent ?? '');
  await eventually(
    async () => {
      if (!(await shown()).includes(option)) {
        const dropdown = page.locator('.ant-select-dropdown:visible');
        if ((await dropdown.count()) === 0) await field.click();
        if (search) await field.fill(option);
        await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 5_000 });
      }
      expect(await shown()).toContain(option);
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
}

/**
 * Clicks `button` in an antd dialog (a confirm, a modal) until the dialog closes. On a loaded machine
 * a click can land while the dialog is still zooming in and do nothing (seen in CI); a click on the
 * button once it spins does nothing either, so this never confirms twice.
 */
export async function confirmIn(dialog: Locator, button: string | RegExp): Promise<void> {
  await eventually(
    async () => {
      if (await dialog.isVisible()) await dialog.getByRole('button', { name: button }).click({ timeout: 2_000 });
      await dialog.waitFor({ state: 'hidden', timeout: 3_000 });
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
}

/**
 * Checks a radio or checkbox in an antd dialog or drawer until it reads checked: like a button, it
 * can be clicked while its container is still moving in, and the click then does nothing (seen in CI).
 */
export async function checkIn(control: Locator): Promise<void> {
  await eventually(
    async () => {
      if (!(await control.isChecked())) await control.check({ timeout: 2_000 });
      expect(await control.isChecked()).toBe(true);
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
}

/** A full-page screenshot kept as a CI artifact (test/artifacts is not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function saveMetric(name: string, value: unknown): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The WCAG 2 A/AA checks axe-core runs on the page as it is now (or only within the element the
 * `within` selector names); returns the violations found.
 */
export async function accessibilityViolations(
  page: Page,
  within?: string,
): Promise<Array<{ id: string; nodes: string[] }>> {
  // Evaluated over the DevTools protocol: our CSP (rightly) refuses an injected inline script.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async (include) => {
    const result = await (
      window as unknown as {
        axe: { run: (context: object, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(include ? { include: [include] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, within ?? null);
  return violations;
}

interface AxeViolation {
  id: string;
  nodes: Array<{ target: string[] }>;
}
