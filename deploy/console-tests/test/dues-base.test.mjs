// The console's 党费管理 page sets a member's base for the year (PUT /api/dues/members/{id}/bases/{year}) with a
// chosen 起交月份: the demo secretary picks 李明 (dev-member) from the members without a base, enters 6,500 yuan and
// March, sees the monthly dues and the server's explanation, and 李明 leaves the 未核定 list; March is his first
// owed month and February is not owed. A base out of range shows the server's ProblemDetails detail.
// Screenshots go to screenshots/ for a reviewer (not committed).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { signIn } from '../../screen-tests/lib/api.mjs';
import { consoleAs, startConsole, stopConsole } from '../lib/console.mjs';

const shots = join(import.meta.dirname, '..', 'screenshots');

let api;
let browser;

describe('console dues base form', () => {
  let secretary;
  let member;

  before(async () => {
    ({ api, browser } = await startConsole(shots));
    secretary = await consoleAs(browser, api.base, 'secretary');
    member = (await signIn(api.base, 'dev-member')).member;
  });

  after(() => stopConsole({ api, browser }));

  test('the secretary sets a base with 起交月份; the result is shown and the member leaves the 未核定 list', async () => {
    const { page } = secretary;
    await page.goto(`${api.base}/console/dues`);
    await page.locator('[data-testid=dues-summary] [data-testid=due]').waitFor();
    const year = (await page.locator('[data-testid=dues-month]').inputValue()).slice(0, 4);
    assert.match(await page.locator('#nobase').innerText(), new RegExp(member.name));
    const option = page.locator('[data-testid=base-member] option', { hasText: `${member.name}（未核定）` });
    assert.equal(await option.count(), 1);

    const form = page.locator('[data-testid=base-form]');
    await form.locator('[data-testid=base-member]').selectOption(String(member.id));
    await form.locator('[data-testid=base-category]').selectOption('Salaried');
    assert.equal(await form.locator('[data-testid=base-owed-from]').getAttribute('min'), `${year}-01`);
    assert.equal(await form.locator('[data-testid=base-owed-from]').getAttribute('max'), `${year}-12`);

    // Out of range: the server's detail, nothing saved.
    await form.locator('[data-testid=base-yuan]').fill('20000000');
    await form.locator('[data-testid=base-submit]').click();
    await page.locator('#flash.error', { hasText: '党费基数超出范围。' }).waitFor();
    assert.match(await page.locator('#nobase').innerText(), new RegExp(member.name));

    await form.locator('[data-testid=base-yuan]').fill('6500');
    await form.locator('[data-testid=base-owed-from]').fill(`${year}-03`);
    await form.locator('[data-testid=base-submit]').click();
    await page.locator('#flash.ok', { hasText: `已核定 ${member.name} ${year} 年缴费基数：每月应缴 97.50 元，自 ${year}-03 起缴。` }).waitFor();
    assert.match(await page.locator('[data-testid=base-result]').innerText(), /1\.5%.*97\.50/);
    // The month reloads: 李明 is no longer listed without a base, and the form offers him with his first owed month.
    await page.locator('#nobase', { hasNotText: member.name }).waitFor();
    await page.locator('[data-testid=base-member] option', { hasText: member.name }).waitFor({ state: 'attached' });
    assert.deepEqual(await page.locator('[data-testid=base-member] option', { hasText: member.name }).allTextContents(), [`${member.name}（现自 ${year}-03 起缴）`]);
    assert.equal(await page.locator('[data-testid=base-member]').inputValue(), String(member.id));
    await page.screenshot({ path: join(shots, 'dues-base.png') });

    // March is the first month owed under the base, February is not.
    const unpaid = page.locator('[data-testid=dues-unpaid] tr', { hasText: member.name });
    await page.locator('[data-testid=dues-month]').fill(`${year}-03`);
    await unpaid.waitFor();
    assert.match(await unpaid.innerText(), /97\.50/);
    await page.locator('[data-testid=dues-month]').fill(`${year}-02`);
    await unpaid.waitFor({ state: 'detached' });
    assert.doesNotMatch(await page.locator('#nobase').innerText(), new RegExp(member.name));
  });
});
