// The big screen in headless Chromium: brand, an upcoming public meeting, a public story image, the live
// check-in count, never an Internal notice, and the error page once the link is revoked.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { expectStatus, signIn, startApi } from '../lib/api.mjs';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const suffix = Date.now().toString(36);
const brandName = `红烛先锋·${suffix}`;
const meetingTopic = `公开主题党日·${suffix}`;
const storyTitle = `先锋事迹·${suffix}`;
const secretNotice = `内部通知·不得上屏·${suffix}`;

// A real 1×1 PNG, so the browser can decode and measure it.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let api;
let browser;
let page;
let secretary;
let member;
let branchId;
let meetingId;
let imageId;
let link;

describe('big screen', () => {
  before(async () => {
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

    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'story.png');
    form.append('visibility', 'Public');
    imageId = expectStatus(await secretary.call('POST', '/api/media', form), 201, 'upload').id;
    expectStatus(await secretary.call('POST', '/api/stories', {
      title: storyTitle,
      body: '王老师带领志愿服务队深入社区，义务辅导三十余次。',
      visibility: 'Public',
      imageIds: [imageId],
    }), 201, 'story');

    const startsAt = new Date(Date.now() + 30 * 60_000);
    meetingId = expectStatus(await secretary.call('POST', '/api/meetings', {
      type: 'ThemedPartyDay',
      unitId: branchId,
      topic: meetingTopic,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      place: '党员活动室',
      visibility: 'Public',
    }), 201, 'meeting').id;

    expectStatus(await secretary.call('POST', '/api/notices', {
      title: secretNotice,
      body: '<p>仅限支部党员阅读。</p>',
      visibility: 'Internal',
      audience: { unitIds: [branchId] },
      requiresAck: false,
      pinned: false,
      confirmNotClassified: true,
    }), 201, 'internal notice');

    link = expectStatus(await secretary.call('POST', `/api/org/units/${branchId}/screen-links`, { label: '党员活动室' }), 201, 'screen link');

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const response = await page.goto(`${api.base}/screen/${link.token}?rotate=2`);
    assert.equal(response.status(), 200);
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  test('shows the brand name', async () => {
    await page.locator('#brand-name', { hasText: brandName }).waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await page.locator('#brand-name').textContent(), brandName);
  });

  test('shows the upcoming public meeting', async () => {
    await page.locator('#upcoming .title', { hasText: meetingTopic }).waitFor({ state: 'visible', timeout: 20_000 });
  });

  test('shows the public story with its image', async () => {
    const image = page.locator(`#stories img[src="/api/media/${imageId}"]`);
    await image.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForFunction((id) => {
      const img = document.querySelector(`#stories img[src="/api/media/${id}"]`);
      return img && img.complete && img.naturalWidth > 0;
    }, imageId, { timeout: 10_000 });
    await page.locator('#stories .title', { hasText: storyTitle }).waitFor({ state: 'attached' });
    if (process.env.SCREEN_SCREENSHOT) {
      // For a person to look at: SCREEN_SCREENSHOT=/tmp/screen.png npm test
      await page.waitForTimeout(900);
      await page.screenshot({ path: process.env.SCREEN_SCREENSHOT });
    }
  });

  test('updates the check-in count when a member checks in', async () => {
    const count = page.locator('#checkin-count');
    const before = Number(await count.textContent());
    const code = expectStatus(await secretary.call('GET', `/api/meetings/${meetingId}/check-in-code`), 200, 'check-in code');
    expectStatus(await member.call('POST', `/api/meetings/${meetingId}/check-in`, { code: code.numericCode }), 200, 'check-in');
    await page.waitForFunction((n) => Number(document.querySelector('#checkin-count').textContent) === n, before + 1, { timeout: 20_000 });
  });

  test('never shows the Internal notice', async () => {
    // Every panel is in the page; let a full rotation and a refresh pass, then look at all of it.
    await page.waitForTimeout(7_000);
    assert.ok(!(await page.content()).includes(secretNotice), 'the page text');
    const data = await page.evaluate(async (token) => (await fetch(`/screen/${token}/data`)).text(), link.token);
    assert.ok(!data.includes(secretNotice), 'the data the page polls');
    assert.ok(data.includes(meetingTopic));
  });

  test('shows the error page once the link is revoked', async () => {
    const revoked = await secretary.call('DELETE', `/api/screen-links/${link.id}`);
    assert.equal(revoked.status, 204);
    // The open display notices at its next refresh.
    await page.locator('#error h1', { hasText: '大屏链接无效或已被撤销' }).waitFor({ state: 'visible', timeout: 20_000 });
    const fresh = await browser.newPage();
    const response = await fresh.goto(`${api.base}/screen/${link.token}`);
    assert.equal(response.status(), 404);
    assert.match(await fresh.locator('h1').textContent(), /大屏链接无效或已被撤销/);
    await fresh.close();
  });
});
