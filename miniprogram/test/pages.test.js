// Page logic against a fake API: what a member and a secretary see and what the taps send.
const { createApp, event } = require('./harness');
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
const TEMPLATES = [
  { kind: 'Meeting', templateId: 'tm-meeting', remaining: 1 },
  { kind: 'Activity', templateId: 'tm-activity', remaining: 0 },
  { kind: 'Notice', templateId: 'tm-notice', remaining: 0 },
  { kind: 'LeaveDecision', templateId: 'tm-leave', remaining: 0 },
];

/** An app signed in as `who`, with extra routes; `sent` collects every non-GET body by route. */
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

describe('home', () => {
  test('a member sees no secretary actions', async () => {
    const { app } = appAs(MEMBER);
    const page = await app.open('home');
    expect(page.data.member.name).toBe('李明');
    expect(page.data.secretaryActions).toEqual([]);
  });

  test('a secretary sees the secretary actions even while other sections cannot load', async () => {
    const { app } = appAs(SECRETARY);
    const page = await app.open('home');
    expect(page.data.secretaryActions.map((a) => a.text)).toEqual(['发布通知', '安排会议', '发起活动', '组织生活达标']);
    expect(page.data.meetingsError).toBe('内容不存在或已被删除。');
    expect(app.wx.calls.modals).toEqual([]);
  });

  test('shows unread count, next meetings and open activities', async () => {
    const { app } = appAs(MEMBER, {
      'GET /api/notices/unread-count': () => ({ count: 2 }),
      'GET /api/meetings': () => ({ items: [{ id: 4, topic: '学习党章', type: 'PartyLesson', startsAt: '2026-03-02T06:30:00Z', endsAt: '2026-03-02T08:00:00Z' }] }),
      'GET /api/activities': () => [{ id: 6, title: '志愿服务', startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T04:00:00Z', enrollment: { status: 'Waitlisted', position: 2 } }],
    });
    const page = await app.open('home');
    expect(page.data.unread).toBe(2);
    expect(page.data.meetings[0]).toMatchObject({ title: '学习党章', type: '党课', when: '3月2日 14:30' });
    expect(page.data.activities[0].enrollmentText).toBe('候补第 2 位');
  });

  test('a check-in code that opens the home page goes on to check-in', async () => {
    const { app } = appAs(MEMBER);
    await app.open('home', { scene: encodeURIComponent('m=5&t=abc123') });
    expect(app.wx.calls.navigations[0]).toEqual({ type: 'navigateTo', url: '/pages/meeting-checkin/index?id=5&scene=' + encodeURIComponent('m=5&t=abc123') });
  });

  test('an invitation code that opens the home page goes to binding with its scene', async () => {
    const { app } = appAs(null);
    await app.open('home', { scene: 'inv%3DK7q2' });
    expect(app.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pages/bind/index?scene=' + encodeURIComponent('inv=K7q2') }]);
  });

  test('an unbound user is sent to binding', async () => {
    const { app } = appAs(null);
    const page = await app.open('home');
    expect(app.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pages/bind/index' }]);
    expect(page.data.member).toBeNull();
  });
});

describe('notices', () => {
  const internal = { id: 11, title: '关于开展主题党日的通知', body: '<p>正文</p>', visibility: 'Internal', branchId: 2, requiresAck: true, acked: false, publishedAt: '2026-03-01T00:00:00Z' };

  test('internal notice carries the viewer watermark and a member gets no secretary action', async () => {
    const { app, sent } = appAs(MEMBER, { 'GET /api/notices/11': () => internal, 'POST /api/notices/11/ack': () => [204] });
    const page = await app.open('notice-detail', { id: '11' });
    expect(page.data.watermark).toBe('李明 T1002');
    expect(page.data.actions).toEqual([]);

    await page.ack();
    expect(sent['POST /api/notices/11/ack']).toHaveLength(1);
    expect(page.data.view.acked).toBe(true);
  });

  test('public notice has no watermark; the secretary of its branch sees read figures', async () => {
    const { app } = appAs(SECRETARY, { 'GET /api/notices/11': () => Object.assign({}, internal, { visibility: 'Public' }) });
    const page = await app.open('notice-detail', { id: '11' });
    expect(page.data.watermark).toBe('');
    expect(page.data.actions).toEqual([{ key: 'stats', text: '阅读情况', url: '/pages/notice-stats/index?id=11' }]);
  });

  test('the secretary of another branch gets no action on it', async () => {
    const { app } = appAs(OTHER_SECRETARY, { 'GET /api/notices/11': () => Object.assign({}, internal, { visibility: 'Public' }) });
    const page = await app.open('notice-detail', { id: '11' });
    expect(page.data.actions).toEqual([]);
  });

  test('a member cannot use the compose page', async () => {
    const { app } = appAs(MEMBER);
    const page = await app.open('notice-compose');
    expect(page.data.allowed).toBe(false);
    expect(page.data.checked).toBe(true);
  });

  test('a secretary posts to their branch and lands on the read figures', async () => {
    const { app, sent } = appAs(SECRETARY, { 'POST /api/notices': () => [201, { id: 21, status: 'Published' }] });
    const page = await app.open('notice-compose');
    page.onField(event({ field: 'title' }, { value: '支部党员大会通知' }));
    page.onField(event({ field: 'body' }, { value: '周五下午召开\n请准时参加' }));
    page.onConfirm(event({}, { value: ['yes'] }));

    await page.submit();

    expect(sent['POST /api/notices'][0]).toEqual({
      title: '支部党员大会通知',
      body: '<p>周五下午召开</p><p>请准时参加</p>',
      visibility: 'Internal',
      audience: { unitIds: [2], memberIds: [] },
      requiresAck: false,
      pinned: false,
      confirmedNotClassified: true,
    });
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pages/notice-stats/index?id=21' }]);
  });

  test('the server refusal is shown with its title and detail', async () => {
    const { app } = appAs(SECRETARY, {
      'POST /api/notices': () => [422, { title: '内容未通过安全检测', detail: '标题或正文含有违规内容，请修改后再发布。', status: 422 }],
    });
    const page = await app.open('notice-compose');
    page.setData({ title: '通知', body: '正文', confirmed: true });

    expect(await page.submit()).toBeNull();
    expect(app.wx.calls.modals).toEqual([{ title: '内容未通过安全检测', content: '标题或正文含有违规内容，请修改后再发布。' }]);
  });

  test('read figures list who has not read, and remind them', async () => {
    const people = { read: [{ memberId: 1, name: '王建国' }], unread: [{ memberId: 3, name: '李明', number: 'T1002' }, { memberId: 4, name: '张华' }], acked: [] };
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/notices/11': () => internal,
      'GET /api/notices/11/recipients': (req) => ({ items: people[req.query.state] }),
      'POST /api/notices/11/remind-unread': () => ({ reminded: 2 }),
    });
    const page = await app.open('notice-stats', { id: '11' });
    expect(page.data.stats).toEqual({ read: 1, unread: 2, acked: 0, total: 3 });
    expect(page.data.unreadMembers.map((m) => m.name)).toEqual(['李明', '张华']);

    await page.remind();
    expect(sent['POST /api/notices/11/remind-unread']).toHaveLength(1);
    expect(app.wx.calls.toasts).toContain('已提醒 2 人');
  });
});

describe('activities', () => {
  const activity = { id: 6, title: '志愿服务', visibility: 'Internal', branchId: 2, startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T04:00:00Z', capacity: 10, enrollment: null };

  test('sign up asks for the activity reminder in the same tap, then enrolls', async () => {
    let enrolled = null;
    const { app, sent } = appAs(MEMBER, {
      'GET /api/activities/6': () => Object.assign({}, activity, { enrollment: enrolled }),
      'POST /api/activities/6/enrollment': () => (enrolled = { status: 'Waitlisted', position: 3 }),
    });
    const page = await app.open('activity-detail', { id: '6' });
    expect(page.data.actions).toEqual([]);

    await page.signUp();

    expect(app.wx.calls.subscribe).toEqual([['tm-activity']]);
    expect(sent['POST /api/subscriptions']).toEqual([{ results: { 'tm-activity': 'accept' } }]);
    expect(sent['POST /api/activities/6/enrollment']).toHaveLength(1);
    expect(page.data.view.enrollmentText).toBe('候补第 3 位');
    expect(app.wx.calls.toasts).toContain('已进入候补');
  });

  test('a full activity shows the server message', async () => {
    const { app } = appAs(MEMBER, {
      'GET /api/activities/6': () => activity,
      'POST /api/activities/6/enrollment': () => [409, { title: '名额已满', detail: '本活动名额已满且不设候补。', status: 409 }],
    });
    const page = await app.open('activity-detail', { id: '6' });
    await page.signUp();
    expect(app.wx.calls.modals).toEqual([{ title: '名额已满', content: '本活动名额已满且不设候补。' }]);
  });

  test('the secretary of the branch sees check-in code and attendance', async () => {
    const { app } = appAs(SECRETARY, { 'GET /api/activities/6': () => activity });
    const page = await app.open('activity-detail', { id: '6' });
    expect(page.data.actions.map((a) => a.key)).toEqual(['checkin-code', 'attendance']);
  });

  test('check in with the numeric code; a malformed code is refused before sending', async () => {
    const { app, sent } = appAs(MEMBER, { 'POST /api/activities/6/check-in': () => ({ checkedInAt: '2026-03-05T01:01:00Z' }) });
    const page = await app.open('activity-checkin', { id: '6' });
    page.onInput(event({}, { value: '12' }));
    await page.submit();
    expect(app.wx.calls.modals[0].title).toBe('签到码有误');

    page.onInput(event({}, { value: '123456' }));
    await page.submit();
    expect(sent['POST /api/activities/6/check-in']).toEqual([{ code: '123456' }]);
    expect(page.data.result).toBe('签到成功');
  });

  test('opened from the organiser code, check-in happens at once with the scene', async () => {
    const { app, sent } = appAs(MEMBER, { 'POST /api/activities/6/check-in': () => ({}) });
    const page = await app.open('activity-checkin', { scene: encodeURIComponent('a=6&t=0a1b2c3d4e5f') });
    expect(sent['POST /api/activities/6/check-in']).toEqual([{ code: 'a=6&t=0a1b2c3d4e5f' }]);
    expect(page.data.done).toBe(true);
  });

  test('organiser screen shows the numeric code and the code image', async () => {
    const { app } = appAs(SECRETARY, {
      'GET /api/activities/6': () => activity,
      'GET /api/activities/6/check-in-code': () => ({ numericCode: '042917', scene: 'a=6&t=x', imageUrl: '/api/activities/6/check-in-code/image' }),
    });
    const page = await app.open('checkin-code', { kind: 'activity', id: '6' });
    page.onUnload();
    expect(page.data.numericCode).toBe('042917');
    expect(page.data.image).toContain('check-in-code%2Fimage');
  });

  test('a member opening the organiser screen sees no code', async () => {
    const { app, sent } = appAs(MEMBER, { 'GET /api/activities/6': () => activity });
    const page = await app.open('checkin-code', { kind: 'activity', id: '6' });
    page.onUnload();
    expect(page.data.allowed).toBe(false);
    expect(page.data.numericCode).toBe('');
    expect(sent).toEqual({ 'POST /api/auth/wechat-login': [{ code: 'dev-member' }] });
  });
});

describe('meetings', () => {
  const meeting = { id: 4, topic: '学习党章', type: 'PartyLesson', visibility: 'Committee', branchId: 2, startsAt: '2026-03-02T06:30:00Z', endsAt: '2026-03-02T08:00:00Z' };

  test('viewing a meeting offers its reminder', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/meetings': () => [meeting] });
    const page = await app.open('meetings');
    await page.open(event({ id: 4 }));
    expect(app.wx.calls.subscribe).toEqual([['tm-meeting']]);
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pages/meeting-detail/index?id=4' }]);
  });

  test('ask for leave: reason required, reminder opt-in for the decision, request sent', async () => {
    const { app, sent } = appAs(MEMBER, { 'GET /api/meetings/4': () => meeting, 'POST /api/meetings/4/leave-requests': () => [201, { id: 31, status: 'Pending' }] });
    const page = await app.open('meeting-detail', { id: '4' });
    expect(page.data.watermark).toBe('李明 T1002');
    expect(page.data.view.type).toBe('党课');

    await page.askLeave();
    expect(app.wx.calls.modals[0].title).toBe('请填写请假事由');

    page.onReason(event({}, { value: '出差' }));
    await page.askLeave();
    expect(app.wx.calls.subscribe).toEqual([['tm-leave', 'tm-meeting']]);
    expect(sent['POST /api/meetings/4/leave-requests']).toEqual([{ reason: '出差' }]);
  });

  test('the secretary approves leave', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/meetings/4': () => Object.assign({}, meeting, { leaveRequests: [{ id: 31, name: '李明', reason: '出差', status: 'Pending' }] }),
      'POST /api/leave-requests/31/approve': () => [204],
    });
    const page = await app.open('leave-approval', { id: '4' });
    expect(page.data.requests[0]).toMatchObject({ name: '李明', statusText: '待审批', pending: true });
    await page.decide(event({ id: 31, verdict: 'approve' }));
    expect(sent['POST /api/leave-requests/31/approve']).toHaveLength(1);
  });

  test('attendance lists who came and checks someone in by hand', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/meetings/4': () => meeting,
      'GET /api/meetings/4/attendance': () => ({ quorate: false, attendees: [{ memberId: 3, name: '李明', status: 'Absent' }, { memberId: 2, name: '王建国', status: 'Present' }] }),
      'POST /api/meetings/4/attendees/3/check-in': () => [204],
    });
    const page = await app.open('attendance', { kind: 'meeting', id: '4' });
    expect(page.data.attendance).toMatchObject({ checkedIn: 1, total: 2, quorate: '未达到法定人数' });
    await page.checkIn(event({ id: 3, name: '李明' }));
    expect(sent['POST /api/meetings/4/attendees/3/check-in']).toHaveLength(1);
  });

  test('a member cannot open the meeting form or compliance', async () => {
    const { app } = appAs(MEMBER);
    expect((await app.open('meeting-create')).data.allowed).toBe(false);
    expect((await app.open('compliance', { unitId: '2' })).data.allowed).toBe(false);
  });
});

describe('binding and settings', () => {
  test('binds with the invitation scene, name and number, then goes home', async () => {
    let bound = false;
    const { app, sent } = appAs(null, {
      'POST /api/members/bind': () => {
        bound = true;
        return MEMBER;
      },
      'GET /api/me': () => (bound ? { needsBinding: false, member: MEMBER } : { needsBinding: true, member: null }),
    });
    const page = await app.open('bind', { scene: encodeURIComponent('inv=K7q2') });
    expect(page.data.scene).toBe('inv=K7q2');
    page.onName(event({}, { value: '李明' }));
    page.onNumber(event({}, { value: 'T1002' }));

    await page.submit();

    expect(sent['POST /api/members/bind']).toEqual([{ scene: 'inv=K7q2', name: '李明', number: 'T1002' }]);
    expect(app.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pages/home/index' }]);
  });

  test('wrong details show the server message and stay on the page', async () => {
    const { app } = appAs(null, {
      'POST /api/members/bind': () => [400, { title: '绑定失败', detail: '邀请码、姓名或工号/学号不正确。', status: 400 }],
    });
    const page = await app.open('bind', { scene: 'inv=K7q2' });
    page.setData({ name: '李明', number: 'X' });
    await page.submit();
    expect(app.wx.calls.modals).toEqual([{ title: '绑定失败', content: '邀请码、姓名或工号/学号不正确。' }]);
    expect(app.wx.calls.navigations).toEqual([]);
  });

  test('settings show what the member will be reached by', async () => {
    const { app } = appAs(MEMBER);
    const page = await app.open('settings');
    expect(page.data.items.map((i) => i.title + '：' + i.text)).toEqual(['会议提醒：微信提醒 1 次', '活动提醒：仅站内消息', '通知提醒：仅站内消息', '请假审批结果：仅站内消息']);

    await page.enable();
    expect(app.wx.calls.subscribe).toEqual([['tm-meeting', 'tm-activity', 'tm-notice']]);
  });
});
