const { createApp } = require('./harness');
const { fakeApi } = require('./wx-shim');

const member = { id: 3, name: '李明', number: 'T1002', status: 'Full', hasVote: true, branch: { id: 2, name: '教工第一党支部', kind: 'Branch' }, partyGroup: null, roles: [] };

/** A server that issues token "t<n>" per login and accepts only the latest one. */
function server(extra) {
  let issued = 0;
  const state = { valid: null, logins: [] };
  const routes = Object.assign(
    {
      'POST /api/auth/wechat-login': (req) => {
        state.logins.push(req.body.code);
        if (req.body.code === 'bad') return [400, { title: '登录凭证无效', detail: '登录凭证已过期或已被使用，请重新打开小程序登录。', status: 400 }];
        state.valid = 't' + ++issued;
        return { token: state.valid, expiresAt: '2030-01-01T00:00:00Z', needsBinding: false, member };
      },
      'GET /api/me': (req) => (req.token === state.valid ? { needsBinding: false, member } : [401, '']),
    },
    extra || {},
  );
  return { state, handler: fakeApi(routes) };
}

describe('API client', () => {
  test('signs in with wx.login when there is no token and keeps the token in storage', async () => {
    const api = server();
    const app = createApp({ handler: api.handler, loginCode: 'dev-member' });
    const client = app.load('api/client');

    const me = await client.get('/api/me');

    expect(me.member.name).toBe('李明');
    expect(api.state.logins).toEqual(['dev-member']);
    expect(app.wx.getStorageSync(client.TOKEN_KEY)).toBe('t1');
    expect(app.wx.calls.requests[1].header.Authorization).toBe('Bearer t1');
  });

  test('reuses the stored token without signing in again', async () => {
    const api = server();
    const app = createApp({ handler: api.handler });
    const client = app.load('api/client');
    await client.get('/api/me');

    await client.get('/api/me');

    expect(app.wx.calls.logins).toBe(1);
  });

  test('signs in again once on 401 and retries the request', async () => {
    const api = server();
    const app = createApp({ handler: api.handler });
    const client = app.load('api/client');
    app.wx.setStorageSync(client.TOKEN_KEY, 'expired');

    const me = await client.get('/api/me');

    expect(me.member.number).toBe('T1002');
    expect(app.wx.calls.logins).toBe(1);
    expect(app.wx.calls.requests.map((r) => r.method + ' ' + new URL(r.url).pathname)).toEqual(['GET /api/me', 'POST /api/auth/wechat-login', 'GET /api/me']);
    expect(app.wx.getStorageSync(client.TOKEN_KEY)).toBe('t1');
  });

  test('gives up after one re-login when the server keeps answering 401', async () => {
    const api = server({ 'GET /api/notices': () => [401, ''] });
    const app = createApp({ handler: api.handler });
    const client = app.load('api/client');
    app.wx.setStorageSync(client.TOKEN_KEY, 'expired');

    const err = await client.get('/api/notices').catch((e) => e);

    expect(err.title).toBe('登录已失效');
    expect(app.wx.calls.logins).toBe(1);
    expect(app.wx.calls.requests.filter((r) => r.url.endsWith('/api/notices'))).toHaveLength(2);
  });

  test('concurrent 401s share one re-login', async () => {
    const api = server();
    const app = createApp({ handler: api.handler });
    const client = app.load('api/client');
    app.wx.setStorageSync(client.TOKEN_KEY, 'expired');

    await Promise.all([client.get('/api/me'), client.get('/api/me'), client.get('/api/me')]);

    expect(app.wx.calls.logins).toBe(1);
  });

  test('rejects with the ProblemDetails title and detail of the server', async () => {
    const api = server({
      'POST /api/notices': () => [422, { title: '内容涉密', detail: '通知带有密级标志“机密★”，涉密内容不得在线发布。', status: 422 }],
    });
    const app = createApp({ handler: api.handler });
    const client = app.load('api/client');

    const err = await client.post('/api/notices', { title: '机密★' }).catch((e) => e);

    expect(err).toBeInstanceOf(client.ApiError);
    expect(err.status).toBe(422);
    expect(err.title).toBe('内容涉密');
    expect(err.detail).toBe('通知带有密级标志“机密★”，涉密内容不得在线发布。');
  });

  test('shows validation errors as Chinese lines', async () => {
    const api = server({
      'POST /api/activities': () => [400, { title: '请求参数有误', status: 400, errors: { title: ['请填写活动名称。'], place: ['请填写地点。'] } }],
    });
    const app = createApp({ handler: api.handler });
    const client = app.load('api/client');

    const err = await client.post('/api/activities', {}).catch((e) => e);
    client.showError(err);

    expect(app.wx.calls.modals).toEqual([{ title: '请求参数有误', content: '请填写活动名称。；请填写地点。' }]);
  });

  test('never shows a raw status code when the body is not ProblemDetails', async () => {
    const api = server({ 'GET /api/boom': () => [502, '<html>Bad Gateway</html>'] });
    const app = createApp({ handler: api.handler });
    const client = app.load('api/client');

    const err = await client.get('/api/boom').catch((e) => e);
    client.showError(err);

    const shown = app.wx.calls.modals[0];
    expect(shown.title).toBe('服务暂时不可用');
    expect(shown.title + shown.content).not.toMatch(/\d{3}/);
  });

  test('reports a failed sign-in with the server message', async () => {
    const api = server();
    const app = createApp({ handler: api.handler, loginCode: 'bad' });
    const client = app.load('api/client');

    const err = await client.get('/api/me').catch((e) => e);

    expect(err.title).toBe('登录凭证无效');
    expect(app.wx.getStorageSync(client.TOKEN_KEY)).toBe('');
  });

  test('reports a network failure in Chinese', async () => {
    const app = createApp({
      handler: () => {
        throw new Error('ECONNREFUSED');
      },
    });
    const client = app.load('api/client');

    const err = await client.get('/api/me').catch((e) => e);

    expect(err.network).toBe(true);
    expect(err.title).toBe('网络连接失败');
  });

  test('sends the query string and resolves null for 204', async () => {
    const seen = [];
    const api = server({
      'GET /api/activities': (req) => {
        seen.push(req.query);
        return { items: [] };
      },
      'POST /api/auth/logout': () => [204],
    });
    const app = createApp({ handler: api.handler });
    const client = app.load('api/client');

    await app.load('api/activities').list('mine');
    const out = await client.post('/api/auth/logout');

    expect(seen).toEqual([{ scope: 'mine' }]);
    expect(out).toBeNull();
  });
});

describe('config', () => {
  test('the emulator sign-in code applies in develop only', async () => {
    for (const [envVersion, expected] of [['develop', 'dev-secretary'], ['trial', 'wx-code'], ['release', 'wx-code']]) {
      const api = server();
      const app = createApp({ handler: api.handler, envVersion, loginCode: 'wx-code' });
      app.load('config/env').setDevLoginCode('dev-secretary');
      await app.load('api/client').get('/api/me');
      expect([envVersion, api.state.logins]).toEqual([envVersion, [expected]]);
    }
  });

  test.each([
    ['develop', 'http://127.0.0.1:5080'],
    ['trial', 'https://trial-api.smartbranch.example.edu.cn'],
    ['release', 'https://api.smartbranch.example.edu.cn'],
  ])('uses the %s base URL', (envVersion, url) => {
    const app = createApp({ handler: () => ({ statusCode: 200, data: {} }), envVersion });
    const config = app.load('config/env');
    config.setBaseUrl(null);

    expect(config.envVersion()).toBe(envVersion);
    expect(config.baseUrl()).toBe(url);
  });
});
