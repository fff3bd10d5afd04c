/**
 * @jest-environment jsdom
 */
// Members and the publicities (公示) of member development: 我的 links to the running ones (GET /api/development/publicity),
// a member sends an objection (POST /publicity/{id}/objections) that only the committee reads, and the server's refusal
// (the publicity has ended) is shown on the item. Rendered with miniprogram-simulate.
const { text, openFromMe } = require('./render-kit');
const { MEMBER, appAs } = require('./fake-phone');

const RUNNING = {
  items: [
    { id: 41, recordId: 22, personName: '钱程', branchId: 2, before: 'Admission', beforeName: '接收预备党员', startsOn: '2026-06-01', endsOn: '2026-06-05', workingDays: 5, running: true },
  ],
  nextCursor: null,
};

describe('a member', () => {
  test('finds the running publicities from 我的 and sees whose and before which step', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/development/publicity': () => RUNNING });
    await openFromMe(app, '发展党员公示', '/pkg-develop/publicities/index');
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pkg-develop/publicities/index' }]);

    const page = await app.open('publicities');
    expect(page.data.items).toEqual([{ id: 41, name: '钱程', title: '接收预备党员前公示', period: '2026-06-01 至 2026-06-05（5个工作日）', running: true }]);
    const shown = text('publicities', page.data);
    ['钱程 · 接收预备党员前公示', '2026-06-01 至 2026-06-05（5个工作日）', '提出异议', '仅支部委员会可见'].forEach((t) => expect(shown).toContain(t));
  });

  test('sends an objection, which the page then shows as sent', async () => {
    const { app, sent } = appAs(MEMBER, {
      'GET /api/development/publicity': () => RUNNING,
      'POST /api/development/publicity/41/objections': () => [201, { id: 1, createdAt: '2026-06-03T09:00:00+08:00' }],
    });
    const page = await app.open('publicities');
    page.toggle({ currentTarget: { dataset: { id: 41 } } });
    await page.submit();
    expect(page.data.error).toEqual({ title: '请补充信息', detail: '请填写异议内容。' });
    expect(sent['POST /api/development/publicity/41/objections']).toBeUndefined();

    page.onText({ detail: { value: '  该同志曾有考试作弊记录 ' } });
    await page.submit();
    expect(sent['POST /api/development/publicity/41/objections']).toEqual([{ text: '该同志曾有考试作弊记录' }]);
    expect(page.data).toMatchObject({ openId: '', text: '', error: null, sent: { 41: true } });
    expect(text('publicities', page.data)).toContain('已提交异议，支部委员会将核实处理');
  });

  test('sees the server\'s refusal when the publicity has ended', async () => {
    const { app } = appAs(MEMBER, {
      'GET /api/development/publicity': () => RUNNING,
      'POST /api/development/publicity/41/objections': () => [409, { title: '公示已结束', detail: '该公示不在公示期内，无法提出异议。' }],
    });
    const page = await app.open('publicities');
    page.toggle({ currentTarget: { dataset: { id: 41 } } });
    page.onText({ detail: { value: '有异议' } });
    await page.submit();
    expect(page.data.error).toEqual({ title: '公示已结束', detail: '该公示不在公示期内，无法提出异议。' });
    expect(page.data.sent).toEqual({});
    expect(text('publicities', page.data)).toContain('该公示不在公示期内，无法提出异议。');
  });

  test('sees a note when nothing is running', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/development/publicity': () => ({ items: [], nextCursor: null }) });
    const page = await app.open('publicities');
    expect(text('publicities', page.data).trim()).toBe('目前没有正在进行的公示');
  });

  test('someone not bound is sent to binding and the publicities are not asked for', async () => {
    const { app } = appAs(null, { 'GET /api/development/publicity': () => RUNNING });
    await app.open('publicities');
    expect(app.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pages/bind/index' }]);
    expect(app.wx.calls.requests.map((r) => new URL(r.url).pathname)).not.toContain('/api/development/publicity');
  });
});
