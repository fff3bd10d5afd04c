// A phone signed in as someone, talking to a fake API: the people of the demo branch and `appAs`, shared by the
// page tests. `sent` collects every non-GET body by route ("POST /api/notices": [body, …]).
const { createApp } = require('./harness');
const { fakeApi } = require('./wx-shim');

const BRANCH = { id: 2, name: '教工第一党支部', kind: 'Branch' };
const MEMBER = { id: 3, name: '李明', number: 'T1002', status: 'Full', hasVote: true, branch: BRANCH, partyGroup: null, roles: [] };
const SECRETARY = {
  id: 2, name: '王建国', number: 'T1001', status: 'Full', hasVote: true, branch: BRANCH, partyGroup: null,
  roles: [{ unitId: 2, unitName: '教工第一党支部', role: 'Secretary', roleName: '书记', endsOn: '2027-08-31' }],
};
const OTHER_SECRETARY = {
  id: 8, name: '孙悦', number: 'S2001', status: 'Full', hasVote: true, branch: { id: 3, name: '学生第一党支部', kind: 'Branch' }, partyGroup: null,
  roles: [{ unitId: 3, unitName: '学生第一党支部', role: 'Secretary', roleName: '书记', endsOn: '2027-08-31' }],
};
const TEMPLATES = {
  nextCursor: null,
  items: [
    { kind: 'Meeting', kindName: '会议提醒', templateId: 'tm-meeting', banked: 1, reachedByWeChat: true },
    { kind: 'Activity', kindName: '活动提醒', templateId: 'tm-activity', banked: 0, reachedByWeChat: false },
    { kind: 'Notice', kindName: '通知提醒', templateId: 'tm-notice', banked: 0, reachedByWeChat: false },
    { kind: 'LeaveDecision', kindName: '请假审批结果', templateId: 'tm-leave', banked: 0, reachedByWeChat: false },
  ],
};

/** An app signed in as `who` (null: not bound yet), with extra routes. */
function appAs(who, routes, wxOptions) {
  const sent = {};
  const record = (key, fn) => (req) => {
    (sent[key] = sent[key] || []).push(req.body);
    return fn(req);
  };
  const table = Object.assign(
    {
      'POST /api/auth/wechat-login': () => ({ token: 'tok', needsBinding: !who, member: who }),
      'GET /api/me': () => ({ needsBinding: !who, member: who }),
      'GET /api/subscriptions': () => TEMPLATES,
      'POST /api/subscriptions': () => [204],
    },
    routes || {},
  );
  Object.keys(table).forEach((key) => {
    if (!key.startsWith('GET ')) table[key] = record(key, table[key]);
  });
  const app = createApp(Object.assign({ handler: fakeApi(table) }, wxOptions));
  return { app, sent };
}

/** The Idempotency-Key headers of the requests to a path (method + path, e.g. 'POST /api/notices'). */
function keysOf(app, route) {
  const [method, path] = route.split(' ');
  return app.wx.calls.requests.filter((r) => r.method === method && new URL(r.url).pathname === path).map((r) => r.header['Idempotency-Key']);
}

module.exports = { BRANCH, MEMBER, SECRETARY, OTHER_SECRETARY, TEMPLATES, appAs, keysOf };
