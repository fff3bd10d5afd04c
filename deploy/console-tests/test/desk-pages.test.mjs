// The console's development, study and audit pages in headless Chromium at 1366×768, signed in by scanning as the demo
// secretary: the development worklist and ledger show what the API answers; a text and a PDF material are published
// (the PDF through the chunked upload) and an assignment for a chosen member is created and listed, refusals shown in
// Chinese; the audit log filtered on the server shows only matching rows across more than one page. Screenshots go to
// screenshots/ for a reviewer (not committed).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectStatus, signIn } from '../../screen-tests/lib/api.mjs';
import { consoleAs as signInConsole, startConsole, stopConsole } from '../lib/console.mjs';

const shots = join(import.meta.dirname, '..', 'screenshots');
const suffix = Date.now().toString(36);
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

// A one-page PDF small enough to read: the API decides the type by its content (%PDF-).
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n'
  + '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

let api;
let browser;

/** A fresh browser window signed in to the console as dev-<code>: { context, page, phone }. */
const consoleAs = (code) => signInConsole(browser, api.base, code);

/** The text of every row of a table's body: one array of cell texts per row. */
function rows(page, testId) {
  return page.locator(`[data-testid=${testId}] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim())));
}

describe('console development, study and audit pages', () => {
  let secretary;
  let branchId;
  let member;

  before(async () => {
    ({ api, browser } = await startConsole(shots));
    secretary = await consoleAs('secretary');
    branchId = secretary.phone.member.branch.id;
    member = await signIn(api.base, 'dev-member');
  });

  after(() => stopConsole({ api, browser }));

  test('the development worklist and ledger show what the API answers', async () => {
    // Two applicants: one handed in the application two months ago (the first talk is overdue), one today.
    for (const [name, appliedOn] of [[`逾期申请人${suffix}`, chinaDay(-60)], [`新申请人${suffix}`, chinaDay()]]) {
      expectStatus(await secretary.phone.call('POST', '/api/development/records', {
        branchId, name, number: `D${suffix}${name.length}${appliedOn.slice(8)}`, birthDate: '2003-05-01', appliedOn,
      }), 201, `record of ${name}`);
    }
    const worklist = expectStatus(await secretary.phone.call('GET', `/api/development/units/${branchId}/worklist?on=${chinaDay()}`), 200, 'worklist');
    assert.ok(worklist.overdue.some((t) => t.name === `逾期申请人${suffix}`), JSON.stringify(worklist.overdue));

    const { page } = secretary;
    await page.goto(`${api.base}/console/development`);
    await page.locator('[data-testid=development-stages] details').first().waitFor();
    const overdue = await rows(page, 'development-overdue');
    assert.deepEqual(overdue.map((r) => [r[0], r[1], r[2]]), worklist.overdue.map((t) => [`${t.name} ${t.number}`, `${t.taskName}${t.missing ? ` 缺 ${t.missing} 次` : ''}`, t.dueOn]));
    const due = await rows(page, 'development-due');
    assert.equal(due.length, worklist.dueThisMonth.length);
    for (const stage of worklist.stages) {
      const summary = await page.locator(`[data-testid=development-stages] details[data-stage="${stage.stage}"] summary`).innerText();
      assert.match(summary, new RegExp(`${stage.name}\\s*${stage.count}\\s*人`));
    }
    const applicants = worklist.stages.find((s) => s.people.some((p) => p.name === `新申请人${suffix}`));
    await page.locator(`[data-testid=development-stages] details[data-stage="${applicants.stage}"] summary`).click();
    assert.match(await page.locator(`[data-testid=development-stages] details[data-stage="${applicants.stage}"]`).innerText(), new RegExp(`新申请人${suffix}`));
    await page.screenshot({ path: join(shots, 'development.png') });

    // The ledger the page links to is the API's, for this branch, and carries both applicants.
    const href = await page.locator('[data-testid=ledger-xlsx]').getAttribute('href');
    assert.equal(href, `/api/development/units/${branchId}/ledger?format=xlsx`);
    const xlsx = await page.request.get(`${api.base}${href}`);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()['content-type'], /spreadsheetml/);
    const csv = await page.request.get(`${api.base}/api/development/units/${branchId}/ledger?format=csv`);
    const text = await csv.text();
    assert.match(text, new RegExp(`逾期申请人${suffix}`));
    assert.match(text, new RegExp(`新申请人${suffix}`));
  });

  test('study: publish a text and a PDF, refusals in Chinese, then assign to a chosen member and see it listed', async () => {
    const { page } = secretary;
    await page.goto(`${api.base}/console/study`);
    await page.locator('[data-testid=study-materials]').locator('table, .empty').first().waitFor();

    // Without confirming it is not classified: the API's 400, in Chinese.
    const text = `党章学习资料·${suffix}`;
    await page.locator('[data-testid=material-title]').fill(text);
    await page.locator('[data-testid=material-topic]').fill('党章学习');
    await page.locator('.ql-editor').click();
    await page.keyboard.type('第一章 党员：年满十八岁的中国工人、农民、军人、知识分子……');
    await page.locator('[data-testid=material-submit]').click();
    await page.locator('#flash.error', { hasText: '请确认学习资料不涉及国家秘密' }).waitFor();

    await page.locator('[data-testid=material-confirm]').check();
    let posted = page.waitForResponse((r) => r.url().endsWith('/api/study/materials') && r.request().method() === 'POST');
    await page.locator('[data-testid=material-submit]').click();
    assert.equal((await posted).status(), 201);
    await page.locator('#flash.ok', { hasText: `已发布《${text}》` }).waitFor();
    await page.locator('[data-testid=study-materials] tr', { hasText: text }).waitFor();

    const file = `二十大报告辅导·${suffix}`;
    await page.locator('[data-testid=material-title]').fill(file);
    await page.locator('[data-testid=material-topic]').fill('理论学习');
    await page.locator('[data-testid=material-kind]').selectOption('Pdf');
    await page.locator('[data-testid=material-file]').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.locator('[data-testid=material-minutes]').fill('45');
    await page.locator('[data-testid=material-confirm]').check();
    posted = page.waitForResponse((r) => r.url().endsWith('/api/study/materials') && r.request().method() === 'POST');
    await page.locator('[data-testid=material-submit]').click();
    const published = await (await posted).json();
    await page.locator('[data-testid=study-materials] tr', { hasText: file }).waitFor();
    const read = expectStatus(await member.call('GET', `/api/study/materials/${published.id}`), 200, 'the member reads the PDF material');
    assert.equal(read.kind, 'Pdf');
    assert.ok(read.mediaUrl, 'the PDF is served');

    // An assignment without a due date: the API's 400, in Chinese; then with one, for 李明 only.
    const title = `十一月专题学习·${suffix}`;
    await page.locator('[data-testid=assignment-title]').fill(title);
    await page.locator('[data-testid=assignment-materials] label', { hasText: text }).locator('input').check();
    await page.locator('[data-testid=assignment-materials] label', { hasText: file }).locator('input').check();
    await page.locator('[data-testid=assignment-chosen]').check();
    await page.locator('[data-testid=assignment-members] label', { hasText: member.member.name }).locator('input').check();
    await page.locator('[data-testid=assignment-submit]').click();
    await page.locator('#flash.error', { hasText: '请选择截止日期' }).waitFor();

    await page.locator('[data-testid=assignment-due]').fill(chinaDay(14));
    await page.locator('[data-testid=assignment-submit]').click();
    await page.locator('#flash.ok', { hasText: `已布置学习任务《${title}》，共 1 人` }).waitFor();
    const listed = page.locator('[data-testid=study-assignments] tr', { hasText: title });
    await listed.waitFor();
    assert.match(await listed.innerText(), new RegExp(chinaDay(14)));
    assert.match(await listed.innerText(), new RegExp(`${text}、${file}|${file}、${text}`));
    await page.locator('[data-testid=assigned]', { hasText: '1' }).waitFor();
    assert.deepEqual((await rows(page, 'study-completion')).map((r) => r.slice(0, 2)), [[member.member.name, '未开始']]);
    const mine = expectStatus(await member.call('GET', '/api/study/assignments'), 200, 'the member sees the assignment');
    assert.ok(mine.items.some((a) => a.title === title && a.dueOn === chinaDay(14)));
    await page.screenshot({ path: join(shots, 'study.png') });
  });

  test('the audit log filtered on the server shows only matching rows across more than one page', async () => {
    // 55 members added, with a notice naming the same tag after every fifth: 66 entries carry the tag, 55 of them additions.
    const tag = `审计${suffix}`;
    for (let i = 0; i < 55; i++) {
      expectStatus(await secretary.phone.call('POST', `/api/org/units/${branchId}/members`, { name: `${tag}号${i}`, number: `A${suffix}${i}`, status: 'Full' }), 201, `member ${i}`);
      if (i % 5 === 4) {
        expectStatus(await secretary.phone.call('POST', '/api/notices', {
          title: `${tag}通知${i}`, body: '<p>学习安排。</p>', visibility: 'Internal', audience: { unitIds: [branchId] },
          requiresAck: false, pinned: false, confirmNotClassified: true,
        }), 201, `notice ${i}`);
      }
    }
    const everything = expectStatus(await secretary.phone.call('GET', `/api/audit?unitId=${branchId}&limit=50`), 200, 'unfiltered');
    assert.ok(everything.items.some((i) => i.action !== 'member.created'), 'the unfiltered first page mixes other actions in');

    const { page } = secretary;
    await page.goto(`${api.base}/console/audit`);
    await page.locator('[data-testid=audit-log] table').waitFor();
    await page.locator('[data-testid=audit-action]').fill('member.created');
    await page.locator('[data-testid=audit-text]').fill(tag);
    await page.locator('[data-testid=audit-from]').fill(chinaDay());
    await page.locator('[data-testid=audit-to]').fill(chinaDay());
    await page.locator('[data-testid=audit-search]').click();
    await page.locator('[data-testid=audit-count]', { hasText: '已显示 50 条' }).waitFor();
    const first = await rows(page, 'audit-log');
    assert.equal(first.length, 50);
    await page.screenshot({ path: join(shots, 'audit-filtered.png') });
    await page.locator('[data-testid=audit-more]').click();
    await page.locator('[data-testid=audit-count]', { hasText: '共 55 条' }).waitFor();
    assert.ok(await page.locator('[data-testid=audit-more]').isHidden());
    const shown = await rows(page, 'audit-log');
    assert.equal(shown.length, 55);
    for (const row of shown) {
      assert.equal(row[3], 'member.created');
      assert.match(row[5], new RegExp(tag));
      assert.equal(row[1], secretary.phone.member.name);
    }
    assert.deepEqual(shown.map((r) => r[5]).sort(), Array.from({ length: 55 }, (_, i) => `添加党员 ${tag}号${i}（A${suffix}${i}）`).sort());

    // Another subject type, with the same tag: only the notices.
    await page.locator('[data-testid=audit-action]').fill('');
    await page.locator('[data-testid=audit-type]').selectOption('notice');
    await page.locator('[data-testid=audit-search]').click();
    await page.locator('[data-testid=audit-count]', { hasText: '共 11 条' }).waitFor();
    for (const row of await rows(page, 'audit-log')) assert.match(row[4], /^通知 #\d+$/);
  });
});
