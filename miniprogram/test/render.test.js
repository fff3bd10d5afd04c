/**
 * @jest-environment jsdom
 */
// Renders the pages' WXML with miniprogram-simulate: what a member and a secretary actually see.
const { createApp, pagePaths } = require('./harness');
const { render } = require('./render-kit');
const { fakeApi } = require('./wx-shim');

const BRANCH = { id: 2, name: '教工第一党支部', kind: 'Branch' };
const MEMBER = { id: 3, name: '李明', number: 'T1002', status: 'Full', branch: BRANCH, partyGroup: null, roles: [] };
const SECRETARY = { id: 2, name: '王建国', number: 'T1001', status: 'Full', branch: BRANCH, partyGroup: null, roles: [{ unitId: 2, unitName: '教工第一党支部', role: 'Secretary', roleName: '书记', endsOn: '2027-08-31' }] };

function phoneAs(who, routes) {
  return createApp({
    handler: fakeApi(Object.assign({ 'POST /api/auth/wechat-login': () => ({ token: 't', needsBinding: false, member: who }), 'GET /api/me': () => ({ needsBinding: false, member: who }) }, routes)),
  });
}

describe('rendered pages', () => {
  test.each(pagePaths())('%s renders with its initial data', (page) => {
    const comp = render(page, {});
    expect(comp.dom).toBeTruthy();
  });

  test('the secretary home shows 支部工作 with its actions; the member home does not', async () => {
    const secretary = await phoneAs(SECRETARY).open('home');
    const member = await phoneAs(MEMBER).open('home');

    const seen = render('home', secretary.data).dom.textContent;
    const memberSees = render('home', member.data).dom.textContent;

    expect(seen).toContain('支部工作');
    expect(seen).toContain('发布通知');
    expect(memberSees).toContain('李明，您好');
    expect(memberSees).not.toContain('支部工作');
    expect(memberSees).not.toContain('发布通知');
  });

  test('an internal notice shows the viewer watermark over its text and a sign-off button', async () => {
    const notice = { id: 11, title: '关于开展主题党日的通知', body: '<p>正文</p>', visibility: 'Internal', unitId: 2, requiresAck: true, me: { readAt: 'x', ackedAt: null } };
    const page = await phoneAs(MEMBER, { 'GET /api/notices/11': () => notice }).open('notice-detail', { id: '11' });

    const comp = render('notice-detail', page.data);

    expect(comp.dom.textContent).toContain('关于开展主题党日的通知');
    expect(comp.dom.textContent).toContain('签收');
    expect(comp.dom.textContent).not.toContain('阅读情况');
    expect(comp.dom.innerHTML).toContain('李明 T1002');
  });

  test('the sending secretary sees what the dues records say before approving a transfer, or that there is none', async () => {
    const transfer = (id, duesOnRecord) => ({ id, kind: 'Inside', state: 'Requested', stateName: '待转出支部审批', memberId: 3 + id, memberName: id === 41 ? '李明' : '张华',
      from: { id: 2, name: '教工第一党支部' }, to: { id: 3, name: '学生第一党支部' }, canApprove: true, duesOnRecord });
    const page = await phoneAs(SECRETARY, {
      'GET /api/transfers': () => ({ items: [transfer(41, { paidThrough: '2026-09', text: '党费记录显示已交至2026年9月' }), transfer(42, { paidThrough: null, text: '本系统没有该党员的党费交纳记录' })], nextCursor: null }),
      'GET /api/org/units': () => ({ items: [], nextCursor: null }),
    }).open('transfers');

    const text = render('transfers', page.data).dom.textContent;

    expect(text).toContain('党费记录显示已交至2026年9月');
    expect(text).toContain('本系统没有该党员的党费交纳记录');
  });

  test('the read figures page lists who has not read', async () => {
    const page = await phoneAs(SECRETARY, {
      'GET /api/notices/11': () => ({ id: 11, title: '通知', visibility: 'Internal', unitId: 2 }),
      'GET /api/notices/11/recipients': () => ({ figures: { audience: 3, read: 1, unread: 2, acked: 0 }, members: [{ memberId: 3, name: '李明', number: 'T1002' }, { memberId: 4, name: '张华', number: 'T1003' }] }),
    }).open('notice-stats', { id: '11' });

    const text = render('notice-stats', page.data).dom.textContent;

    expect(text).toContain('尚未阅读（2）');
    expect(text).toContain('张华');
    expect(text).toContain('提醒未读人员');
  });
});
