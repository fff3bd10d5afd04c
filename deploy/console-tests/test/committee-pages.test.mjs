// The console's committee pages for dues, mailbox, appraisal, polls, transfers and the dashboard, in headless Chromium at
// 1366×768, signed in by scanning as the demo secretary; and a plain member, who gets none of them. Screenshots go to
// screenshots/ for a reviewer (not committed).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectStatus, signIn } from '../../screen-tests/lib/api.mjs';
import { consoleAs as signInConsole, startConsole, stopConsole } from '../lib/console.mjs';

const shots = join(import.meta.dirname, '..', 'screenshots');
const suffix = Date.now().toString(36);
const pages = [
  ['dues', '党费管理'], ['mailbox', '书记信箱'], ['appraisals', '民主评议'], ['polls', '投票'], ['transfers', '组织关系转接'], ['dashboard', '数据看板'],
];

let api;
let browser;

/** A fresh browser window signed in to the console as dev-<code>: { context, page, phone }. */
const consoleAs = (code) => signInConsole(browser, api.base, code);

describe('console committee pages', () => {
  let secretary;

  before(async () => {
    ({ api, browser } = await startConsole(shots));
    secretary = await consoleAs('secretary');
  });

  after(() => stopConsole({ api, browser }));

  test('the secretary has every page in the navigation', async () => {
    const nav = await secretary.page.locator('[data-testid=nav]').innerText();
    for (const [, title] of pages) assert.match(nav, new RegExp(title));
  });

  test('the dashboard draws its charts with ECharts and shows their numbers as tables', async () => {
    const { page } = secretary;
    await page.goto(`${api.base}/console/dashboard`);
    for (const chart of ['attendance-chart', 'reach-chart', 'dues-chart', 'development-chart']) {
      await page.locator(`[data-testid=${chart}][data-state=drawn] svg`).first().waitFor({ timeout: 20_000 });
    }
    assert.equal(await page.locator('[data-testid=attendance-table] tbody tr').count(), 12);
    assert.equal(await page.locator('[data-testid=dues-table] tbody tr').count(), 12);
    assert.ok(await page.locator('[data-testid=reach-table] tbody tr').count() >= 28);
    // The development pipeline lists every stage, empty ones with 0.
    assert.deepEqual(await page.locator('[data-testid=development-table] tbody tr td:first-child').allTextContents(), ['入党申请人', '入党积极分子', '发展对象', '预备党员', '正式党员']);
    const months = await page.locator('[data-testid=attendance-table] tbody tr td:first-child').allTextContents();
    assert.match(months[11], /^\d{4}-\d{2}$/);
    await page.screenshot({ path: join(shots, 'dashboard.png') });
  });

  test('the dues month lists who has not paid', async () => {
    // A base for 李明 (dev-member): 8,000 yuan a month after tax → 1.5% = 120.00 yuan due this month.
    const member = await signIn(api.base, 'dev-member');
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expectStatus(await secretary.phone.call('PUT', `/api/dues/members/${member.member.id}/bases/${year}`, { category: 'Salaried', monthlyBaseFen: 800_000 }), 200, 'dues base');
    const { page } = secretary;
    await page.goto(`${api.base}/console/dues`);
    await page.locator('[data-testid=dues-summary] [data-testid=due]').waitFor();
    const unpaid = Number(await page.locator('[data-testid=unpaid-count]').innerText());
    assert.ok(unpaid >= 1);
    assert.equal(await page.locator('[data-testid=dues-unpaid] tbody tr').count(), unpaid);
    const row = page.locator('[data-testid=dues-unpaid] tr', { hasText: member.member.name });
    assert.match(await row.innerText(), /120\.00/);
    await page.screenshot({ path: join(shots, 'dues.png') });
  });

  test("reminding says how many were reminded, and an earlier action's message does not stay above the next one's result", async () => {
    const { page } = secretary;
    await page.goto(`${api.base}/console/dues`);
    await page.locator('[data-testid=dues-summary] [data-testid=due]').waitFor();
    const flash = page.locator('#flash');
    // Nobody in 学生第一党支部 has a base: nobody to remind, and the page does not claim otherwise.
    const studentConsole = await consoleAs('student-secretary');
    await studentConsole.page.goto(`${api.base}/console/dues`);
    await studentConsole.page.locator('[data-testid=dues-summary] [data-testid=due]').waitFor();
    await studentConsole.page.locator('#remind').click();
    await studentConsole.page.locator('#flash', { hasText: '没有需要提醒的党员' }).waitFor();
    await studentConsole.context.close();

    // 李明 owes this month: reminding twice on one day, the second is refused (409) and the page says why.
    const member = await signIn(api.base, 'dev-member');
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expectStatus(await secretary.phone.call('PUT', `/api/dues/members/${member.member.id}/bases/${year}`, { category: 'Salaried', monthlyBaseFen: 800_000 }), 200, 'dues base');
    await page.locator('#remind').click();
    await page.locator('#flash', { hasText: /已提醒 \d+ 名/ }).waitFor();
    await page.locator('#remind').click();
    await page.locator('#flash', { hasText: '今天已提醒' }).waitFor();
    // Yesterday's reconciliation succeeds: the refusal about reminders is gone.
    await page.locator('[data-testid=reconcile]').click();
    await page.locator('[data-testid=dues-differences]', { hasText: '微信支付' }).waitFor();
    assert.equal(await flash.isVisible(), false, `still shown: ${await flash.innerText()}`);
  });

  test('a mailbox message is answered in the console and the writer sees the answer', async () => {
    const member = await signIn(api.base, 'dev-member');
    const text = `建议增加周末的学习资料·${suffix}`;
    const sent = expectStatus(await member.call('POST', '/api/mailbox', { addressee: 'Branch', category: 'Suggestion', text, anonymous: false }), 201, 'send');
    const { page } = secretary;
    await page.goto(`${api.base}/console/mailbox`);
    const row = page.locator('[data-testid=mailbox-messages] tr', { hasText: text });
    await row.locator('button').click();
    await page.locator('[data-testid=answer-text]').fill('已采纳，下周起在小程序发布。');
    await page.locator('[data-testid=answer-submit]').click();
    await page.locator('#flash', { hasText: '已答复' }).waitFor();
    const mine = expectStatus(await member.call('GET', `/api/mailbox/${sent.id}`), 200, 'read back');
    assert.equal(mine.replies[0].text, '已采纳，下周起在小程序发布。');
    await page.screenshot({ path: join(shots, 'mailbox.png') });
  });

  test('an appraisal round is opened, closed and its results shown', async () => {
    const { page } = secretary;
    await page.goto(`${api.base}/console/appraisals`);
    const title = `民主评议·${suffix}`;
    await page.locator('[data-testid=appraised] input:checked').first().waitFor();
    await page.locator('[data-testid=round-title]').fill(title);
    await page.locator('[data-testid=round-open]').click();
    await page.locator('#flash:not([hidden])').waitFor();
    assert.match(await page.locator('#flash').innerText(), /已开启评议/);
    const row = page.locator('[data-testid=rounds] tr', { hasText: title });
    await row.waitFor();
    page.once('dialog', (dialog) => dialog.accept());
    await row.locator('button', { hasText: '结束投票' }).click();
    await page.locator('[data-testid=round-results] h2', { hasText: title }).waitFor();
    assert.match(await page.locator('[data-testid=round-results]').innerText(), /参评率/);
    await page.screenshot({ path: join(shots, 'appraisals.png') });
  });

  test('a poll is started and its live count follows a vote', async () => {
    const { page } = secretary;
    await page.goto(`${api.base}/console/polls`);
    const question = `主题党日去哪里·${suffix}`;
    await page.locator('[data-testid=poll-question]').fill(question);
    await page.locator('[data-testid=poll-options]').fill('红色教育基地\n社区志愿服务');
    await page.locator('[data-testid=poll-submit]').click();
    const poll = page.locator('[data-testid=poll]', { hasText: question });
    await poll.waitFor();
    assert.match(await poll.innerText(), /0 人已投/);
    await page.screenshot({ path: join(shots, 'polls.png') });
  });

  test('a transfer request waits for the secretary on the transfers page', async () => {
    const member = await signIn(api.base, 'dev-member');
    const requested = await member.call('POST', '/api/transfers', { kind: 'Outgoing', toOrganization: `某大学党委·${suffix}`, reason: '工作调动' });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const { page } = secretary;
    await page.goto(`${api.base}/console/transfers`);
    const row = page.locator('[data-testid=transfers] tr', { hasText: `某大学党委·${suffix}` });
    await row.waitFor();
    assert.ok(await row.locator('button', { hasText: '同意转出' }).isVisible());
    await page.screenshot({ path: join(shots, 'transfers.png') });
  });

  test('a member without a committee role sees none of these pages and gets 404 for them', async () => {
    const { page, context } = await consoleAs('member');
    const nav = await page.locator('[data-testid=nav]').innerText();
    for (const [, title] of pages) assert.doesNotMatch(nav, new RegExp(title));
    for (const [name] of pages) {
      const response = await page.goto(`${api.base}/console/${name}`);
      assert.equal(response.status(), 404, name);
    }
    await context.close();
  });
});
