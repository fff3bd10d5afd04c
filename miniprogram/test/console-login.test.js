// The scan-to-login confirmation page (pkg-console/confirm): who, which browser, when; confirm or refuse once.
const { createApp } = require('./harness');
const { fakeApi } = require('./wx-shim');

const MEMBER = { id: 2, name: '王建国', number: 'T1001', status: 'Full', hasVote: true, branch: { id: 2, name: '教工第一党支部', kind: 'Branch' }, partyGroup: null, roles: [] };
const TICKET = 'clAbCdEfGhIjKlMnOpQrStUv';
const PAGE = 'pkg-console/confirm/index';

function phone(routes) {
  const sent = [];
  const table = Object.assign({
    'POST /api/auth/wechat-login': () => ({ token: 'tok', needsBinding: false, member: MEMBER }),
    'GET /api/me': () => ({ needsBinding: false, member: MEMBER }),
  }, routes);
  Object.keys(table).forEach((key) => {
    const fn = table[key];
    table[key] = (req) => { if (key.startsWith('POST /api/console-login/')) sent.push(key.replace(TICKET, '{t}')); return fn(req); };
  });
  return { app: createApp({ handler: fakeApi(table) }), sent };
}

describe('console login confirmation', () => {
  test('shows who signs in, the browser and the time in China time, then confirms once', async () => {
    const { app, sent } = phone({
      [`GET /api/console-login/tickets/${TICKET}`]: () => ({ ticket: TICKET, memberName: '王建国', browser: 'Chrome（Windows）', shownAt: '2026-03-02T01:05:00Z', expiresAt: '2026-03-02T01:07:00Z' }),
      [`POST /api/console-login/tickets/${TICKET}/confirm`]: () => [204],
    });
    const page = await app.open(PAGE, { scene: TICKET });
    expect(page.data.state).toBe('ask');
    expect(page.data.info.memberName).toBe('王建国');
    expect(page.data.info.browser).toBe('Chrome（Windows）');
    expect(page.data.shownAt).toBe('09:05');

    await page.confirm();
    expect(sent).toEqual(['POST /api/console-login/tickets/{t}/confirm']);
    expect(page.data.state).toBe('done');
    expect(page.data.message).toBe('已确认，电脑端正在登录。');
  });

  test('refuses', async () => {
    const { app, sent } = phone({
      [`GET /api/console-login/tickets/${TICKET}`]: () => ({ ticket: TICKET, memberName: '王建国', browser: 'Edge（Windows）', shownAt: '2026-03-02T01:05:00Z', expiresAt: '2026-03-02T01:07:00Z' }),
      [`POST /api/console-login/tickets/${TICKET}/refuse`]: () => [204],
    });
    const page = await app.open(PAGE, { scene: TICKET });
    await page.refuse();
    expect(sent).toEqual(['POST /api/console-login/tickets/{t}/refuse']);
    expect(page.data.message).toBe('已拒绝本次登录。');
  });

  test('says an expired ticket has expired, with nothing to confirm', async () => {
    const { app } = phone({
      [`GET /api/console-login/tickets/${TICKET}`]: () => [404, { title: '未找到', detail: '登录二维码已过期，请在电脑上刷新后重新扫码。' }],
    });
    const page = await app.open(PAGE, { scene: TICKET });
    expect(page.data.state).toBe('done');
    expect(page.data.message).toBe('登录二维码已过期，请在电脑上刷新后重新扫码。');
  });
});
