/**
 * @jest-environment jsdom
 */
// A training contact or introducer finds the people in development assigned to them from 我的
// (GET /api/development/assigned) and opens a record; a member assigned to nobody is told so. Rendered with
// miniprogram-simulate.
const { text, openFromMe } = require('./render-kit');
const { MEMBER, appAs } = require('./fake-phone');

const ASSIGNED = {
  items: [
    { id: 22, name: '陈思远', branchId: 2, stage: 'Activist', stageName: '入党积极分子', role: 'TrainingContact' },
    { id: 31, name: '何雨桐', branchId: 2, stage: 'Candidate', stageName: '发展对象', role: 'Introducer' },
  ],
  nextCursor: null,
};

describe('a contact', () => {
  test('finds the people assigned to them from 我的 and opens a record', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/development/assigned': () => ASSIGNED });
    await openFromMe(app, '我联系的发展对象', '/pkg-develop/assigned/index');

    const page = await app.open('assigned');
    expect(page.data.items).toEqual([
      { id: 22, name: '陈思远', stageName: '入党积极分子', roleText: '培养联系人' },
      { id: 31, name: '何雨桐', stageName: '发展对象', roleText: '入党介绍人' },
    ]);
    const shown = text('assigned', page.data);
    ['陈思远', '入党积极分子 · 我是培养联系人', '何雨桐', '发展对象 · 我是入党介绍人'].forEach((t) => expect(shown).toContain(t));

    page.open({ currentTarget: { dataset: { id: 22 } } });
    expect(app.wx.calls.navigations.map((n) => n.url)).toEqual(['/pkg-develop/assigned/index', '/pkg-develop/person/index?id=22']);
  });

  test('a member assigned to nobody is told so', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/development/assigned': () => ({ items: [], nextCursor: null }) });
    const page = await app.open('assigned');
    expect(text('assigned', page.data)).toContain('支部还没有指定您为培养联系人或入党介绍人');
  });
});
