// End to end: the pages driven through the real API (started by test/global-setup.js on its embedded
// defaults with the demo data), wx.request doing real HTTP.
const { createApp } = require('./harness');
const { realHttp } = require('./wx-shim');

const BASE = process.env.SB_API_URL;

/** A phone signed in with a demo wx.login code (see README: dev-member, dev-secretary, …). */
function phone(code) {
  return createApp({ handler: realHttp, loginCode: code }, BASE);
}

describe('sign-in and roles against the real API', () => {
  test('the demo secretary sees the secretary actions, the demo member does not', async () => {
    const secretary = await phone('dev-secretary').open('home');
    const member = await phone('dev-member').open('home');

    expect(secretary.data.member).toMatchObject({ name: '王建国', number: 'T1001' });
    expect(secretary.data.roleText).toBe('教工第一党支部 书记');
    expect(secretary.data.secretaryActions.map((a) => a.text)).toEqual(['发布通知', '待审核通知', '安排会议', '发起活动', '组织生活达标', '更多工作']);

    expect(member.data.member).toMatchObject({ name: '李明', number: 'T1002' });
    expect(member.data.secretaryActions).toEqual([]);
  });

  test('secretary pages open for the secretary with their own branch only, and stay closed to the member', async () => {
    const secretary = await phone('dev-secretary').open('notice-compose');
    const member = await phone('dev-member').open('notice-compose');

    expect(secretary.data.allowed).toBe(true);
    expect(secretary.data.branches.map((b) => b.name)).toEqual(['教工第一党支部']);
    expect(member.data.allowed).toBe(false);
  });

  test('a secretary of another branch gets no actions on this branch', async () => {
    const app = phone('dev-student-secretary');
    const roles = app.load('logic/roles');
    const home = await app.open('home');
    const teacherBranchId = (await phone('dev-member').open('me')).data.member.branch.id;

    expect(home.data.secretaryActions).toHaveLength(6);
    expect(roles.canManageBranch(home.data.member, home.data.member.branch.id)).toBe(true);
    expect(roles.itemActions(home.data.member, 'notice', { id: 1, branchId: teacherBranchId })).toEqual([]);
  });

  test('the me page shows profile, membership and branch', async () => {
    const me = await phone('dev-member').open('me');

    expect(me.data.member.branch.name).toBe('教工第一党支部');
    expect(me.data.statusText).toBe('正式党员');
    expect(me.data.roles).toEqual([]);
  });

  test('an expired token is replaced by one silent re-login', async () => {
    const app = phone('dev-member');
    const client = app.load('api/client');
    app.wx.setStorageSync(client.TOKEN_KEY, 'not-a-valid-token');

    const page = await app.open('me');

    expect(page.data.member.name).toBe('李明');
    expect(app.wx.calls.logins).toBe(1);
    expect(app.wx.getStorageSync(client.TOKEN_KEY)).not.toBe('not-a-valid-token');
    expect(app.wx.calls.modals).toEqual([]);
  });

  test('after logout the next request signs in again silently', async () => {
    const app = phone('dev-member');
    const session = app.load('logic/session');
    const client = app.load('api/client');
    await app.open('me');
    const token = app.wx.getStorageSync(client.TOKEN_KEY);

    await session.logout();
    app.wx.setStorageSync(client.TOKEN_KEY, token); // a stale copy, as another page might hold
    const me = await session.load(true);

    expect(me.member.name).toBe('李明');
    expect(app.wx.calls.logins).toBe(2);
  });

  test('a rejected login shows the server ProblemDetails, never a status code', async () => {
    const app = phone('abc');
    const page = await app.open('home');

    expect(page.data.member).toBeNull();
    expect(app.wx.calls.modals).toHaveLength(1);
    expect(app.wx.calls.modals[0].title).toBe('登录凭证无效');
    expect(app.wx.calls.modals[0].content).toBe('登录凭证已过期或已被使用，请重新打开小程序登录。');
  });

  test('an unbound WeChat user is sent to binding', async () => {
    const app = phone('dev-newcomer-' + Date.now());
    await app.open('home');
    const bind = await app.open('bind', {});

    expect(app.wx.calls.navigations[0]).toEqual({ type: 'reLaunch', url: '/pages/bind/index' });
    expect(bind.data.bound).toBe(false);
  });
});
