// The console's meetings page in headless Chromium at 1366×768, signed in by scanning as the demo secretary: a leave
// request (请假) approved and a member checked in by hand from the roll, minutes that cannot be published before the
// meeting starts, and the list paged 20 at a time with "更多", filtered by the chosen unit on the server (the admin
// choosing one branch among several gets full pages of that branch's meetings only). Screenshots go to screenshots/ for a reviewer (not committed).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectStatus, signIn } from '../../screen-tests/lib/api.mjs';
import { consoleAs as signInConsole, startConsole, stopConsole } from '../lib/console.mjs';

const shots = join(import.meta.dirname, '..', 'screenshots');
const suffix = Date.now().toString(36);

let api;
let browser;

/** "yyyy-MM-ddTHH:mm" in China time, `hours` from now (a datetime-local value). */
function chinaLocal(hours) {
  const d = new Date(Date.now() + hours * 3600_000 + 8 * 3600_000);
  return d.toISOString().slice(0, 16);
}

describe('console meetings', () => {
  let secretary;
  let meeting;

  before(async () => {
    ({ api, browser } = await startConsole(shots));
    secretary = await signInConsole(browser, api.base, 'secretary');
  });

  after(() => stopConsole({ api, browser }));

  test('the organiser approves a leave request and checks a member in from the roll', async () => {
    const { page } = secretary;
    await page.goto(`${api.base}/console/meetings`);
    const topic = `党课·请假与签到·${suffix}`;
    await page.locator('[data-testid=meeting-type]').selectOption('PartyLesson');
    await page.locator('[data-testid=meeting-topic]').fill(topic);
    // Starting in half an hour: leave may still be asked for, check-in (from an hour before) is open, minutes not yet.
    await page.locator('[data-testid=meeting-starts]').fill(chinaLocal(0.5));
    await page.locator('[data-testid=meeting-ends]').fill(chinaLocal(2.5));
    await page.locator('[data-testid=meeting-place]').fill('党员活动室');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/meetings') && r.request().method() === 'POST');
    await page.locator('[data-testid=meeting-submit]').click();
    meeting = await (await posted).json();

    // 李明 asks for leave in the mini-program (over the API).
    const member = await signIn(api.base, 'dev-member');
    const leave = expectStatus(await member.call('POST', `/api/meetings/${meeting.id}/leave-requests`, { reason: '外出开会' }), 201, 'ask for leave');

    // The secretary opens the meeting from the list and approves it with a note.
    await page.reload();
    await page.locator('[data-testid=meetings] a', { hasText: topic }).click();
    const row = page.locator('[data-testid=meeting-detail] tr', { hasText: '李明' });
    await row.locator('[data-testid=leave-approve]').waitFor();
    await row.locator('[data-testid=leave-note]').fill('同意，请会后补学');
    await row.locator('[data-testid=leave-approve]').click();
    await page.locator('#flash', { hasText: '已批准请假' }).waitFor();
    await page.locator('[data-testid=meeting-detail] tr', { hasText: '已批准：同意，请会后补学' }).waitFor();
    assert.equal(await row.locator('[data-testid=leave-approve]').count(), 0, 'a decided request has no buttons');
    const seen = expectStatus(await member.call('GET', `/api/meetings/${meeting.id}`), 200, 'the member opens the meeting');
    assert.equal(seen.myLeave.id, leave.id);
    assert.equal(seen.myLeave.status, 'Approved');

    // 张华 came: checked in by hand.
    const zhang = page.locator('[data-testid=meeting-detail] tr', { hasText: '张华' });
    await zhang.locator('[data-testid=check-in]').click();
    await page.locator('#flash', { hasText: '已为张华签到' }).waitFor();
    await page.locator('[data-testid=meeting-detail] tr', { hasText: '张华' }).locator('td', { hasText: '出席' }).waitFor();
    assert.equal(await page.locator('[data-testid=meeting-detail] tr', { hasText: '张华' }).locator('[data-testid=check-in]').count(), 0);
    const roll = expectStatus(await secretary.phone.call('GET', `/api/meetings/${meeting.id}/attendance`), 200, 'the roll');
    assert.equal(roll.attendees.find((a) => a.name === '张华').status, 'Present');
    assert.equal(roll.attendees.find((a) => a.name === '李明').leave.status, 'Approved');
    await page.screenshot({ path: join(shots, 'meeting-roll.png') });
  });

  test('minutes of a meeting not yet held can be saved as a draft but not published', async () => {
    const { page } = secretary;
    await page.goto(`${api.base}/console/meetings`);
    await page.locator('[data-testid=meetings] a', { hasText: meeting.topic }).click();
    await page.locator('[data-testid=meeting-detail]', { hasText: meeting.topic }).waitFor();
    await page.locator('[data-testid=minutes-early]').waitFor();
    assert.equal(await page.locator('[data-testid=publish-minutes]').isDisabled(), true);
    await page.locator('[data-testid=minutes]').fill('会议提纲：一、学习党章；二、交流发言。');
    await page.locator('#save-minutes').click();
    await page.locator('#flash', { hasText: '草稿已保存' }).waitFor();
    // The API refuses publishing all the same (the rule is the server's), in Chinese.
    const refused = await secretary.phone.call('PUT', `/api/meetings/${meeting.id}/minutes`, { content: '会议记录', publish: true });
    assert.equal(refused.status, 409);
    assert.match(refused.body.detail, /会议尚未开始/);
  });

  test('the list shows 20 meetings a page of the chosen unit and "更多" loads the next page with the same unit', async () => {
    const { page, phone } = secretary;
    const created = [];
    for (let i = 0; i < 21; i++) {
      const startsAt = new Date(Date.now() + (48 + i) * 3600_000).toISOString();
      const endsAt = new Date(Date.now() + (49 + i) * 3600_000).toISOString();
      created.push(expectStatus(await phone.call('POST', '/api/meetings', {
        type: 'ThemedPartyDay', unitId: meeting.unitId, topic: `主题党日·分页${i}·${suffix}`, startsAt, endsAt, place: '党员活动室',
      }), 201, `schedule meeting ${i}`).id);
    }
    // The student branch's meetings in between: the admin sees both branches.
    const student = await signIn(api.base, 'dev-student-secretary');
    const studentBranch = expectStatus(await student.call('GET', '/api/me'), 200, 'the student secretary').member.branch.id;
    for (let i = 0; i < 10; i++) {
      const startsAt = new Date(Date.now() + (48.5 + i * 2) * 3600_000).toISOString();
      const endsAt = new Date(Date.now() + (49.5 + i * 2) * 3600_000).toISOString();
      expectStatus(await student.call('POST', '/api/meetings', {
        type: 'PartyLesson', unitId: studentBranch, topic: `学生党课·分页${i}·${suffix}`, startsAt, endsAt, place: '学生活动中心',
      }), 201, `schedule student meeting ${i}`);
    }
    const upcoming = [];
    for (let cursor = null, first = true; first || cursor; first = false) {
      const pageOf = expectStatus(await phone.call('GET', `/api/meetings?scope=upcoming&unitId=${meeting.branchId}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200, 'a page');
      upcoming.push(...pageOf.items);
      cursor = pageOf.nextCursor;
    }
    assert.ok(upcoming.length > 20, `more than a page upcoming (${upcoming.length})`);
    assert.ok(upcoming.every((m) => m.branchId === meeting.branchId), 'the server kept the branch\'s meetings only');

    /** The unitId of every meeting list the page asks for. */
    const asked = (p) => {
      const units = [];
      p.on('request', (r) => { const url = new URL(r.url()); if (url.pathname === '/api/meetings' && r.method() === 'GET') units.push(url.searchParams.get('unitId')); });
      return units;
    };
    const listed = asked(page);
    await page.goto(`${api.base}/console/meetings`);
    const rows = page.locator('[data-testid=meetings] tbody tr');
    await page.locator('[data-testid=meetings-more]').waitFor();
    assert.equal(await rows.count(), 20);
    await page.locator('[data-testid=meetings-more]').click();
    await page.locator('[data-testid=meetings-more]').waitFor({ state: 'hidden' });
    assert.equal(await rows.count(), upcoming.length);
    const topics = await page.locator('[data-testid=meetings] tbody tr td:nth-child(3)').allTextContents();
    assert.deepEqual(topics, upcoming.map((m) => m.topic), 'every meeting once, soonest first');
    assert.deepEqual(listed, [String(meeting.branchId), String(meeting.branchId)], 'the first page and "更多" both ask for the unit');

    // The admin manages the general branch and both branches: choosing the teacher branch gives full pages of its
    // meetings only, though the student branch's lie in between.
    const admin = await signInConsole(browser, api.base, 'admin');
    try {
      const adminListed = asked(admin.page);
      await admin.page.goto(`${api.base}/console/meetings`);
      await admin.page.locator('[data-testid=meetings-more]').waitFor();
      await admin.page.locator('[data-testid=unit]').selectOption(String(meeting.branchId));
      const adminRows = admin.page.locator('[data-testid=meetings] tbody tr td:nth-child(3)');
      // The general branch's list was showing; wait for the branch's first page to replace it.
      const firstPage = upcoming.slice(0, 20).map((m) => m.topic);
      await admin.page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('[data-testid=meetings] tbody tr td:nth-child(3)')].map((td) => td.textContent)) === JSON.stringify(want), firstPage);
      assert.deepEqual(await adminRows.allTextContents(), upcoming.slice(0, 20).map((m) => m.topic), 'a full first page of the branch');
      await admin.page.locator('[data-testid=meetings-more]').click();
      await admin.page.locator('[data-testid=meetings-more]').waitFor({ state: 'hidden' });
      assert.deepEqual(await adminRows.allTextContents(), upcoming.map((m) => m.topic), 'the branch\'s meetings, none of the student branch\'s');
      assert.deepEqual(adminListed.slice(-2), [String(meeting.branchId), String(meeting.branchId)], '"更多" keeps the chosen unit');
      await admin.page.screenshot({ path: join(shots, 'meetings-unit-filter.png') });
    } finally {
      await admin.context.close();
    }

    // Two days ahead check-in is not open yet, so the roll offers no hand check-in.
    const later = `主题党日·分页0·${suffix}`;
    await page.locator('[data-testid=meetings] a', { hasText: later }).click();
    await page.locator('[data-testid=meeting-detail] tr', { hasText: '李明' }).waitFor();
    assert.match(await page.locator('[data-testid=meeting-detail] h2').innerText(), new RegExp(later));
    assert.equal(await page.locator('[data-testid=meeting-detail] [data-testid=check-in]').count(), 0);
  });
});
