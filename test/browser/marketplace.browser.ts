import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { aPdf } from '../harness/attachment-factories';
import { eventually } from '../harness/eventually';
import {
  accessibilityViolations,
  apiAs,
  checkIn,
  confirmIn,
  DEMO_PASSWORD,
  launchBrowser,
  type Marketplace,
  newUser,
  pageErrors,
  pick,
  saveMetric,
  screenshot,
  signIn,
  startMarketplace,
} from './browser-harness';

const TITLE = '车规级77GHz毫米波雷达射频前端国产化研制';
const ENTERPRISE = 'ent-001@jiebang.demo';
/** ent-001 is among the enterprises advisor-01 serves in the demo programme. */
const ADVISOR = 'advisor-01@jiebang.demo';
const ADMIN = 'admin@jiebang.demo';
const TEAM = 'team-01@jiebang.demo';
const RIVAL = 'team-02@jiebang.demo';

const QUESTION = '探测距离指标是否要求在雨雾天气条件下同样满足？';
const ANSWER = '是的，需在中雨及能见度200米的雾天条件下满足，测试方法按企业标准执行。';

/** Chooses `file` in the file dialog that clicking `button` opens, as a person would. */
async function upload(page: Page, button: string, file: { name: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles({ ...file, mimeType: 'application/pdf' });
  await page.getByRole('button', { name: file.name, exact: true }).first().waitFor();
}

/** `YYYY-MM-DD` `days` from now, as the date pickers take it. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The 成果转化 figure of the stage chart, read from its accessible description. */
async function convertedInFunnel(page: Page): Promise<number> {
  const label = await page.getByRole('img', { name: /揭榜挂帅各环节/ }).getAttribute('aria-label');
  const match = /成果转化 (\d+)/.exec(label ?? '');
  if (!match) throw new Error(`no 成果转化 figure in "${label}"`);
  return Number(match[1]);
}

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
    const searched = page.waitForResponse(
      (response) =>
        response.url().includes('/api/v1/search/demands') && decodeURIComponent(response.url()).includes('q=磁'),
    );
    await page.keyboard.type('磁');
    await page.waitForURL(/q=%E7%A3%81|q=磁/);
    // The facets are redrawn with the query's counts, and a value the query does not find leaves:
    // a checkbox focused before that may be gone. (A load state would not wait: an SPA reached
    // networkidle once, at its first load, and Playwright answers from that.)
    const { items } = (await (await searched).json()) as { items: Array<{ title: string }> };
    const firstResult = page
      .getByRole('list', { name: /搜索结果|结果/ })
      .getByRole('link')
      .first();
    // Results and facets render from the same answer: once its first need shows, so do its facets.
    await eventually(async () => expect(await firstResult.textContent()).toBe(items[0].title));
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
  it('a visitor switches the hall to English, and the choice survives a reload', async () => {
    const { context, page } = await newUser(browser, marketplace.url);
    await page.goto('/hall?q=激光');
    await page.getByRole('list', { name: '需求搜索结果' }).getByRole('link').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('link').first().waitFor();
    await page.getByRole('checkbox', { name: /Laser technology/ }).waitFor();
    await page.reload();
    await results.getByRole('link').first().waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, '01b-hall-english');
    expect(await pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the hall opens on needs open for bidding, nearest deadline first, and a closed need offers no bid', async () => {
    const { context, page } = await newUser(browser, marketplace.url);
    await page.goto('/hall');
    const results = page.getByRole('list', { name: '需求搜索结果' });
    await results.getByRole('link').first().waitFor();
    await expect(page.getByRole('radio', { name: '可揭榜' }).isChecked()).resolves.toBe(true);
    const cards = results.getByRole('article');
    // The live batch fills the first page; every card is open, with its days left and bid count.
    expect(await cards.count()).toBe(20);
    expect(await results.getByText('揭榜中', { exact: true }).count()).toBe(20);
    expect(await results.getByText(/^剩余 \d+ 天$/).count()).toBe(20);
    expect(await results.getByText(/^已有 \d+ 个团队申报$/).count()).toBe(20);
    expect(await results.getByText(/^已有 [1-9]\d* 个团队申报$/).count()).toBeGreaterThan(0);

    await pick(page, '排序', '截止时间');
    await page.waitForURL(/sort=deadline/);
    const deadlines = async () =>
      (await results.getByText(/^揭榜截止：/).allTextContents()).map((text) => text.replace('揭榜截止：', ''));
    await eventually(async () => {
      const days = await deadlines();
      expect(days).toEqual([...days].sort());
      expect(days[0] > daysFromNow(0)).toBe(true);
    });
    // The deadline range narrows the open needs.
    await page.getByLabel('起（含）').fill(daysFromNow(30));
    await page.waitForURL(/deadlineFrom=/);
    await eventually(async () => expect((await deadlines()).every((day) => day >= daysFromNow(30))).toBe(true));
    await screenshot(page, '01c-hall-open-by-deadline');
    expect(await accessibilityViolations(page)).toEqual([]);

    // All needs: the 2023 history shows, and a need whose bidding closed offers no bid.
    await page.getByText('全部需求', { exact: true }).click();
    await page.waitForURL(/scope=all/);
    await page.getByLabel('起（含）').fill('');
    await page.waitForURL((url) => !url.search.includes('deadlineFrom'));
    await pick(page, '排序', '悬赏金额从高到低');
    await page.waitForURL(/sort=bounty_desc/);
    const closed = cards.filter({ hasNot: page.getByText('揭榜中', { exact: true }) }).first();
    await closed.waitFor();
    await closed.getByRole('link').first().click();
    await page.waitForURL(/\/demands\//);
    await page.getByText('揭榜申报已截止').first().waitFor();
    // Neither a bid nor a sign-in to bid is offered, as a button or as a link.
    expect(await page.getByRole('main').getByRole('button', { name: /揭榜/ }).count()).toBe(0);
    expect(
      await page
        .getByRole('main')
        .getByRole('link', { name: /我要揭榜|登录后揭榜/ })
        .count(),
    ).toBe(0);
    expect(await pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('serves the API types the web app was built with', () => {
    const check = spawnSync(process.execPath, ['scripts/api-types.mjs', '--url', marketplace.url, '--check'], {
      encoding: 'utf8',
    });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });

  describe('one need from posting to conversion, each role in its own browser', () => {
    let demandId: string;
    let engagementPath: string;
    let convertedBefore: number;

    it('an enterprise posts a need with indicators and submits it for review', async () => {
      const { context, page } = await newUser(browser, marketplace.url);
      await signIn(page, ENTERPRISE);
      await page.waitForURL('**/enterprise');
      await screenshot(page, '03-enterprise-home');
      await page.getByRole('button', { name: '发布新需求' }).click();
      await page.waitForURL('**/enterprise/demands/new');
      await page.getByLabel('需求名称').fill(TITLE);
      await page.getByLabel('需求概述').fill('面向智能网联汽车，研制国产化77GHz毫米波雷达射频前端模组。');
      await page.getByLabel('需求背景').fill('现有雷达产品的射频前端依赖进口，供货周期长、成本高，急需国产替代方案。');
      await pick(page, '所属产业', '电子信息');
      await pick(page, '所在区县', '涪城');
      await pick(page, '成果形式', '新产品');
      const keywords = page.getByLabel('关键词', { exact: true });
      await keywords.fill('毫米波雷达');
      await keywords.press('Enter');
      await page.getByLabel('指标 1 名称').fill('探测距离');
      await page.getByLabel('指标 1 目标值').fill('≥250');
      await page.getByLabel('指标 1 单位').fill('m');
      await page.getByLabel('悬赏金额下限（万元）').fill('200');
      await page.getByLabel('悬赏金额上限（万元）').fill('300');
      await pick(page, '合作方式', '技术开发');
      await page.getByLabel('联系人').fill('李工');
      await page.getByLabel('联系电话').fill('0816-2345678');
      await screenshot(page, '04-enterprise-need-editor');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '提交审核' }).click();
      await page.waitForURL(/\/enterprise\/demands\/[0-9a-f-]{36}$/);
      demandId = /demands\/([0-9a-f-]{36})$/.exec(page.url())![1];
      await page.getByText('待审核').first().waitFor();
      expect(await pageErrors(page)).toEqual([]);
      await context.close();
    });

    it('the programme office approves it and publishes it in a new batch', async () => {
      const { context, page } = await newUser(browser, marketplace.url);
      await signIn(page, ADMIN);
      await page.waitForURL('**/admin');
      convertedBefore = await convertedInFunnel(page);

      await page.goto('/admin/review');
      // The office's menu says how many needs wait for it.
      await page.getByRole('link', { name: /审核队列.*\d+ 条待审核/ }).waitFor();
      const row = page.getByRole('row', { name: new RegExp(TITLE) });
      await screenshot(page, '05-admin-review-queue');
      expect(await accessibilityViolations(page)).toEqual([]);
      await row.getByRole('button', { name: /^通过/ }).click();
      await confirmIn(page.getByRole('dialog'), '通过');
      await row.waitFor({ state: 'detached' }).catch(async (error: Error) => {
        // Tell a refused approval from a queue that did not refresh (one CI run saw the row stay).
        await screenshot(page, 'failed-approve');
        const said = await page
          .locator('.ant-message')
          .innerText()
          .catch(() => '');
        await page.reload({ waitUntil: 'networkidle' });
        const stillQueued = await row.isVisible();
        throw new Error(
          `${error.message}\nmessage: ${said}\nafter a reload the need is ${stillQueued ? 'still queued' : 'gone'}`,
        );
      });

      await page.goto('/admin/batches');
      await page.getByRole('button', { name: '新建批次' }).click();
      const create = page.getByRole('dialog', { name: '新建批次' });
      await create.getByLabel('批次名称').fill('2026年冬季揭榜挂帅需求发布会');
      await create.getByLabel('发布会日期').fill(daysFromNow(7));
      await create.getByLabel('发布会日期').press('Enter');
      await create.getByLabel('发布会地点').fill('中国（绵阳）科技城科技会展中心');
      await create.getByLabel('默认申报截止时间').fill(`${daysFromNow(90)} 17:00`);
      await create.getByLabel('默认申报截止时间').press('Enter');
      await create.getByRole('button', { name: '创建批次' }).click();

      const drawer = page.getByRole('dialog', { name: /^批次：/ });
      await drawer.getByLabel('选择已通过审核的需求').click();
      await page.keyboard.type(TITLE);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: TITLE }).click();
      await page.keyboard.press('Escape');
      await drawer.getByRole('button', { name: '加入批次' }).click();
      await drawer.getByRole('table', { name: '批次内需求' }).getByText(TITLE).waitFor();
      await drawer.getByRole('button', { name: '发布批次' }).click();
      await confirmIn(page.getByRole('dialog', { name: /发布批次「/ }), '确认发布');
      await drawer.getByRole('button', { name: '发布批次' }).waitFor({ state: 'detached' });
      await screenshot(page, '06-admin-batch-published');
      // Anyone downloads the published batch's printable 榜单 from the public batches page.
      await page.goto('/batches');
      const download = page.getByRole('link', { name: /^下载榜单：2026年冬季揭榜挂帅需求发布会/ });
      const file = await page.request.get((await download.getAttribute('href'))!);
      expect([file.status(), file.headers()['content-type']]).toEqual([
        200,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
      expect(await pageErrors(page)).toEqual([]);
      await context.close();
    });

    it('a team asks about an indicator on the 答疑 tab; the enterprise answers it for every bidder', async () => {
      const asker = await newUser(browser, marketplace.url);
      await signIn(asker.page, RIVAL);
      await asker.page.waitForURL('**/team');
      await asker.page.goto(`/demands/${demandId}?tab=qa`);
      await asker.page.getByText('暂无公开的问答').waitFor();
      // The list's reload after asking fails: what was loaded stays, under a warning with a retry.
      const questions = new RegExp(`/api/v1/demands/${demandId}/questions\\?`);
      await asker.page.route(questions, (route) =>
        route.request().method() === 'GET' ? route.fulfill({ status: 503, body: '' }) : route.fallback(),
      );
      await asker.page.getByLabel('我要提问').fill(QUESTION);
      await asker.page.getByRole('button', { name: '提交问题' }).click();
      await asker.page.getByText('问题已提交').waitFor();
      const stale = asker.page.getByRole('alert').filter({ hasText: '刷新失败，以下是上次加载的内容' });
      await stale.waitFor();
      await asker.page.getByText('暂无公开的问答').waitFor();
      await asker.page.unroute(questions);
      await stale.getByRole('button', { name: '重试' }).click();
      await asker.page.getByRole('list', { name: '问答列表' }).getByText(QUESTION).waitFor();
      await stale.waitFor({ state: 'detached' });
      expect(await pageErrors(asker.page)).toEqual([]);
      await asker.context.close();

      const owner = await newUser(browser, marketplace.url);
      await signIn(owner.page, ENTERPRISE);
      await owner.page.waitForURL('**/enterprise');
      await owner.page.goto(`/enterprise/demands/${demandId}?tab=qa`);
      const question = owner.page.getByRole('listitem').filter({ hasText: QUESTION });
      // The need's side sees who asked; nobody else ever does.
      const rival = (await apiAs(marketplace.url, RIVAL)).user.organisation!.name;
      await question.getByText(`提问单位：${rival}`).waitFor();
      await question.getByLabel('答复', { exact: true }).fill(ANSWER);
      await question.getByRole('button', { name: '提交答复' }).click();
      await owner.page.getByText('已答复，问答已公开').waitFor();
      await screenshot(owner.page, '07a-enterprise-answers-question');
      expect(await pageErrors(owner.page)).toEqual([]);
      await owner.context.close();

      // Answered is public: a visitor reads the question and the answer, never the asker's name.
      const visitor = await newUser(browser, marketplace.url);
      await visitor.page.goto(`/demands/${demandId}?tab=qa`);
      const qa = visitor.page.getByRole('list', { name: '问答列表' });
      await qa.getByText(ANSWER).waitFor();
      await expect(qa.getByText(QUESTION).count()).resolves.toBe(1);
      await expect(visitor.page.getByText(rival).count()).resolves.toBe(0);
      expect(await accessibilityViolations(visitor.page)).toEqual([]);
      await visitor.context.close();
    });

    it('a team finds the need through search and bids on it', async () => {
      const { context, page } = await newUser(browser, marketplace.url);
      await signIn(page, TEAM);
      await page.waitForURL('**/team');
      await screenshot(page, '07-team-home');
      // The index follows the publication by an event: search until the need shows up.
      const result = page.getByRole('list', { name: '需求搜索结果' }).getByRole('link', { name: TITLE });
      await eventually(
        async () => {
          await page.goto(`/hall?q=${encodeURIComponent('毫米波雷达射频前端')}`);
          await result.waitFor({ timeout: 2_000 });
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      await result.click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('link', { name: '我要揭榜' }).click();
      await page.waitForURL('**/team/bids/new?demand=*');

      await page
        .getByLabel('技术方案（技术路线）')
        .fill(
          '采用SiGe BiCMOS工艺研制收发芯片组，结合低损耗天线封装与数字波束形成，分阶段完成样机、车载验证与小批量试产。',
        );
      await page.getByLabel(/^探测距离/).fill('≥280 m，第三方暗室测试');
      await page.getByLabel('里程碑名称').fill('样机研制与车载验证');
      const due = page.getByLabel('计划完成日期');
      await due.click();
      await due.fill(daysFromNow(300));
      await due.press('Enter');
      await page.getByLabel('付款比例').fill('100');
      await page.getByLabel('申请经费').fill('260');
      await page.getByLabel('研发周期').fill('12');
      await page.getByRole('button', { name: '导入团队主要成员' }).click();
      const roles = page.getByLabel('项目分工');
      for (let i = 0; i < (await roles.count()); i++) await roles.nth(i).fill(i === 0 ? '项目负责人' : '技术骨干');
      await screenshot(page, '08-team-bid-form');
      expect(await accessibilityViolations(page)).toEqual([]);
      // Files hang on a saved bid: keep a draft, attach the proposal, then submit.
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.waitForURL(/\/team\/bids\/[0-9a-f-]{36}\/edit$/);
      await upload(page, '上传申报方案', { name: '77GHz雷达射频前端申报方案.pdf', buffer: aPdf() });
      await page.getByRole('button', { name: '提交申报' }).click();
      await confirmIn(page.getByRole('dialog', { name: '确认提交揭榜申报？' }), '提交申报');
      await page.waitForURL(/\/bids\/[0-9a-f-]{36}$/);
      await page.getByText('申报已提交').waitFor();
      await page.getByRole('button', { name: '77GHz雷达射频前端申报方案.pdf', exact: true }).waitFor();
      expect(await pageErrors(page)).toEqual([]);
      await context.close();

      // A second team bids too, so the award has a losing bid to give feedback to.
      const rival = await apiAs(marketplace.url, RIVAL);
      await rival.call('POST', `/api/v1/demands/${demandId}/bids`, {
        approach: '基于CMOS工艺的单芯片雷达方案，配合自研信号处理算法，缩短整车集成周期。',
        indicatorResponses: [{ indicator: '探测距离', response: '≥250 m' }],
        milestones: [{ title: '样机交付', dueDate: daysFromNow(240), paymentShare: 100 }],
        budget: 300,
        durationMonths: 10,
        members: [{ name: '王敏', title: '研究员', role: '负责人' }],
        submit: true,
      });
    });

    it('the enterprise compares the bids and awards the team, with feedback to the other', async () => {
      const team = (await apiAs(marketplace.url, TEAM)).user.organisation!.name;
      const rival = (await apiAs(marketplace.url, RIVAL)).user.organisation!.name;
      const { context, page } = await newUser(browser, marketplace.url);
      await signIn(page, ENTERPRISE);
      await page.goto(`/enterprise/demands/${demandId}?tab=bids`);
      await page.getByRole('table', { name: '揭榜方案对比' }).getByText(rival).waitFor();
      await screenshot(page, '09-enterprise-bids');
      // The tech advisor is asked to score too, by the e-mail they sign in with.
      await page.getByLabel('专家邮箱').fill(ADVISOR);
      await page.getByRole('button', { name: '邀请评审' }).click();
      await page.getByRole('listitem').filter({ hasText: ADVISOR }).getByText('已评 0 份').waitFor();
      await page.getByRole('button', { name: '确定揭榜团队' }).click();
      const dialog = page.getByRole('dialog', { name: '确定揭榜团队' });
      await checkIn(dialog.getByRole('radio', { name: new RegExp(team) }));
      await pick(page, `${rival} 未入选原因`, '经费');
      await dialog.getByLabel(`给 ${rival} 的反馈意见`).fill('技术路线可行，但经费报价高于企业预算，样机周期也偏长。');
      await dialog.getByRole('button', { name: '确认揭榜' }).click();
      await dialog.waitFor({ state: 'detached' }).catch(async (error: Error) => {
        await screenshot(page, 'failed-award');
        throw new Error(`${error.message}\nthe dialog still says: ${await dialog.innerText()}`);
      });
      await page
        .getByText(/揭榜团队已确定/)
        .first()
        .waitFor();
      expect(await pageErrors(page)).toEqual([]);
      await context.close();

      // The team not selected reads why in the language it chose: messages are kinds and parameters.
      const loser = await newUser(browser, marketplace.url);
      await signIn(loser.page, RIVAL);
      await loser.page.evaluate(() => localStorage.setItem('jiebang.language', 'en'));
      await eventually(async () => {
        await loser.page.goto('/notifications');
        await loser.page.getByText('Bid result: not selected').first().waitFor({ timeout: 3_000 });
      });
      await loser.page.getByText(`Your bid on “${TITLE}” was not selected. Reason: Budget too high.`).first().waitFor();
      expect(await pageErrors(loser.page)).toEqual([]);
      await loser.context.close();
    });

    it('the team submits its milestone and the enterprise accepts it', async () => {
      const { context, page } = await newUser(browser, marketplace.url);
      await signIn(page, TEAM);
      // The engagement is opened by the award's event: look until it is listed.
      const engagement = page.getByRole('link', { name: TITLE });
      await eventually(
        async () => {
          await page.goto('/team?tab=engagements');
          await engagement.first().waitFor({ timeout: 2_000 });
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      await engagement.first().click();
      await page.waitForURL(/\/engagements\/[0-9a-f-]{36}$/);
      engagementPath = new URL(page.url()).pathname;
      await page.getByRole('button', { name: '提交里程碑' }).click();
      const submit = page.getByRole('dialog');
      await submit.getByLabel('成果 1 名称').fill('77GHz雷达射频前端样机及车载测试报告');
      await submit.getByLabel('成果 1 编号或链接').fill('RPT-2027-0301');
      await upload(page, '上传交付文件', { name: '车载测试报告.pdf', buffer: aPdf() });
      await submit.getByRole('button', { name: '提交验收' }).click();
      await submit.waitFor({ state: 'detached' });
      // The engagement's thread: the team writes, the enterprise finds it unread and replies.
      await page.getByLabel('消息', { exact: true }).fill('样机已寄出，顺丰单号 SF1234567890，请查收。');
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: '添加附件' }).click(),
      ]);
      await chooser.setFiles({ name: '样机装箱清单.pdf', mimeType: 'application/pdf', buffer: aPdf() });
      await page.getByRole('button', { name: '发送', exact: true }).click();
      const thread = page.getByRole('list', { name: '项目沟通消息' });
      await thread.getByText('顺丰单号 SF1234567890').waitFor();
      await thread.getByRole('button', { name: '样机装箱清单.pdf' }).waitFor();
      await screenshot(page, '10-team-engagement');
      expect(await pageErrors(page)).toEqual([]);
      await context.close();

      const owner = await newUser(browser, marketplace.url);
      await signIn(owner.page, ENTERPRISE);
      await owner.page.goto(engagementPath);
      const ownerThread = owner.page.getByRole('list', { name: '项目沟通消息' });
      await ownerThread.getByText('以下为新消息').waitFor();
      await ownerThread.getByText('顺丰单号 SF1234567890').waitFor();
      await ownerThread.getByRole('button', { name: '样机装箱清单.pdf' }).waitFor();
      // The milestone's file is the owner's to download before it decides.
      await owner.page.getByRole('button', { name: '车载测试报告.pdf', exact: true }).waitFor();
      // The thread panel; the rest of the engagement page predates the check.
      expect(await accessibilityViolations(owner.page, 'section[aria-labelledby="thread-title"]')).toEqual([]);
      await owner.page.getByLabel('消息', { exact: true }).fill('收到，验收后安排付款。');
      await owner.page.getByRole('button', { name: '发送', exact: true }).click();
      await ownerThread.getByText('收到，验收后安排付款。').waitFor();
      await owner.page.getByRole('button', { name: '验收通过' }).click();
      await confirmIn(owner.page.getByRole('dialog'), '验收通过');
      await owner.page.getByText('已验收').first().waitFor();
      await screenshot(owner.page, '11-enterprise-milestone-accepted');
      expect(await pageErrors(owner.page)).toEqual([]);
      await owner.context.close();
    });

    it('an advisor logs the conversion and the programme dashboard counts it', async () => {
      const { context, page } = await newUser(browser, marketplace.url);
      await signIn(page, ADVISOR);
      await page.waitForURL('**/advisor');
      await screenshot(page, '12-advisor-home');
      // The invitation to review is listed with its progress; the award closed the scoring.
      await page.goto('/reviews');
      const review = page.getByRole('table', { name: '评审任务' }).getByRole('row', { name: new RegExp(TITLE) });
      await review.getByText('已评 0 / 2 份').waitFor();
      await review.getByRole('link', { name: TITLE }).click();
      await page.getByText('该需求已评定揭榜结果，评分已结束。').waitFor();
      await page.goto('/advisor');
      const started = Date.now();
      await page.getByRole('button', { name: '记录成果转化', exact: true }).click();
      const drawer = page.getByRole('dialog', { name: '记录成果转化' });
      await pick(page, '服务企业', '讯澜', { search: true });
      await pick(page, '需求', TITLE, { search: true });
      // Choosing the need suggests the winning bid, the title and the parties.
      await expect(drawer.getByLabel('合同名称').inputValue()).resolves.toContain(TITLE);
      await drawer.getByLabel('合同金额（万元）').fill('260');
      await drawer.getByLabel('登记凭证').fill('技术合同登记号 5107032026000999');
      const checking = Date.now();
      expect(await accessibilityViolations(page)).toEqual([]);
      const checked = Date.now() - checking;
      await drawer.getByRole('button', { name: '保存成果转化' }).click();
      await page.getByText('成果转化已记录').waitFor();
      // Robot speed, not a person's: it shows what the form costs beyond typing (the axe check excluded).
      await saveMetric('advisor-conversion-seconds', { seconds: (Date.now() - started - checked) / 1000 });
      const saved = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      expect((await saved).suggestedFilename()).toMatch(/^对接与转化记录_.*\.xlsx$/);
      // A typo in the contract value is corrected from the records table.
      await page.getByRole('tab', { name: '成果转化' }).click();
      await page.getByRole('button', { name: new RegExp(`^修改成果转化记录「${TITLE}`) }).click();
      const editor = page.getByRole('dialog', { name: '修改成果转化记录' });
      await expect(editor.getByLabel('合同金额（万元）').inputValue()).resolves.toBe('260.00');
      await editor.getByLabel('合同金额（万元）').fill('280');
      await editor.getByRole('button', { name: '保存修改' }).click();
      await page.getByText('成果转化记录已更新').waitFor();
      await page.getByRole('table', { name: '我的成果转化记录' }).getByText('280 万元').waitFor();
      expect(await pageErrors(page)).toEqual([]);
      await context.close();

      const admin = await newUser(browser, marketplace.url);
      await signIn(admin.page, ADMIN);
      await admin.page.waitForURL('**/admin');
      await eventually(async () => {
        await admin.page.reload();
        expect(await convertedInFunnel(admin.page)).toBe(convertedBefore + 1);
      });
      await screenshot(admin.page, '13-admin-dashboard');
      expect(await pageErrors(admin.page)).toEqual([]);
      await admin.context.close();
    });
  });

  /** A team's alerts: save a search in the hall, follow a need, set its channels (team-03 is in no other test). */
  describe('subscriptions and alerts', () => {
    const ALERTED_TEAM = 'team-03@jiebang.demo';

    it('a team saves a search, follows a need and sets its channels; an email link unsubscribes signed out', async () => {
      const { context, page } = await newUser(browser, marketplace.url);
      await signIn(page, ALERTED_TEAM);
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

  describe('each role at 1440 and 390 px, in Chinese and in English', () => {
    /** Each role's landing pages, the way it reaches them from the menu. */
    const ROLE_PAGES = [
      { role: 'visitor', email: null, paths: ['/hall', '/login'] },
      { role: 'enterprise', email: ENTERPRISE, paths: ['/enterprise', '/enterprise/demands/new'] },
      { role: 'team', email: TEAM, paths: ['/team', '/team/profile'] },
      { role: 'advisor', email: ADVISOR, paths: ['/advisor', '/reviews'] },
      { role: 'admin', email: ADMIN, paths: ['/admin', '/admin/review'] },
    ];
    /** A fresh profile in `language`: a 1440 × 900 desktop, or a 390 × 844 touch screen. */
    const onScreen = async (language: 'zh-CN' | 'en', width: 1440 | 390) => {
      const phone = width === 390;
      const context = await browser.newContext({
        baseURL: marketplace.url,
        locale: language,
        viewport: phone ? { width, height: 844 } : { width, height: 900 },
        isMobile: phone,
        hasTouch: phone,
      });
      context.setDefaultTimeout(20_000);
      await context.addInitScript((lang) => {
        if (!localStorage.getItem('jiebang.language')) localStorage.setItem('jiebang.language', lang);
      }, language);
      return { context, page: await context.newPage() };
    };
    const onPhone = (language: 'zh-CN' | 'en') => onScreen(language, 390);
    const CASES = ([1440, 390] as const).flatMap((width) => ROLE_PAGES.map((pages) => ({ width, ...pages })));

    // One sign-in per role and width; the pages are then checked in Chinese and again in English.
    it.each(CASES)(
      'at $width px the $role reaches its pages from the menu in zh and en, and none scrolls sideways or fails axe',
      async ({ width, role, email, paths }) => {
        const { context, page } = await onScreen('zh-CN', width);
        // On the app's origin first: the language is chosen in its local storage.
        await page.goto('/login');
        if (email) {
          await page.getByLabel('邮箱').fill(email);
          await page.getByLabel('密码').fill(DEMO_PASSWORD);
          await page.getByRole('main').getByRole('button', { name: '登录' }).click();
          await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        }
        for (const language of ['zh-CN', 'en'] as const) {
          const english = language === 'en';
          await page.evaluate((lang) => localStorage.setItem('jiebang.language', lang), language);
          for (const path of paths) {
            await page.goto(path);
            await page.getByRole('main').locator('h1, h2, .ant-empty').first().waitFor();
            await page.waitForLoadState('networkidle');
            const widths = await page.evaluate(() => ({
              page: document.documentElement.scrollWidth,
              screen: window.innerWidth,
            }));
            expect({ language, path, ...widths }).toEqual({ language, path, page: widths.screen, screen: width });
            expect({ language, path, violations: await accessibilityViolations(page) }).toEqual({
              language,
              path,
              violations: [],
            });
            await screenshot(page, `${width}-${language}-${role}${path.replace(/[/?=]+/g, '-')}`);
          }
          // On a phone the header keeps only the brand, the bell and the menu; the menu opens the navigation.
          await page.goto(paths[0]);
          const batches = english ? 'Batches' : '发布批次';
          if (width === 390) {
            await page.getByRole('button', { name: english ? 'Menu' : '菜单' }).click();
            const menu = page.getByRole('dialog', { name: english ? 'Menu' : '菜单' });
            await menu.getByRole('link', { name: batches }).click();
            await page.waitForURL('**/batches');
            await menu.waitFor({ state: 'hidden' });
          } else {
            await page
              .getByRole('navigation', { name: english ? 'Main navigation' : '主导航' })
              .getByRole('link', { name: batches })
              .click();
            await page.waitForURL('**/batches');
          }
        }
        expect(await pageErrors(page)).toEqual([]);
        await context.close();
      },
    );

    it('the hall keeps its filters in a drawer, and opening a need starts at its top', async () => {
      const { context, page } = await onPhone('zh-CN');
      await page.goto('/hall');
      const results = page.getByRole('list', { name: '需求搜索结果' });
      // The first result is on the first screen: no checkbox stands before it.
      const first = results.getByRole('link').first();
      await first.waitFor();
      expect((await first.boundingBox())!.y).toBeLessThan(844);
      expect(await page.getByRole('checkbox').count()).toBe(0);

      await page.getByRole('button', { name: '筛选条件' }).click();
      const drawer = page.getByRole('dialog', { name: '筛选条件' });
      await checkIn(drawer.getByRole('checkbox').first());
      await page.waitForURL(/(industry|district|cooperationMode)=/);
      await drawer.getByRole('button', { name: /^查看 \d+ 项结果$/ }).click();
      await expect(page.getByRole('button', { name: '筛选条件（1）' }).isVisible()).resolves.toBe(true);

      // Scrolled down the results, a need opens at its top.
      await page.evaluate(() => window.scrollTo(0, 1500));
      await eventually(async () => expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0));
      await results.getByRole('link').last().click();
      await page.waitForURL(/\/demands\//);
      await eventually(async () => expect(await page.evaluate(() => window.scrollY)).toBe(0));
      expect(await pageErrors(page)).toEqual([]);
      await context.close();
    });
  });
});
