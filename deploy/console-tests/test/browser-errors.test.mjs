// What the browser itself shows and fetches around the console pages, in headless Chromium: a refused export link opens
// a Chinese page (not raw ProblemDetails JSON) while the page scripts' fetch calls still get the JSON; and a console or
// portal page load has no failed request, its linked icon (favicon.svg, the brand red) included.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { consoleAs as signInConsole, startConsole, stopConsole } from '../lib/console.mjs';

const shots = join(import.meta.dirname, '..', 'screenshots');

let api;
let browser;

/** Every request of the page that failed or answered 400 and above, as "status url". */
function watchFailures(page) {
  const failures = [];
  // A request the browser cancels itself (net::ERR_ABORTED: the favicon, fetched lazily, when the next goto leaves the
  // page) is not a failure of the server; every other failed request and every 4xx/5xx answer is.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => { if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`); });
  return failures;
}

describe('console pages in the browser: refusals and the icon', () => {
  before(async () => {
    ({ api, browser } = await startConsole(shots));
  });

  after(() => stopConsole({ api, browser }));

  test('an export link whose session has ended opens a Chinese page, and fetch still gets the JSON', async () => {
    const { page, context } = await signInConsole(browser, api.base, 'secretary');
    await page.goto(`${api.base}/console/roster`);
    const link = page.locator('#export-xlsx');
    await page.waitForFunction(() => document.getElementById('export-xlsx').getAttribute('href') !== '#');
    const href = await link.getAttribute('href');
    // Signed out in another tab (or the session expired) while the roster was open.
    const status = await page.evaluate(async () => (await window.sb.api('POST', '/api/console-login/sign-out')).status);
    assert.equal(status, 204);

    const [response] = await Promise.all([page.waitForNavigation(), link.click()]);

    assert.equal(response.status(), 401);
    assert.match(response.headers()['content-type'], /^text\/html/);
    assert.equal(await page.locator('h1').innerText(), '请先登录');
    const body = await page.locator('body').innerText();
    assert.doesNotMatch(body, /[{}]|"status"|traceId"/, body);
    assert.equal(await page.locator('a', { hasText: '返回' }).getAttribute('href'), '/console/roster');
    // A page script's fetch of the same address (from a console page: the error page allows no scripts) gets the JSON.
    const other = await context.newPage();
    await other.goto(`${api.base}/console/login`);
    const json = await other.evaluate(async (url) => (await fetch(url)).headers.get('content-type'), href);
    assert.match(json, /^application\/problem\+json/);
    await page.screenshot({ path: join(shots, 'refused-export.png') });
    await context.close();
  });

  test('a console page and a portal page load with no failed request, and the linked icon is served', async () => {
    const { page, context } = await signInConsole(browser, api.base, 'secretary');
    const failures = watchFailures(page);
    await page.goto(`${api.base}/console`, { waitUntil: 'networkidle' });
    await page.goto(`${api.base}/portal`, { waitUntil: 'networkidle' });
    assert.deepEqual(failures, []);
    for (const path of ['/console', '/portal']) {
      await page.goto(`${api.base}${path}`);
      const icon = await page.locator('link[rel=icon]').getAttribute('href');
      assert.equal(icon, '/favicon.svg', path);
    }
    for (const path of ['/favicon.svg', '/favicon.ico']) {
      const response = await page.request.get(`${api.base}${path}`);
      assert.equal(response.status(), 200, path);
      assert.equal(response.headers()['content-type'], 'image/svg+xml', path);
      assert.match(await response.text(), /#c8161d/);
    }
    await context.close();
  });
});
