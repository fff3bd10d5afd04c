// The PC console in headless Chromium at 1366×768: scan-to-login as the demo secretary (the "phone" is the WeChat
// emulator: sign in as dev-secretary and confirm the ticket shown on the page), roster import with a bad row, a notice's
// read count following a member's read, a meeting's sign-in sheet PDF, and a plain member seeing no committee pages.
// Screenshots of the main pages go to screenshots/ for a reviewer (not committed).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PDFParse } from 'pdf-parse';
import { expectStatus, signIn } from '../../screen-tests/lib/api.mjs';
import { consoleAs as signInConsole, startConsole, stopConsole } from '../lib/console.mjs';

const shots = join(import.meta.dirname, '..', 'screenshots');
const suffix = Date.now().toString(36);

let api;
let browser;

/** A fresh browser window signed in to the console as dev-<code>: { context, page, phone }. */
const consoleAs = (code) => signInConsole(browser, api.base, code);

async function shoot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

/** Fills the console's meeting form (type, the party group when given, topic, start and end as datetime-local, place); the caller submits. */
async function fillMeeting(page, { type, group, topic, starts, ends, place }) {
  await page.locator('[data-testid=meeting-type]').selectOption(type);
  if (group) await page.locator('[data-testid=meeting-group]').selectOption({ label: group });
  await page.locator('[data-testid=meeting-topic]').fill(topic);
  await page.locator('[data-testid=meeting-starts]').fill(starts);
  await page.locator('[data-testid=meeting-ends]').fill(ends);
  await page.locator('[data-testid=meeting-place]').fill(place);
}

describe('console', () => {
  before(async () => {
    ({ api, browser } = await startConsole(shots));
  });

  after(() => stopConsole({ api, browser }));

  test('scan-to-login as the demo secretary; refused and reused tickets say so', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${api.base}/console/login`);
    await page.locator('#login[data-ticket]').waitFor();
    await shoot(page, 'login');

    // Refused on the phone: the PC says so.
    const refused = await page.locator('#login').getAttribute('data-ticket');
    const phone = await signIn(api.base, 'dev-secretary');
    expectStatus(await phone.call('POST', `/api/console-login/tickets/${refused}/refuse`), 204, 'refuse');
    await page.locator('[data-testid=login-state]', { hasText: '已在手机上拒绝本次登录' }).waitFor();
    await context.close();

    const { page: home, context: signedIn } = await consoleAs('secretary');
    assert.match(await home.locator('[data-testid=who]').innerText(), /王建国/);
    const nav = await home.locator('[data-testid=nav]').innerText();
    for (const title of ['党员名册', '组织与任职', '绑定邀请码', '通知公告', '会议', '审计日志']) assert.match(nav, new RegExp(title));
    await shoot(home, 'home');
    for (const name of ['roster', 'units', 'invitations', 'audit']) {
      await home.goto(`${api.base}/console/${name}`);
      await home.waitForLoadState('networkidle');
      await shoot(home, name);
    }
    await signedIn.close();
  });

  test('a roster import with a bad row names the row and writes nothing', async () => {
    const { page, context } = await consoleAs('secretary');
    await page.goto(`${api.base}/console/roster`);
    await page.locator('[data-testid=members] table').waitFor();
    const before = await page.locator('#count').innerText();
    const csv = '姓名,学工号,手机号,党员状态,党小组,入党日期,转正日期\n'
      + `导入甲${suffix},T${suffix}1,13700001111,正式,,2020-07-01,2021-07-01\n`
      + `导入乙${suffix},T${suffix}2,13700002222,不存在的状态,,2020-07-01,\n`;
    await page.locator('[data-testid=import-file]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('[data-testid=import-submit]').click();
    const errors = page.locator('[data-testid=row-errors]');
    await errors.waitFor();
    const text = await errors.innerText();
    assert.match(text, /第 3 行/);
    assert.doesNotMatch(text, /第 2 行/);
    await shoot(page, 'roster-import-errors');
    assert.equal(await page.locator('#count').innerText(), before);
    await context.close();
  });

  test('a notice posted with the editor shows its read count rise when a member reads it', async () => {
    const { page, context } = await consoleAs('secretary');
    await page.goto(`${api.base}/console/notices`);
    const title = `电脑端通知·${suffix}`;
    await page.locator('[data-testid=notice-title]').fill(title);
    await page.locator('.ql-editor').click();
    await page.keyboard.type('请全体党员周五前完成学习。');
    await page.locator('[data-testid=notice-confirm]').check();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/notices') && r.request().method() === 'POST');
    await page.locator('[data-testid=notice-submit]').click();
    const response = await posted;
    assert.equal(response.status(), 201);
    const { id } = await response.json();

    const read = page.locator('[data-testid=read-count]');
    await read.waitFor();
    assert.equal(await read.innerText(), '0');
    assert.match(await page.locator('[data-testid=figures]').innerText(), /李明/);
    await shoot(page, 'notices');

    // 李明 reads it in the mini-program (over the API); the open figures follow.
    const member = await signIn(api.base, 'dev-member');
    const opened = expectStatus(await member.call('GET', `/api/notices/${id}`), 200, 'read the notice');
    assert.equal(opened.title, title);
    await page.locator('[data-testid=read-count]', { hasText: '1' }).waitFor({ timeout: 15_000 });
    assert.doesNotMatch(await page.locator('[data-testid=figures]').innerText(), /李明/);
    await context.close();
  });

  test('a scheduled meeting prints its sign-in sheet as a PDF', async () => {
    const { page, context } = await consoleAs('secretary');
    await page.goto(`${api.base}/console/meetings`);
    const topic = `专题学习会·${suffix}`;
    await fillMeeting(page, { type: 'BranchGeneralMeeting', topic, starts: '2030-06-03T14:30', ends: '2030-06-03T16:30', place: '党员活动室' });
    await page.locator('[data-testid=meeting-submit]').click();
    const link = page.locator('[data-testid=attendance-sheet]');
    await link.waitFor();
    assert.match(await page.locator('[data-testid=meeting-detail]').innerText(), new RegExp(topic));
    await shoot(page, 'meetings');

    const sheet = await page.request.get(`${api.base}${await link.getAttribute('href')}`);
    assert.equal(sheet.status(), 200);
    assert.equal(sheet.headers()['content-type'], 'application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await sheet.body()) });
    const { text } = await parser.getText();
    await parser.destroy();
    assert.match(text, /签到表/);
    assert.match(text, new RegExp(topic));
    assert.match(text, /2030年6月3日 14:30/);
    assert.match(text, /王建国/);
    assert.match(text, /李明/);
    await context.close();
  });

  test('a 党小组会 is held by the party group picked in the form, and the compliance table names each group', async () => {
    const { page, context } = await consoleAs('secretary');
    await page.goto(`${api.base}/console/meetings`);
    const compliance = page.locator('[data-testid=compliance]');
    await compliance.locator('table').waitFor();
    const rows = await compliance.innerText();
    assert.match(rows, /党小组会（教工第一党小组）/);
    assert.match(rows, /党小组会（教工第二党小组）/);

    const group = page.locator('[data-testid=meeting-group]');
    assert.equal(await group.isVisible(), false, 'no party group to pick for a branch meeting');
    const topic = `党小组学习·${suffix}`;
    await fillMeeting(page, { type: 'PartyGroupMeeting', group: '教工第二党小组', topic, starts: '2030-06-04T19:00', ends: '2030-06-04T20:00', place: '教工之家' });
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/meetings') && r.request().method() === 'POST');
    await page.locator('[data-testid=meeting-submit]').click();
    const response = await posted;
    assert.equal(response.status(), 201, await response.text());
    assert.equal((await response.json()).unitName, '教工第二党小组');
    await page.locator('[data-testid=meeting-detail]', { hasText: topic }).waitFor();
    assert.match(await page.locator('[data-testid=meetings]').innerText(), new RegExp(topic));
    await context.close();
  });

  test('a meeting entered after the fact is listed with the past meetings', async () => {
    const { page, context } = await consoleAs('secretary');
    await page.goto(`${api.base}/console/meetings`);
    const topic = `补录党课·${suffix}`;
    await fillMeeting(page, { type: 'PartyLesson', topic, starts: '2024-03-05T14:00', ends: '2024-03-05T15:30', place: '党员活动室' });
    await page.locator('[data-testid=meeting-submit]').click();
    await page.locator('[data-testid=meeting-detail]', { hasText: topic }).waitFor();
    await page.locator('[data-testid=meetings]', { hasText: topic }).waitFor();
    assert.equal(await page.locator('#scope').inputValue(), 'past');
    await context.close();
  });

  test('the appointment form offers only the roles the unit shown can hold; a 党小组长 is appointed in a party group', async () => {
    const { page, context } = await consoleAs('secretary');
    await page.goto(`${api.base}/console/units`);
    await page.locator('[data-testid=unit-card]', { hasText: '教工第一党支部' }).waitFor();
    const roles = page.locator('[data-testid=appoint-role] option:not([disabled])');
    assert.deepEqual(await roles.allTextContents(), ['书记', '副书记', '组织委员', '宣传委员', '纪检委员']);

    await page.locator('#children a', { hasText: '教工第一党小组' }).click();
    await page.locator('[data-testid=unit-card]', { hasText: '教工第一党小组' }).waitFor();
    assert.deepEqual(await roles.allTextContents(), ['党小组长']);
    await page.locator('[data-testid=appoint-member] option', { hasText: '赵新' }).waitFor({ state: 'attached' });
    await page.locator('[data-testid=appoint-member]').selectOption({ label: '赵新（T1006）' });
    await page.locator('[data-testid=appoint-submit]').click();
    await page.locator('#flash', { hasText: '已任命 赵新 为党小组长' }).waitFor();
    await page.locator('[data-testid=committee]', { hasText: '赵新' }).waitFor();
    await context.close();
  });

  test("every form field's maxlength is the limit the API publishes (Api/openapi.json maxLength)", async () => {
    const { schemas } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'Api', 'openapi.json'), 'utf8')).components;
    const fields = [
      ['notices', '[data-testid=notice-title]', 'PostNoticeRequest', 'title'],
      ['study', '[data-testid=material-title]', 'PublishMaterialRequest', 'title'],
      ['study', '[data-testid=material-topic]', 'PublishMaterialRequest', 'topic'],
      ['study', '[data-testid=assignment-title]', 'CreateAssignmentRequest', 'title'],
      ['meetings', '[data-testid=meeting-topic]', 'ScheduleMeetingRequest', 'topic'],
      ['meetings', '[data-testid=meeting-place]', 'ScheduleMeetingRequest', 'place'],
      ['meetings', 'textarea[name=agenda]', 'ScheduleMeetingRequest', 'agenda'],
      ['meetings', '[data-testid=minutes]', 'SaveMinutesRequest', 'content'],
      ['roster', 'input[name=number]', 'MemberDetails', 'number'],
      ['roster', 'input[name=reason]', 'RecordStatusChangeRequest', 'reason'],
      ['polls', '[data-testid=poll-question]', 'CreatePollRequest', 'question'],
      ['appraisals', '[data-testid=round-title]', 'OpenAppraisalRoundRequest', 'title'],
    ];
    const { page, context } = await consoleAs('secretary');
    for (const [path, selector, schema, property] of fields) {
      await page.goto(`${api.base}/console/${path}`);
      const published = schemas[schema].properties[property].maxLength;
      assert.ok(published > 0, `${schema}.${property} publishes a maxLength`);
      assert.equal(Number(await page.locator(selector).first().getAttribute('maxlength')), published, `/console/${path} ${selector}`);
    }
    await context.close();
  });

  test("a plain member's console shows no committee pages", async () => {
    const { page, context } = await consoleAs('member');
    assert.match(await page.locator('[data-testid=who]').innerText(), /李明/);
    const nav = await page.locator('[data-testid=nav]').innerText();
    assert.equal(nav.trim(), '首页');
    await page.locator('[data-testid=member-note]').waitFor();
    await shoot(page, 'member-home');
    const roster = await page.goto(`${api.base}/console/roster`);
    assert.equal(roster.status(), 404);
    await context.close();
  });
});
