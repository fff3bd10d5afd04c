// The big screen in headless Chromium against the real API: brand, stories and upcoming events; a member checks in
// with the code the screen shows and appears on the check-in wall; an approved wall message and a vote appear; the
// twelve-month charts are drawn (the study chart with the API's study hours); the layout fills 1920×1080 and holds at 1366×768 and 3840×2160 (screenshots in
// output/); Chinese renders in Noto Sans CJK; nothing Internal ever shows; a revoked link turns into the error page.
// Everything that must follow the room is awaited with a 2 s timeout: the page gets it pushed, it does not poll.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectStatus, signIn, startApi } from '../lib/api.mjs';
import { launchChromium, uploadImage } from '../lib/browser.mjs';

const output = join(import.meta.dirname, '..', 'output');
const live = { timeout: 2_000 }; // the acceptance bound for check-ins, approved messages and votes
const loading = { timeout: 20_000 }; // first paint after the API started
const suffix = Date.now().toString(36);
const brandName = `红烛先锋·${suffix}`;
const meetingTopic = `公开主题党日·${suffix}`;
const storyTitle = `先锋事迹·${suffix}`;
const message = `不忘初心，牢记使命·${suffix}`;
const internal = {
  notice: `内部通知·不得上屏·${suffix}`,
  meeting: `内部支部党员大会·${suffix}`,
  story: `党内事迹·不得上屏·${suffix}`,
  wallMessage: `内部会议留言·不得上屏·${suffix}`,
  pending: `待审核留言·不得上屏·${suffix}`,
  poll: `内部会议投票·不得上屏·${suffix}`,
};

let api;
let browser;
let page;
let secretary;
let member;
let branchId;
let meetingId;
let meetingStartsAt;
let wallId;
let poll;
let imageId;
let link;

/** Panels inside the viewport, none overflowing, together covering most of it; charts drawn to their panels' size. */
function measureLayout() {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const problems = [];
  let area = 0;
  for (const panel of document.querySelectorAll('.panel')) {
    const r = panel.getBoundingClientRect();
    if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) problems.push(`${panel.id} leaves the viewport`);
    if (panel.scrollHeight > panel.clientHeight + 1 || panel.scrollWidth > panel.clientWidth + 1) {
      problems.push(`${panel.id} overflows (${panel.scrollWidth}×${panel.scrollHeight} in ${panel.clientWidth}×${panel.clientHeight})`);
    }
    if (r.width < vw * 0.12 || r.height < vh * 0.25) problems.push(`${panel.id} is too small (${Math.round(r.width)}×${Math.round(r.height)})`);
    area += r.width * r.height;
  }
  for (const chart of document.querySelectorAll('.chart')) {
    const box = chart.getBoundingClientRect();
    const canvas = chart.querySelector('canvas');
    const panel = chart.closest('.panel').getBoundingClientRect();
    if (!canvas) problems.push(`${chart.id} has no canvas`);
    else if (canvas.getBoundingClientRect().height < box.height - 1) problems.push(`${chart.id} is drawn smaller than its box`);
    if (box.height < panel.height * 0.6) problems.push(`${chart.id} leaves its panel half empty`);
  }
  const screen = document.getElementById('screen').getBoundingClientRect();
  if (Math.abs(screen.width - vw) > 1 || Math.abs(screen.height - vh) > 1) problems.push('the screen does not fill the viewport');
  return { problems, coverage: area / (vw * vh), rootPx: parseFloat(getComputedStyle(document.documentElement).fontSize) };
}

describe('big screen', () => {
  before(async () => {
    mkdirSync(output, { recursive: true });
    api = await startApi();
    secretary = await signIn(api.base, 'dev-secretary');
    member = await signIn(api.base, 'dev-member');
    branchId = secretary.member.branch.id;

    expectStatus(await secretary.call('PUT', `/api/org/units/${branchId}/brand`, {
      name: brandName,
      slogan: '立德树人，红烛领航',
      labels: ['党员心灵家园', '师生党群共建', '新时代新精神宣传队伍'],
      themeColor: '#B71C1C',
    }), 200, 'brand');

    imageId = await uploadImage(secretary, 'Public');
    expectStatus(await secretary.call('POST', '/api/stories', {
      title: storyTitle,
      body: '王老师带领志愿服务队深入社区，义务辅导三十余次。',
      visibility: 'Public',
      imageIds: [imageId],
    }), 201, 'story');
    expectStatus(await secretary.call('POST', '/api/stories', {
      title: internal.story, body: '仅限党内。', visibility: 'Internal', imageIds: [],
    }), 201, 'internal story');

    // The Public meeting opens for check-in an hour before it starts; the Internal one starts earlier and must
    // still never be the one the screen shows.
    const startsAt = new Date(Date.now() + 30 * 60_000);
    meetingStartsAt = startsAt;
    meetingId = expectStatus(await secretary.call('POST', '/api/meetings', {
      type: 'ThemedPartyDay',
      unitId: branchId,
      topic: meetingTopic,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      place: '党员活动室',
      visibility: 'Public',
    }), 201, 'meeting').id;
    const internalStart = new Date(Date.now() + 10 * 60_000);
    const internalMeeting = expectStatus(await secretary.call('POST', '/api/meetings', {
      type: 'BranchGeneralMeeting',
      unitId: branchId,
      topic: internal.meeting,
      startsAt: internalStart.toISOString(),
      endsAt: new Date(internalStart.getTime() + 2 * 3600_000).toISOString(),
      place: '会议室',
      visibility: 'Internal',
    }), 201, 'internal meeting').id;
    const internalWall = expectStatus(await secretary.call('POST', '/api/walls', { targetKind: 'Meeting', targetId: internalMeeting, requiresApproval: false }), 201, 'internal wall').id;
    expectStatus(await member.call('POST', `/api/walls/${internalWall}/messages`, { text: internal.wallMessage }), 201, 'internal wall message');
    const internalPoll = expectStatus(await secretary.call('POST', '/api/polls', {
      targetKind: 'Meeting', targetId: internalMeeting, question: internal.poll, options: ['同意', '不同意'],
      multipleChoice: false, anonymous: true, closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    }), 201, 'internal poll');
    expectStatus(await member.call('POST', `/api/polls/${internalPoll.id}/votes`, { optionIds: [internalPoll.options[0].id] }), 200, 'internal vote');

    expectStatus(await secretary.call('POST', '/api/notices', {
      title: internal.notice,
      body: '<p>仅限支部党员阅读。</p>',
      visibility: 'Internal',
      audience: { unitIds: [branchId] },
      requiresAck: false,
      pinned: false,
      confirmNotClassified: true,
    }), 201, 'internal notice');

    wallId = expectStatus(await secretary.call('POST', '/api/walls', { targetKind: 'Meeting', targetId: meetingId, requiresApproval: true }), 201, 'wall').id;
    poll = expectStatus(await secretary.call('POST', '/api/polls', {
      targetKind: 'Meeting', targetId: meetingId, question: `下次主题党日去哪里？·${suffix}`, options: ['革命纪念馆', '社区志愿服务', '红色电影'],
      multipleChoice: false, anonymous: false, closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    }), 201, 'poll');

    link = expectStatus(await secretary.call('POST', `/api/org/units/${branchId}/screen-links`, { label: '党员活动室' }), 201, 'screen link');

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const response = await page.goto(`${api.base}/screen/${link.token}`);
    assert.equal(response.status(), 200);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  test('shows the brand name', async () => {
    await page.locator('#brand-name', { hasText: brandName }).waitFor({ state: 'visible', ...loading });
    assert.equal(await page.locator('#brand-name').textContent(), brandName);
  });

  test('renders Chinese in Noto Sans CJK (fonts-noto-cjk)', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#brand-name' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    assert.ok(fonts.length > 0 && fonts.every((f) => /Noto Sans CJK/.test(f.familyName)), `fonts used: ${JSON.stringify(fonts)}`);
  });

  test('shows the upcoming public meeting', async () => {
    await page.locator('#upcoming .title', { hasText: meetingTopic }).waitFor({ state: 'visible', ...loading });
  });

  test('shows the public story with its image', async () => {
    await page.locator(`#stories img[src="/api/media/${imageId}"]`).waitFor({ state: 'visible', ...loading });
    await page.waitForFunction((id) => {
      const img = document.querySelector(`#stories img[src="/api/media/${id}"]`);
      return img && img.complete && img.naturalWidth > 0;
    }, imageId, loading);
    await page.locator('#stories .title', { hasText: storyTitle }).waitFor({ state: 'visible' });
  });

  test('shows the public meeting open for check-in with its code to scan', async () => {
    await page.locator('#checkin-title', { hasText: meetingTopic }).waitFor({ state: 'visible', ...loading });
    await page.waitForFunction(() => /^\d{6}$/.test(document.querySelector('#checkin-code').textContent), null, loading);
    await page.waitForFunction(() => {
      const img = document.querySelector('#checkin-qr');
      return !img.hidden && img.complete && img.naturalWidth > 0;
    }, null, loading);
  });

  test('a member checks in with the code on the screen and the wall shows them within two seconds', async () => {
    const before = Number(await page.locator('#checkin-count').textContent());
    const code = (await page.locator('#checkin-code').textContent()).trim();
    expectStatus(await member.call('POST', `/api/meetings/${meetingId}/check-in`, { code }), 200, 'check-in with the on-screen code');
    await page.locator('#arrivals .name', { hasText: member.member.name }).waitFor({ state: 'visible', ...live });
    await page.waitForFunction((n) => Number(document.querySelector('#checkin-count').textContent) === n, before + 1, live);
    assert.equal(await page.locator('#checkin-arrived').textContent(), '1');
  });

  test('an approved message appears within two seconds', async () => {
    const pending = expectStatus(await member.call('POST', `/api/walls/${wallId}/messages`, { text: internal.pending }), 201, 'pending message');
    assert.equal(pending.status, 'Pending');
    const posted = expectStatus(await member.call('POST', `/api/walls/${wallId}/messages`, { text: message }), 201, 'message');
    expectStatus(await secretary.call('POST', `/api/walls/${wallId}/messages/${posted.id}/decision`, { approve: true }), 200, 'approval');
    await page.locator('#wall .text', { hasText: message }).waitFor({ state: 'visible', ...live });
    assert.match(await page.locator(`#wall li[data-id="${posted.id}"] .author`).textContent(), new RegExp(member.member.name));
  });

  test('a vote appears within two seconds', async () => {
    const option = poll.options[1];
    const row = page.locator(`#polls .poll[data-id="${poll.id}"] .option[data-id="${option.id}"] .votes`);
    await row.waitFor({ state: 'visible', ...loading });
    assert.equal(await row.textContent(), '0票');
    expectStatus(await member.call('POST', `/api/polls/${poll.id}/votes`, { optionIds: [option.id] }), 200, 'vote');
    await page.locator(`#polls .poll[data-id="${poll.id}"] .option[data-id="${option.id}"] .votes`, { hasText: '1票' }).waitFor({ state: 'visible', ...live });
  });

  test('draws twelve months of meetings, attendance, study hours and reach', async () => {
    await page.waitForFunction(() => document.body.dataset.trends === '12', null, loading);
    for (const id of ['chart-meetings', 'chart-study', 'chart-reach']) {
      await page.locator(`#${id} canvas`).first().waitFor({ state: 'visible' });
    }
  });

  test('the study chart shows the study hours the API figures, month by month', async () => {
    // The member checked in to the public 主题党日 above (two hours = 2.67 class hours of study), after this page read
    // its trends: a fresh page reads them again, and both must draw what /trends answers now.
    const fresh = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await fresh.goto(`${api.base}/screen/${link.token}`);
    await fresh.waitForFunction(() => document.body.dataset.trends === '12', null, loading);
    const drawn = await fresh.evaluate(() => {
      const option = echarts.getInstanceByDom(document.getElementById('chart-study')).getOption();
      return { months: option.xAxis[0].data, series: option.series.map((s) => ({ name: s.name, data: s.data })) };
    });
    await fresh.close();
    const trends = await (await fetch(`${api.base}/screen/${link.token}/trends`)).json();
    assert.deepEqual(drawn.months, trends.months.map((m) => `${Number(m.label.slice(5))}月`));
    assert.deepEqual(drawn.series, [
      { name: '资料学习', data: trends.months.map((m) => m.studyMaterialHours) },
      { name: '党课·主题党日', data: trends.months.map((m) => m.studyMeetingHours) },
    ]);
    const meetingMonth = trends.months.find((m) => m.label === new Date(meetingStartsAt.getTime() + 8 * 3600_000).toISOString().slice(0, 7));
    assert.ok(meetingMonth.studyMeetingHours >= 2.67, `the attended 主题党日 counts: ${JSON.stringify(meetingMonth)}`);
    for (const m of trends.months) assert.equal(m.studyHours, Math.round((m.studyMaterialHours + m.studyMeetingHours) * 100) / 100);
  });

  test('fills 1920×1080 (screenshot in output/screen-1920x1080.png)', async () => {
    const file = join(output, 'screen-1920x1080.png');
    await page.screenshot({ path: file, animations: 'disabled' });
    assert.ok(statSync(file).size > 10_000);
    const layout = await page.evaluate(measureLayout);
    assert.deepEqual(layout.problems, []);
    assert.ok(layout.coverage > 0.75, `panels cover ${Math.round(layout.coverage * 100)}% of the screen`);
    assert.equal(layout.rootPx, 10);
  });

  for (const [width, height] of [[1366, 768], [3840, 2160]]) {
    test(`holds its layout at ${width}×${height} (output/screen-${width}x${height}.png)`, async () => {
      await page.setViewportSize({ width, height });
      await page.waitForFunction((w) => document.querySelector('#chart-meetings canvas').getBoundingClientRect().width > 0
        && Math.abs(document.getElementById('screen').getBoundingClientRect().width - w) < 1, width, loading);
      await page.screenshot({ path: join(output, `screen-${width}x${height}.png`), animations: 'disabled' });
      const layout = await page.evaluate(measureLayout);
      await page.setViewportSize({ width: 1920, height: 1080 });
      assert.deepEqual(layout.problems, []);
      assert.ok(layout.coverage > 0.75, `panels cover ${Math.round(layout.coverage * 100)}% of the screen`);
      assert.ok(Math.abs(layout.rootPx - Math.min(width / 192, height / 108)) < 0.01);
    });
  }

  test('never shows an Internal item', async () => {
    const html = await page.content();
    const pushed = await page.evaluate((token) => new Promise((resolve, reject) => {
      const source = new EventSource(`/screen/${token}/events`);
      source.addEventListener('live', (e) => { source.close(); resolve(e.data); });
      source.onerror = () => { source.close(); reject(new Error('the event stream failed')); };
    }), link.token);
    const data = await page.evaluate(async (token) => (await fetch(`/screen/${token}/data`)).text(), link.token);
    const trends = await page.evaluate(async (token) => (await fetch(`/screen/${token}/trends`)).text(), link.token);
    for (const [what, text] of Object.entries(internal)) {
      assert.ok(!html.includes(text), `the page shows the ${what}`);
      assert.ok(!pushed.includes(text), `the event stream carries the ${what}`);
      assert.ok(!data.includes(text), `the data carries the ${what}`);
      assert.ok(!trends.includes(text), `the trends carry the ${what}`);
    }
    assert.ok(pushed.includes(meetingTopic) && pushed.includes(message));
  });

  test('shows the error page as soon as the link is revoked', async () => {
    const revoked = await secretary.call('DELETE', `/api/screen-links/${link.id}`);
    assert.equal(revoked.status, 204);
    // The open display is told over its event stream.
    await page.locator('#error h1', { hasText: '大屏链接无效或已被撤销' }).waitFor({ state: 'visible', timeout: 5_000 });
    const fresh = await browser.newPage();
    const response = await fresh.goto(`${api.base}/screen/${link.token}`);
    assert.equal(response.status(), 404);
    assert.match(await fresh.locator('h1').textContent(), /大屏链接无效或已被撤销/);
    await fresh.close();
  });
});
