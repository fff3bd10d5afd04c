// What every console suite does first: start the API and Chromium, and sign a browser window in to the console by
// scanning its login code with a phone (the WeChat emulator's dev-<code> member confirms the ticket).
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../screen-tests/lib/browser.mjs';
import { expectStatus, signIn, startApi } from '../../screen-tests/lib/api.mjs';

/** The API and a browser for a suite; screenshots go to `shots` (created). Stop both with stopConsole. */
export async function startConsole(shots) {
  mkdirSync(shots, { recursive: true });
  const api = await startApi();
  try {
    return { api, browser: await launchChromium() };
  } catch (err) {
    await api.stop();
    throw err;
  }
}

export async function stopConsole({ api, browser } = {}) {
  await browser?.close();
  await api?.stop();
}

/** A fresh browser window (1366×768, China time) signed in to the console as dev-<code>: { context, page, phone }. */
export async function consoleAs(browser, base, code) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${base}/console/login`);
  const login = page.locator('#login[data-ticket]');
  await login.waitFor();
  await page.locator('#login-code').evaluate((img) => img.complete || new Promise((ok) => { img.onload = ok; }));
  const ticket = await login.getAttribute('data-ticket');
  const phone = await signIn(base, `dev-${code}`);
  expectStatus(await phone.call('POST', `/api/console-login/tickets/${ticket}/confirm`), 204, 'confirm the ticket');
  await page.waitForURL(`${base}/console`);
  return { context, page, phone };
}
