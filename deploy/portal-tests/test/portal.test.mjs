// The public portal in headless Chromium: a public story with its image on the branch's brand page and its own page,
// never an Internal notice on any portal page, nothing loaded from another origin, no sideways scrolling on a phone.
// Screenshots at 1366×768 (and a phone's 390×844) go to PORTAL_SCREENSHOTS (default deploy/portal-tests/screenshots).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectStatus, signIn, startApi } from '../../screen-tests/lib/api.mjs';
import { launchChromium, uploadImage } from '../../screen-tests/lib/browser.mjs';

const screenshots = resolve(process.env.PORTAL_SCREENSHOTS || join(import.meta.dirname, '..', 'screenshots'));
const suffix = Date.now().toString(36);
const brandName = `红烛先锋·${suffix}`;
const storyTitle = `先锋事迹·${suffix}`;
const secretNotice = `内部通知·不得公开·${suffix}`;
const publicNotice = `公开通知·${suffix}`;

let api;
let browser;
let context;
let branchId;
let storyId;
let imageId;
const foreign = [];

describe('public portal', () => {
  before(async () => {
    api = await startApi();
    const secretary = await signIn(api.base, 'dev-secretary');
    branchId = secretary.member.branch.id;

    expectStatus(await secretary.call('PUT', `/api/org/units/${branchId}/brand`, {
      name: brandName,
      slogan: '立德树人，红烛领航',
      labels: ['党员心灵家园', '师生党群共建'],
      introduction: '教工第一党支部以“红烛先锋”为品牌，服务师生、奉献社区。',
      themeColor: '#B71C1C',
    }), 200, 'brand');

    imageId = await uploadImage(secretary, 'Public');
    storyId = expectStatus(await secretary.call('POST', '/api/stories', {
      title: storyTitle,
      body: '王老师带领志愿服务队深入社区，义务辅导三十余次。\n寒暑不辍，深受居民好评。',
      visibility: 'Public',
      imageIds: [imageId],
    }), 201, 'story').id;

    for (const [title, visibility] of [[publicNotice, 'Public'], [secretNotice, 'Internal']]) {
      expectStatus(await secretary.call('POST', '/api/notices', {
        title,
        body: `<p>${title}的正文。</p>`,
        visibility,
        audience: { unitIds: [branchId] },
        requiresAck: false,
        pinned: false,
        confirmNotClassified: true,
      }), 201, `${visibility} notice`);
    }

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    context.on('request', (request) => {
      if (!request.url().startsWith(api.base) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  test('the branch brand page shows the public story with its image', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${api.base}/portal/units/${branchId}`);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('.hero h1').textContent(), brandName);
    assert.match(await page.title(), new RegExp(brandName));
    const card = page.locator('a.card.story', { hasText: storyTitle });
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForFunction((id) => {
      const img = document.querySelector(`a.card.story img[src="/api/media/${id}"]`);
      return img && img.complete && img.naturalWidth > 0;
    }, imageId, { timeout: 10_000 });
    assert.ok(await page.locator('ul.notices a', { hasText: publicNotice }).isVisible());
    await page.screenshot({ path: join(screenshots, 'portal-branch-1366x768.png') });
    await page.close();
  });

  test('the story page has its text, image and share preview', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/portal/units/${branchId}`);
    await page.locator('a.card.story', { hasText: storyTitle }).click();
    await page.waitForURL(`${api.base}/portal/stories/${storyId}`);
    assert.equal(await page.locator('article h1').textContent(), storyTitle);
    assert.deepEqual(await page.locator('article .content p').allTextContents(),
      ['王老师带领志愿服务队深入社区，义务辅导三十余次。', '寒暑不辍，深受居民好评。']);
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), storyTitle);
    assert.equal(await page.locator('meta[property="og:image"]').getAttribute('content'), `${api.base}/api/media/${imageId}`);
    assert.match(await page.locator('meta[name="description"]').getAttribute('content'), /义务辅导三十余次/);
    await page.screenshot({ path: join(screenshots, 'portal-story-1366x768.png'), fullPage: true });
    await page.close();
  });

  test('no portal page ever shows the Internal notice', async () => {
    const page = await context.newPage();
    const queue = ['/portal', `/portal/units/${branchId}`, `/portal/notices?unit=${branchId}`, '/portal/stories', '/portal/activities'];
    const seen = new Set();
    while (queue.length > 0 && seen.size < 200) {
      const path = queue.shift();
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await page.goto(`${api.base}${path}`);
      assert.equal(response.status(), 200, path);
      const text = await page.locator('html').innerText();
      assert.ok(!text.includes(secretNotice), `${path} shows the Internal notice`);
      assert.ok(!(await page.content()).includes(secretNotice), `${path} carries the Internal notice in its markup`);
      const links = await page.locator('a[href^="/portal"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const link of links) if (!seen.has(link)) queue.push(link);
    }
    assert.ok(seen.has(`/portal/stories/${storyId}`), 'the crawl reached the story');
    await page.goto(`${api.base}/portal/notices?unit=${branchId}`);
    assert.ok(await page.locator('ul.notices a', { hasText: publicNotice }).isVisible());
    await page.screenshot({ path: join(screenshots, 'portal-notices-1366x768.png') });
    await page.close();
  });

  test('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await phone.newPage();
    for (const path of ['/portal', `/portal/units/${branchId}`, `/portal/stories/${storyId}`]) {
      await page.goto(`${api.base}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
    }
    await page.goto(`${api.base}/portal/units/${branchId}`);
    await page.screenshot({ path: join(screenshots, 'portal-branch-phone.png') });
    await phone.close();
  });

  test('loads nothing from another origin (no CDN)', () => {
    assert.deepEqual(foreign, []);
  });
});
