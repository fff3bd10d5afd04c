/**
 * @jest-environment jsdom
 */
// Where the app lands on start (pages/home, through session.ensureMember): a person bound only to a development record
// goes straight to their timeline, a member stays on home, an unbound stranger goes to binding. Each landing page is
// rendered with miniprogram-simulate from the data it loaded against the fake API.
const { text } = require('./render-kit');
const { MEMBER, appAs } = require('./fake-phone');
const { ACTIVIST } = require('./fixtures/development');

const HOME_ROUTES = {
  'GET /api/notices/unread-count': () => ({ count: 0 }),
  'GET /api/reminders/inbox/unread-count': () => ({ count: 0 }),
  'GET /api/meetings': () => ({ items: [], nextCursor: null }),
  'GET /api/activities': () => ({ items: [], nextCursor: null }),
};

const pathsAsked = (app) => app.wx.calls.requests.map((r) => new URL(r.url).pathname);

describe('opening the app', () => {
  test('a person bound only to a development record lands on their timeline', async () => {
    const { app } = appAs(null, Object.assign({ 'GET /api/development/me': () => ACTIVIST }, HOME_ROUTES));
    const home = await app.open('home');
    expect(app.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pkg-develop/timeline/index' }]);
    expect(home.data.member).toBeNull();

    const timeline = await app.open('timeline');
    const shown = text('timeline', timeline.data);
    ['入党积极分子', '确定为发展对象', '2027-04-10', '李明'].forEach((t) => expect(shown).toContain(t));
    expect(shown).not.toContain('绑定');
  });

  test('a member stays on home, and the development record is not asked for', async () => {
    const { app } = appAs(MEMBER, HOME_ROUTES);
    const home = await app.open('home');
    expect(app.wx.calls.navigations).toEqual([]);
    expect(home.data.member.name).toBe('李明');
    expect(pathsAsked(app).filter((p) => p.indexOf('/api/development/') === 0)).toEqual([]);
    expect(text('home', home.data)).toContain('李明');
  });

  test('an unbound stranger (no record: 404) still goes to binding', async () => {
    const { app } = appAs(null, HOME_ROUTES);
    await app.open('home');
    expect(pathsAsked(app)).toContain('/api/development/me');
    expect(app.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pages/bind/index' }]);

    const bind = await app.open('bind');
    expect(text('bind', bind.data)).toContain('绑定');
  });

  test('a failure other than 404 is shown on home, not turned into a wrong landing', async () => {
    const { app } = appAs(null, Object.assign({ 'GET /api/development/me': () => [500, { title: '服务暂不可用' }] }, HOME_ROUTES));
    await app.open('home');
    expect(app.wx.calls.navigations).toEqual([]);
  });
});
