/**
 * @jest-environment jsdom
 */
// The committee's branch dues page sets a member's base with an optional 起交月份 (owedFrom): sent only when the
// secretary picked a month (left out, the server's default applies), dropped when the month shown moves to another
// year, and the server's Chinese refusal (400, 409) shown as it came; the selected member's current first owed month
// (the branch view's `bases`) is shown.
const { event } = require('./harness');
const { text } = require('./render-kit');
const { SECRETARY, appAs } = require('./fake-phone');

const BRANCH = { branchId: 2, branchName: '教工第一党支部', month: '2026-12', dueFen: 4500, paidFen: 0, paid: [], unpaid: [{ memberId: 3, name: '李明', amountFen: 4500, paidFen: 0 }], noBase: [{ memberId: 6, name: '刘洋', oldestUnpaid: '', flagged: false }], arrears: [], flagged: [], disputed: [], bases: [{ memberId: 3, name: '李明', owedFrom: '2026-01' }] };
const SAVED = (owedFrom) => ({ memberId: 6, year: 2026, category: 'Salaried', monthlyBaseFen: 650000, owedFrom, rateBasisPoints: 150, monthlyFen: 9750, explanation: '税后月收入6500元，按1.5%交纳97.50元' });

async function open(routes) {
  const { app, sent } = appAs(SECRETARY, Object.assign({
    'GET /api/dues/branches/2': () => BRANCH,
    'GET /api/dues/members/6/payments': () => ({ items: [], nextCursor: null }),
    'GET /api/dues/members/3/payments': () => ({ items: [], nextCursor: null }),
  }, routes));
  const page = await app.open('pkg-dues/branch');
  await page.onMonth(event({}, { value: '2026-12' }));
  await page.select(event({ id: 6, name: '刘洋' }));
  page.onField(event({ field: 'baseYuan' }, { value: '6500' }));
  return { app, sent, page };
}

describe('起交月份 on the branch dues page', () => {
  test('a chosen month is sent as owedFrom and the saved first month shown; without one the body leaves it out', async () => {
    const { app, sent, page } = await open({ 'PUT /api/dues/members/6/bases/2026': (req) => SAVED(req.body.owedFrom || '2026-12') });
    expect(page.data.baseYear).toBe('2026');
    expect(page.data.owedFrom).toBe('');
    expect(text('pkg-dues/branch', page.data)).toContain('起交月份（不选则按规定：上年已有基数的自 1 月起，否则自设置当月起）按规定');
    page.onOwedFrom(event({}, { value: '2026-01' }));
    expect(text('pkg-dues/branch', page.data)).toContain('2026-01恢复按规定');
    await page.setBase();
    expect(sent['PUT /api/dues/members/6/bases/2026']).toEqual([{ category: 'Salaried', monthlyBaseFen: 650000, owedFrom: '2026-01' }]);
    expect(app.wx.calls.modals.pop()).toEqual({ title: '已保存', content: '税后月收入6500元，按1.5%交纳97.50元\n自 2026-01 起交' });

    await page.select(event({ id: 6, name: '刘洋' }));
    expect(page.data.owedFrom).toBe('');
    page.onField(event({ field: 'baseYuan' }, { value: '6500' }));
    page.onOwedFrom(event({}, { value: '2026-03' }));
    page.clearOwedFrom();
    await page.setBase();
    expect(sent['PUT /api/dues/members/6/bases/2026'][1]).toEqual({ category: 'Salaried', monthlyBaseFen: 650000 });
    expect(app.wx.calls.modals.pop().content).toBe('税后月收入6500元，按1.5%交纳97.50元\n自 2026-12 起交');
  });

  test('the selected member\'s current first owed month is shown from the branch view; none for a member without a base', async () => {
    const { page } = await open({});
    expect(page.data.selected).toEqual({ id: 6, name: '刘洋', owedFrom: '' });
    expect(text('pkg-dues/branch', page.data)).not.toContain('现自');
    await page.select(event({ id: 3, name: '李明' }));
    expect(page.data.selected).toEqual({ id: 3, name: '李明', owedFrom: '2026-01' });
    expect(text('pkg-dues/branch', page.data)).toContain('现自 2026-01 起交');
  });

  test('a month of another year is dropped when the month shown moves to another year', async () => {
    const { page } = await open({});
    page.onOwedFrom(event({}, { value: '2026-05' }));
    await page.onMonth(event({}, { value: '2026-11' }));
    expect(page.data.owedFrom).toBe('2026-05');
    await page.onMonth(event({}, { value: '2027-01' }));
    expect(page.data).toMatchObject({ owedFrom: '', baseYear: '2027' });
  });

  test.each([
    [400, '请求有误', '起交月份必须在2026年内。'],
    [409, '党费基数已由支委会核定', '2026年的党费基数已由支委会核定，如需调整请联系支部组织委员。'],
  ])('a %i shows the server\'s Chinese title and detail and keeps the form', async (status, title, detail) => {
    const { app, sent, page } = await open({ 'PUT /api/dues/members/6/bases/2026': () => [status, { title, detail, status }] });
    page.onOwedFrom(event({}, { value: '2026-02' }));
    expect(await page.setBase()).toBeNull();
    expect(sent['PUT /api/dues/members/6/bases/2026']).toEqual([{ category: 'Salaried', monthlyBaseFen: 650000, owedFrom: '2026-02' }]);
    expect(app.wx.calls.modals.pop()).toMatchObject({ title, content: detail });
    expect(page.data.selected).toEqual({ id: 6, name: '刘洋', owedFrom: '' });
    expect(page.data.owedFrom).toBe('2026-02');
  });
});
