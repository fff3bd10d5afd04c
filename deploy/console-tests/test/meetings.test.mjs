// The console's meetings page in headless Chromium at 1366×768, signed in by scanning as the demo secretary: a leave
// request (请假) approved and a member checked in by hand from the roll, minutes that cannot be published before the
// meeting starts, and the list paged 20 at a time with "更多". Screenshots go to screenshots/ for a reviewer (not committed).
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

  test('the list shows 20 meetings a page and "更多" loads the next page', async () => {
    const { page, phone } = secretary;
    const created = [];
    for (let i = 0; i < 21; i++) {
      const startsAt = new Date(Date.now() + (48 + i) * 3600_000).toISOString();
      const endsAt = new Date(Date.now() + (49 + i) * 3600_000).toISOString();
      created.push(expectStatus(await phone.call('POST', '/api/meetings', {
        type: 'ThemedPartyDay', unitId: meeting.unitId, topic: `主题党日·分页${i}·${suffix}`, startsAt, endsAt, place: '党员活动室',
      }), 201, `schedule meeting ${i}`).id);
    }
    const upcoming = [];
    for (let cursor = null, first = true; first || cursor; first = false) {
      const pageOf = expectStatus(await phone.call('GET', `/api/meetings?scope=upcoming${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200, 'a page');
      upcoming.push(...pageOf.items.filter((m) => m.branchId === meeting.branchId || m.unitId === meeting.unitId));
      cursor = pageOf.nextCursor;
    }
    assert.ok(upcoming.length > 20, `more than a page upcoming (${upcoming.length})`);

    await page.goto(`${api.base}/console/meetings`);
    const rows = page.locator('[data-testid=meetings] tbody tr');
    await page.locator('[data-testid=meetings-more]').waitFor();
    assert.equal(await rows.count(), 20);
    await page.locator('[data-testid=meetings-more]').click();
    await page.locator('[data-testid=meetings-more]').waitFor({ state: 'hidden' });
    assert.equal(await rows.count(), upcoming.length);
    const topics = await page.locator('[data-testid=meetings] tbody tr td:nth-child(3)').allTextContents();
    assert.deepEqual(topics, upcoming.map((m) => m.topic), 'every meeting once, soonest first');

    // Two days ahead check-in is not open yet, so the roll offers no hand check-in.
    const later = `主题党日·分页0·${suffix}`;
    await page.locator('[data-testid=meetings] a', { hasText: later }).click();
    await page.locator('[data-testid=meeting-detail] tr', { hasText: '李明' }).waitFor();
    assert.match(await page.locator('[data-testid=meeting-detail] h2').innerText(), new RegExp(later));
    assert.equal(await page.locator('[data-testid=meeting-detail] [data-testid=check-in]').count(), 0);
  });
});
