// Page logic against a fake API: what a member and a secretary see and what the taps send.
const { event } = require('./harness');
const { BRANCH, MEMBER, SECRETARY, OTHER_SECRETARY, appAs } = require('./fake-phone');

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
    expect(page.data.secretaryActions.map((a) => a.text)).toEqual(['发布通知', '待审核通知', '安排会议', '发起活动', '组织生活达标', '更多工作']);
    expect(page.data.meetingsError).toBe('内容不存在或已被删除。');
    expect(app.wx.calls.modals).toEqual([]);
  });

  test('shows unread count, next meetings and open activities', async () => {
    const { app } = appAs(MEMBER, {
      'GET /api/notices/unread-count': () => ({ unread: 2, awaitingAck: 1 }),
      'GET /api/inbox/unread-count': () => ({ unread: 5 }),
      'GET /api/meetings': () => ({ items: [{ id: 4, topic: '学习党章', type: 'PartyLesson', typeName: '党课', startsAt: '2026-03-02T06:30:00Z', endsAt: '2026-03-02T08:00:00Z' }] }),
      'GET /api/activities': () => ({ scope: 'open', items: [{ id: 6, title: '志愿服务', startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T04:00:00Z', capacity: 10, confirmedCount: 10, myStatus: 'Waitlisted', myWaitlistPosition: 2 }] }),
    });
    const page = await app.open('home');
    expect(page.data.unread).toBe(2);
    expect(page.data.inboxUnread).toBe(5);
    expect(page.data.meetings[0]).toMatchObject({ title: '学习党章', type: '党课', when: '3月2日 14:30' });
    expect(page.data.activities[0]).toMatchObject({ enrollmentText: '候补第 2 位', places: '10/10' });
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
  const internal = { id: 11, title: '关于开展主题党日的通知', body: '<p>正文</p>', visibility: 'Internal', status: 'Published', unitId: 2, unitName: '教工第一党支部', requiresAck: true, publishedAt: '2026-03-01T00:00:00Z', edited: false, version: 1, me: { isRecipient: true, readAt: '2026-03-01T01:00:00Z', ackedAt: null }, canManage: false };

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
    expect(page.data.actions.map((a) => a.url)).toEqual(['/pkg-secretary/notice-stats/index?id=11', '/pkg-secretary/notice-edit/index?id=11']);
  });

  test('opened from a share card, the opening is recorded; sharing a public notice carries a share id', async () => {
    const { app, sent } = appAs(MEMBER, {
      'GET /api/notices/11': () => Object.assign({}, internal, { visibility: 'Public' }),
      'POST /api/shares/abc123/open': () => [204],
      'POST /api/shares': () => ({ shareId: 'xyz', path: 'pages/notice-detail/index?id=11&share=xyz' }),
    });
    const page = await app.open('notice-detail', { id: '11', share: 'abc123' });
    expect(sent['POST /api/shares/abc123/open']).toHaveLength(1);

    const card = page.onShareAppMessage();
    expect(await card.promise).toEqual({ title: '关于开展主题党日的通知', path: '/pages/notice-detail/index?id=11&share=xyz' });
    expect(sent['POST /api/shares']).toEqual([{ subjectType: 'notice', subjectId: 11 }]);
  });

  test('an internal notice is shared without a share id (it stays inside the organisation)', async () => {
    const { app, sent } = appAs(MEMBER, { 'GET /api/notices/11': () => internal });
    const page = await app.open('notice-detail', { id: '11' });
    expect(page.onShareAppMessage()).toEqual({ title: '关于开展主题党日的通知', path: '/pages/notice-detail/index?id=11' });
    expect(sent['POST /api/shares']).toBeUndefined();
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
      confirmNotClassified: true,
    });
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-secretary/notice-stats/index?id=21' }]);
  });

  test('a secretary can address chosen party groups of the branch', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units': () => ({ nextCursor: null, items: [{ id: 1, kind: 'GeneralBranch', name: '信息学院党总支', children: [{ id: 2, kind: 'Branch', name: '教工第一党支部', children: [{ id: 5, kind: 'PartyGroup', name: '教工第一党小组' }, { id: 6, kind: 'PartyGroup', name: '教工第二党小组' }] }, { id: 3, kind: 'Branch', name: '学生第一党支部', children: [{ id: 7, kind: 'PartyGroup', name: '本科生党小组' }] }] }] }),
      'POST /api/notices': () => [201, { id: 22 }],
    });
    const page = await app.open('notice-compose');
    expect(page.data.groups.map((g) => g.name)).toEqual(['教工第一党小组', '教工第二党小组']);
    page.onAudienceMode(event({}, { value: '1' }));
    page.onGroups(event({}, { value: ['6'] }));
    page.setData({ title: '党小组会通知', body: '正文', confirmed: true });

    await page.submit();
    expect(sent['POST /api/notices'][0].audience).toEqual({ unitIds: [6], memberIds: [] });
  });

  test('a secretary can address chosen members of the branch, found by name', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units/2/members': () => ({ nextCursor: null, items: [
        { id: 2, name: '王建国', number: 'T1001', partyGroup: { id: 5, name: '教工第一党小组' } },
        { id: 3, name: '李明', number: 'T1002', partyGroup: { id: 5, name: '教工第一党小组' } },
        { id: 4, name: '张华', number: 'T1003', partyGroup: { id: 6, name: '教工第二党小组' } },
      ] }),
      'POST /api/notices': () => [201, { id: 25 }],
    });
    const page = await app.open('notice-compose');
    page.onAudienceMode(event({}, { value: '2' }));
    page.setData({ title: '个别谈话安排', body: '正文', confirmed: true });
    expect(await page.submit()).toBeNull();
    expect(app.wx.calls.modals).toEqual([{ title: '无法发布', content: '请至少选择一名党员，或改为发给全支部。' }]);

    page.onMemberQuery(event({}, { value: '张' }));
    expect(page.data.shownPeople.map((p) => p.name)).toEqual(['张华']);
    page.toggleMember(event({ id: 4 }));
    page.onMemberQuery(event({}, { value: 'T1002' }));
    page.toggleMember(event({ id: 3 }));
    page.onMemberQuery(event({}, { value: '' }));
    expect(page.data.shownPeople.filter((p) => p.checked).map((p) => p.name)).toEqual(['李明', '张华']);

    await page.submit();
    expect(sent['POST /api/notices'][0].audience).toEqual({ unitIds: [], memberIds: [4, 3] });
  });

  test('the committee edits a posted notice; the typed text round-trips and the change is sent with the pin', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/notices/11': () => Object.assign({}, internal, { body: '<p>第一段</p><p>第二段</p>', canManage: true }),
      'PUT /api/notices/11': () => ({ id: 11, version: 2, status: 'Published', holdReason: null }),
    });
    const page = await app.open('notice-edit', { id: '11' });
    expect(page.data).toMatchObject({ allowed: true, title: '关于开展主题党日的通知', body: '第一段\n第二段', pinned: false });
    page.onField(event({ field: 'body' }, { value: '第一段\n第二段（时间改为周五）' }));
    expect(await page.save()).toBeNull();
    expect(app.wx.calls.modals[0].content).toBe('请确认通知内容不涉及国家秘密。');

    page.onConfirm(event({}, { value: ['yes'] }));
    await page.save();
    expect(sent['PUT /api/notices/11']).toEqual([{ title: '关于开展主题党日的通知', body: '<p>第一段</p><p>第二段（时间改为周五）</p>', pinned: false, confirmNotClassified: true }]);
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pages/notice-detail/index?id=11' }]);
  });

  test('the committee withdraws a notice after confirming; a member cannot open the edit page', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/notices/11': () => Object.assign({}, internal, { canManage: true }),
      'POST /api/notices/11/withdraw': () => [204],
    });
    const page = await app.open('notice-edit', { id: '11' });
    app.wx.state.confirm = false;
    expect(await page.withdraw()).toBe(false);
    expect(sent['POST /api/notices/11/withdraw']).toBeUndefined();
    app.wx.state.confirm = true;
    expect(await page.withdraw()).toBe(true);
    expect(app.wx.calls.confirms.map((c) => c.title)).toEqual(['撤回通知', '撤回通知']);
    expect(sent['POST /api/notices/11/withdraw']).toHaveLength(1);
    expect(page.data.withdrawn).toBe(true);

    const member = appAs(MEMBER, { 'GET /api/notices/11': () => internal }).app;
    expect((await member.open('notice-edit', { id: '11' })).data.allowed).toBe(false);
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

  test('one submission keeps one Idempotency-Key through a refusal and a retry; the next form gets a new one', async () => {
    let answers = [[503, { title: '服务繁忙', detail: '请稍后再试。', status: 503 }], [201, { id: 23, status: 'Published' }]];
    const { app } = appAs(SECRETARY, { 'POST /api/notices': () => answers.shift() });
    const page = await app.open('notice-compose');
    page.setData({ title: '通知', body: '正文', confirmed: true });

    expect(await page.submit()).toBeNull();
    expect(await page.submit()).toMatchObject({ id: 23 });

    const keys = app.wx.calls.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/notices')).map((r) => r.header['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[!-~]{1,128}$/);
    expect(keys[1]).toBe(keys[0]);

    answers = [[201, { id: 24, status: 'Published' }]];
    const next = await app.open('notice-compose');
    next.setData({ title: '另一则通知', body: '正文', confirmed: true });
    await next.submit();
    const third = app.wx.calls.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/notices')).map((r) => r.header['Idempotency-Key'])[2];
    expect(third).not.toBe(keys[0]);
  });

  test('a notice held for review is approved by another committee member', async () => {
    let pending = [{ id: 12, title: '关于某事的通知', visibility: 'Internal', holdReason: 'ContentReview', createdAt: '2026-03-01T02:00:00Z', authorName: '张华', canApprove: true }];
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/notices/pending': () => ({ items: pending }),
      'POST /api/notices/12/approve': () => {
        pending = [];
        return { id: 12, status: 'Published', recipientCount: 7 };
      },
    });
    const page = await app.open('notice-approval');
    expect(page.data.items[0]).toMatchObject({ title: '关于某事的通知', author: '张华', reason: '内容需人工复核', canApprove: true });

    await page.approve(event({ id: 12 }));
    expect(sent['POST /api/notices/12/approve']).toHaveLength(1);
    expect(page.data.items).toEqual([]);
  });

  test('a member cannot open the approval page', async () => {
    const { app } = appAs(MEMBER);
    const page = await app.open('notice-approval');
    expect(page.data.allowed).toBe(false);
    expect(app.wx.calls.requests.some((r) => r.url.endsWith('/api/notices/pending'))).toBe(false);
  });

  test('read figures list who has not read, and remind them', async () => {
    const people = { read: [{ memberId: 1, name: '王建国' }], unread: [{ memberId: 3, name: '李明', number: 'T1002' }, { memberId: 4, name: '张华' }], acked: [] };
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/notices/11': () => internal,
      'GET /api/notices/11/recipients': (req) => ({ figures: { audience: 3, read: 1, unread: 2, acked: 0, notAcked: 3 }, state: 'Unread', members: people[req.query.state] }),
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
  const activity = { id: 6, unitId: 2, unitName: '教工第一党支部', title: '志愿服务', visibility: 'Internal', status: 'Scheduled', startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T04:00:00Z', capacity: 10, waitingList: true, confirmedCount: 10, waitingCount: 2, myEnrollment: null, canSignUp: true, canManage: false };

  test('sign up asks for the activity reminder in the same tap, then enrolls', async () => {
    let enrolled = null;
    const { app, sent } = appAs(MEMBER, {
      'GET /api/activities/6': () => Object.assign({}, activity, { myEnrollment: enrolled }),
      'POST /api/activities/6/enrollment': () => (enrolled = { activityId: 6, status: 'Waitlisted', waitlistPosition: 3, signedUpAt: '2026-03-01T00:00:00Z', confirmedAt: null, checkedInAt: null }),
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
      'GET /api/activities/6/check-in-code': () => ({ scene: 'a=6&t=x', numericCode: '042917', expiresAt: '2026-03-05T01:01:00Z', imageUrl: '/api/activities/6/check-in-code/image' }),
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

describe('list pages', () => {
  const notice = (id) => ({ id, title: '通知' + id, visibility: 'Internal', publishedAt: '2026-03-01T00:00:00Z', me: {} });

  test('the next page loads at the bottom with the cursor; pulling down starts again from the first page', async () => {
    const pages = { '': { items: [notice(1), notice(2)], nextCursor: 'c2' }, c2: { items: [notice(3)], nextCursor: null } };
    const { app } = appAs(MEMBER, { 'GET /api/notices': (req) => pages[req.query.cursor || ''] });
    const page = await app.open('notices');
    expect(page.data.items.map((n) => n.id)).toEqual([1, 2]);
    expect(page.data.done).toBe(false);

    await page.onReachBottom();
    expect(page.data.items.map((n) => n.id)).toEqual([1, 2, 3]);
    expect(page.data.done).toBe(true);
    await page.onReachBottom();
    expect(app.wx.calls.requests.filter((r) => r.url.indexOf('/api/notices') >= 0).map((r) => r.url.replace('http://api.test', ''))).toEqual(['/api/notices?limit=20', '/api/notices?cursor=c2&limit=20']);

    pages[''] = { items: [notice(4), notice(1)], nextCursor: 'c2' };
    await page.onPullDownRefresh();
    expect(page.data.items.map((n) => n.id)).toEqual([4, 1]);
    expect(page.data.done).toBe(false);
  });

  test('meetings load the next page at the bottom, with the same scope, until nextCursor is null', async () => {
    const meeting = (id) => ({ id, type: 'PartyLesson', topic: '党课' + id, startsAt: '2026-03-02T06:30:00Z', endsAt: '2026-03-02T08:00:00Z' });
    const pages = { '': { items: [meeting(1), meeting(2)], nextCursor: 'c2' }, c2: { items: [meeting(3)], nextCursor: null } };
    const { app } = appAs(MEMBER, { 'GET /api/meetings': (req) => pages[req.query.cursor || ''] });
    const page = await app.open('meetings');
    expect(page.data.items.map((m) => m.id)).toEqual([1, 2]);
    expect(page.data.done).toBe(false);
    await page.onReachBottom();
    expect(page.data.items.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(page.data.done).toBe(true);
    await page.onReachBottom();
    expect(app.wx.calls.requests.filter((r) => r.url.indexOf('/api/meetings') >= 0).map((r) => r.url.replace('http://api.test', ''))).toEqual(['/api/meetings?scope=upcoming', '/api/meetings?scope=upcoming&cursor=c2']);
  });

  test('a last page (nextCursor null) ends the list; switching scope reloads', async () => {
    const meeting = (id) => ({ id, type: 'PartyLesson', topic: '党课' + id, startsAt: '2026-03-02T06:30:00Z', endsAt: '2026-03-02T08:00:00Z' });
    const { app } = appAs(MEMBER, { 'GET /api/meetings': (req) => (req.query.scope === 'past' ? { items: [meeting(7)], nextCursor: null } : { items: [meeting(5), meeting(6)], nextCursor: null }) });
    const page = await app.open('meetings');
    expect(page.data).toMatchObject({ done: true, nextCursor: null });
    expect(page.data.items.map((m) => m.id)).toEqual([5, 6]);
    await page.switchScope(event({ scope: 'past' }));
    expect(page.data.items.map((m) => m.id)).toEqual([7]);
  });
});

describe('activity form', () => {
  const UNITS = [{ id: 2, kind: 'Branch', name: '教工第一党支部', children: [{ id: 5, kind: 'PartyGroup', name: '教工第一党小组' }, { id: 6, kind: 'PartyGroup', name: '教工第二党小组' }] }];
  const routes = (extra) => Object.assign({ 'GET /api/org/units': () => ({ items: UNITS, nextCursor: null }), 'GET /api/org/units/2/members': () => ({ nextCursor: null, items: [{ id: 3, name: '李明', number: 'T1002' }, { id: 4, name: '张华', number: 'T1003' }] }), 'POST /api/activities': () => [201, { id: 50 }] }, extra);

  test('a two-day activity with a sign-up deadline, for chosen party groups', async () => {
    const { app, sent } = appAs(SECRETARY, routes());
    const page = await app.open('activity-create');
    page.setData({ title: '红色研学', place: '井冈山', capacity: '30' });
    page.onStartDate(event({}, { value: '2099-05-08' }));
    expect(page.data.endDate).toBe('2099-05-08');
    page.onField(event({ field: 'endDate' }, { value: '2099-05-09' }));
    page.onField(event({ field: 'startTime' }, { value: '08:00' }));
    page.onField(event({ field: 'endTime' }, { value: '17:00' }));
    page.onField(event({ field: 'signUpDate' }, { value: '2099-05-01' }));
    page.onField(event({ field: 'signUpTime' }, { value: '12:00' }));
    page.onAudienceMode(event({}, { value: '1' }));
    page.onGroups(event({}, { value: ['5', '6'] }));

    await page.submit();
    const body = sent['POST /api/activities'][0];
    expect(body).toMatchObject({
      unitId: 2, title: '红色研学', place: '井冈山', capacity: 30,
      startsAt: '2099-05-08T08:00:00+08:00', endsAt: '2099-05-09T17:00:00+08:00', signUpClosesAt: '2099-05-01T12:00:00+08:00',
      audience: { unitIds: [5, 6], memberIds: [] },
    });
    expect(new Date(body.signUpOpensAt) < new Date(body.signUpClosesAt)).toBe(true);
    expect(app.wx.calls.requests.filter((r) => r.url.endsWith('/api/activities'))[0].header['Idempotency-Key']).toMatch(/^[!-~]+$/);
  });

  test('without a deadline sign-up closes at the start; chosen members are the audience', async () => {
    const { app, sent } = appAs(SECRETARY, routes());
    const page = await app.open('activity-create');
    page.setData({ title: '谈心谈话', place: '党员活动室', date: '2099-06-01', endDate: '2099-06-01' });
    page.onAudienceMode(event({}, { value: '2' }));
    page.toggleMember(event({ id: 4 }));
    await page.submit();
    expect(sent['POST /api/activities'][0]).toMatchObject({ signUpClosesAt: '2099-06-01T14:00:00+08:00', audience: { unitIds: [], memberIds: [4] } });
  });

  test('a deadline after the end, or an end before the start, is refused before sending', async () => {
    const { app, sent } = appAs(SECRETARY, routes());
    const page = await app.open('activity-create');
    page.setData({ title: '志愿服务', place: '社区', date: '2099-06-01', endDate: '2099-06-01', signUpDate: '2099-06-02' });
    expect(await page.submit()).toBeNull();
    page.setData({ signUpDate: '', endDate: '2099-05-31' });
    expect(await page.submit()).toBeNull();
    expect(app.wx.calls.modals.map((m) => m.content)).toEqual(['报名截止时间不能晚于活动结束时间。', '结束时间必须晚于开始时间。']);
    expect(sent['POST /api/activities']).toBeUndefined();
  });
});

describe('meetings', () => {
  const meeting = { id: 4, type: 'PartyLesson', typeName: '党课', branchId: 2, unitId: 2, topic: '学习党章', visibility: 'Committee', status: 'Scheduled', startsAt: '2026-03-02T06:30:00Z', endsAt: '2026-03-02T08:00:00Z', myLeave: null, canOrganize: false };

  test('viewing a meeting offers its reminder', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/meetings': () => ({ items: [meeting], nextCursor: null }) });
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
      'GET /api/meetings/4': () => meeting,
      'GET /api/meetings/4/attendance': () => ({ meetingId: 4, expected: 2, attendees: [{ memberId: 3, name: '李明', number: 'T1002', hasVote: true, status: null, statusName: null, checkedInAt: null, leave: { id: 31, memberId: 3, reason: '出差', status: 'Pending' } }, { memberId: 2, name: '王建国', number: 'T1001', hasVote: true, status: null, statusName: null, leave: null }] }),
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
      'GET /api/meetings/4/attendance': () => ({ meetingId: 4, expected: 2, present: 1, quorum: { counted: 2, present: 1, required: 2, isQuorate: false }, attendees: [{ memberId: 3, name: '李明', number: 'T1002', hasVote: true, status: null, statusName: null, checkedInAt: null, leave: null }, { memberId: 2, name: '王建国', number: 'T1001', hasVote: true, status: 'Present', statusName: '出席', checkedInAt: '2026-03-02T06:29:00Z', leave: null }] }),
      'POST /api/meetings/4/attendees/3/check-in': () => [204],
    });
    const page = await app.open('attendance', { kind: 'meeting', id: '4' });
    expect(page.data.attendance).toMatchObject({ checkedIn: 1, total: 2, quorate: '未达到法定人数' });
    await page.checkIn(event({ id: 3, name: '李明' }));
    expect(sent['POST /api/meetings/4/attendees/3/check-in']).toHaveLength(1);
  });

  test('the organiser screen of a meeting shows the code image sent inline', async () => {
    const { app } = appAs(SECRETARY, {
      'GET /api/meetings/4': () => meeting,
      'GET /api/meetings/4/check-in-code': () => ({ numericCode: '551203', scene: 'm=4&t=x', page: 'pages/meeting-checkin/index', expiresAt: '2026-03-02T06:31:00Z', imageBase64: 'iVBORw0KGgo=' }),
    });
    const page = await app.open('checkin-code', { kind: 'meeting', id: '4' });
    page.onUnload();
    expect(page.data.numericCode).toBe('551203');
    expect(page.data.image).toBe('data:image/png;base64,iVBORw0KGgo=');
  });

  test('a late meeting check-in says so', async () => {
    const { app } = appAs(MEMBER, { 'POST /api/meetings/4/check-in': () => ({ meetingId: 4, memberId: 3, status: 'Late', statusName: '迟到', checkedInAt: '2026-03-02T06:45:00Z' }) });
    const page = await app.open('meeting-checkin', { id: '4' });
    page.onInput(event({}, { value: '551203' }));
    await page.submit();
    expect(page.data.result).toBe('签到成功（迟到）');
  });

  test('compliance shows required against held per type for the branch', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units/2/compliance': () => ({
        unitId: 2, unitName: '教工第一党支部', from: '2026-01-01', to: '2026-03-31',
        branches: [{ branchId: 2, branchName: '教工第一党支部', inactive: true, rows: [
          { type: 'CommitteeMeeting', typeName: '支委会', required: 3, held: 2, missing: ['2026-02'] },
          { type: 'PartyLesson', typeName: '党课', required: 1, held: 1, missing: [] },
        ] }],
      }),
    });
    const page = await app.open('compliance', { unitId: '2' });
    expect(page.data.inactive).toBe(true);
    expect(page.data.rows.map((r) => [r.label, r.held + '/' + r.required, r.ok, r.missing])).toEqual([['支委会', '2/3', false, '2026-02'], ['党课', '1/1', true, '']]);
    expect(sent).toEqual({ 'POST /api/auth/wechat-login': [{ code: 'dev-member' }] });
  });

  const UNITS = [{ id: 1, kind: 'GeneralBranch', name: '信息学院党总支', children: [{ id: 2, kind: 'Branch', name: '教工第一党支部', children: [{ id: 5, kind: 'PartyGroup', name: '教工第一党小组' }, { id: 6, kind: 'PartyGroup', name: '教工第二党小组' }] }] }];
  const GROUP_LEADER = Object.assign({}, MEMBER, { id: 5, name: '陈静', number: 'T1004', roles: [{ unitId: 6, unitName: '教工第二党小组', role: 'GroupLeader', roleName: '党小组长', endsOn: '2027-08-31' }] });
  const typeIndex = (page, value) => page.data.types.findIndex((t) => t.value === value);

  test('a 党小组会 is held by the chosen party group, not by the branch', async () => {
    const { app, sent } = appAs(SECRETARY, { 'GET /api/org/units': () => ({ items: UNITS, nextCursor: null }), 'POST /api/meetings': () => [201, { id: 40 }] });
    const page = await app.open('meeting-create');
    page.onType(event({}, { value: typeIndex(page, 'PartyGroupMeeting') }));
    expect(page.data.groupMeeting).toBe(true);
    expect(page.data.groups.map((g) => g.name)).toEqual(['教工第一党小组', '教工第二党小组']);
    page.onIndex(event({ field: 'groupIndex' }, { value: '1' }));
    page.setData({ topic: '党小组学习', place: '302', date: '2026-03-10', startTime: '14:00', endTime: '15:00' });

    await page.submit();
    expect(sent['POST /api/meetings'][0]).toMatchObject({ unitId: 6, type: 'PartyGroupMeeting', topic: '党小组学习' });
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pages/meeting-detail/index?id=40' }]);
  });

  test('other meeting types are held by the branch', async () => {
    const { app, sent } = appAs(SECRETARY, { 'GET /api/org/units': () => ({ items: UNITS, nextCursor: null }), 'POST /api/meetings': () => [201, { id: 41 }] });
    const page = await app.open('meeting-create');
    page.onType(event({}, { value: typeIndex(page, 'CommitteeMeeting') }));
    expect(page.data.groupMeeting).toBe(false);
    page.setData({ topic: '支委会', place: '302' });
    await page.submit();
    expect(sent['POST /api/meetings'][0]).toMatchObject({ unitId: 2, type: 'CommitteeMeeting' });
  });

  test('a branch without party groups cannot hold a 党小组会 and is told so before sending', async () => {
    const { app, sent } = appAs(SECRETARY, { 'GET /api/org/units': () => ({ nextCursor: null, items: [{ id: 2, kind: 'Branch', name: '教工第一党支部' }] }) });
    const page = await app.open('meeting-create', { type: 'PartyGroupMeeting' });
    page.setData({ topic: '党小组学习', place: '302' });
    expect(await page.submit()).toBeNull();
    expect(app.wx.calls.modals).toEqual([{ title: '无法保存', content: '该支部还没有党小组，无法安排党小组会。' }]);
    expect(sent['POST /api/meetings']).toBeUndefined();
  });

  test('a party group leader convenes their own group\'s meeting from the home page', async () => {
    const { app, sent } = appAs(GROUP_LEADER, { 'POST /api/meetings': () => [201, { id: 42 }] });
    const home = await app.open('home');
    expect(home.data.secretaryActions).toEqual([{ key: 'meeting-create', text: '召开党小组会', url: '/pkg-secretary/meeting-create/index?type=PartyGroupMeeting' }]);

    const page = await app.open('meeting-create', { type: 'PartyGroupMeeting' });
    expect(page.data.allowed).toBe(true);
    expect(page.data.branches).toEqual([]);
    expect(page.data.types.map((t) => t.label)).toEqual(['党小组会']);
    expect(page.data.groups).toEqual([{ id: 6, name: '教工第二党小组' }]);
    page.setData({ topic: '党小组学习', place: '302' });
    await page.submit();
    expect(sent['POST /api/meetings'][0]).toMatchObject({ unitId: 6, type: 'PartyGroupMeeting' });
  });

  test('a group leader organises the meeting the server says they organise', async () => {
    const { app } = appAs(GROUP_LEADER, { 'GET /api/meetings/42': () => Object.assign({}, meeting, { id: 42, type: 'PartyGroupMeeting', unitId: 6, canOrganize: true }) });
    const page = await app.open('meeting-detail', { id: '42' });
    expect(page.data.actions.map((a) => a.key)).toEqual(['checkin-code', 'attendance', 'leave', 'minutes']);
  });

  test('a member cannot open the meeting form or compliance', async () => {
    const { app } = appAs(MEMBER);
    expect((await app.open('meeting-create')).data.allowed).toBe(false);
    expect((await app.open('compliance', { unitId: '2' })).data.allowed).toBe(false);
  });
});

describe('inbox, minutes and me', () => {
  test('opening an inbox message marks it read and opens what it is about', async () => {
    const { app, sent } = appAs(MEMBER, {
      'GET /api/inbox': () => ({ items: [{ id: 41, title: '会议提醒', body: '明天14:30 学习党章', subjectType: 'meeting', subjectId: 4, link: 'pages/meeting/detail?id=4', createdAt: '2026-03-01T06:30:00Z', read: false }], nextCursor: null }),
      'POST /api/inbox/41/read': () => [204],
    });
    const page = await app.open('inbox');
    expect(page.data.items[0]).toMatchObject({ title: '会议提醒', unread: true, when: '3月1日 14:30' });

    await page.open(event({ index: 0 }));
    expect(sent['POST /api/inbox/41/read']).toHaveLength(1);
    expect(page.data.items[0].unread).toBe(false);
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pages/meeting-detail/index?id=4' }]);
  });

  const meeting = { id: 4, topic: '学习党章', type: 'PartyLesson', visibility: 'Internal', branchId: 2 };
  const minutes = { meetingId: 4, isPublished: true, content: '定稿', revisions: [{ number: 1, content: '初稿', author: { id: 2, name: '王建国' }, at: '2026-03-02T09:00:00Z' }, { number: 2, content: '定稿', author: { id: 2, name: '王建国' }, at: '2026-03-03T09:00:00Z' }] };

  test('members read minutes with every revision in order but cannot edit', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/meetings/4': () => meeting, 'GET /api/meetings/4/minutes': () => minutes });
    const page = await app.open('minutes', { id: '4' });
    expect(page.data.content).toBe('定稿');
    expect(page.data.revisions.map((r) => r.no + r.content)).toEqual(['1初稿', '2定稿']);
    expect(page.data.canEdit).toBe(false);
    expect(page.data.watermark).toBe('李明 T1002');
  });

  test('the secretary writes a new revision', async () => {
    const { app, sent } = appAs(SECRETARY, { 'GET /api/meetings/4': () => meeting, 'GET /api/meetings/4/minutes': () => minutes, 'PUT /api/meetings/4/minutes': () => [204] });
    const page = await app.open('minutes', { id: '4' });
    expect(page.data.canEdit).toBe(true);
    page.edit();
    page.onDraft(event({}, { value: '定稿（补充决议）' }));
    await page.save();
    expect(sent['PUT /api/meetings/4/minutes']).toEqual([{ content: '定稿（补充决议）', publish: true }]);
  });

  test('before the meeting starts the secretary can only save a draft, not publish', async () => {
    const future = Object.assign({}, meeting, { startsAt: new Date(Date.now() + 3600 * 1000).toISOString() });
    const { app, sent } = appAs(SECRETARY, { 'GET /api/meetings/4': () => future, 'PUT /api/meetings/4/minutes': () => [200, { content: '提纲', isPublished: false, revisions: [] }] });
    const page = await app.open('minutes', { id: '4' });
    expect(page.data).toMatchObject({ canEdit: true, canPublish: false });
    page.edit();
    page.onDraft(event({}, { value: '提纲' }));
    await page.save();
    expect(sent['PUT /api/meetings/4/minutes']).toEqual([{ content: '提纲', publish: false }]);
    expect(app.wx.calls.toasts).toContain('草稿已保存');
  });

  test('no minutes yet is shown as such, not as an error', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/meetings/4': () => meeting });
    const page = await app.open('minutes', { id: '4' });
    expect(page.data.content).toBe('');
    expect(app.wx.calls.modals).toEqual([]);
  });

  test('me shows my sign-ups and attendance', async () => {
    const { app } = appAs(MEMBER, {
      'GET /api/activities': (req) => ({ scope: req.query.scope, items: req.query.scope === 'mine' ? [{ id: 6, title: '志愿服务', myStatus: 'Confirmed', myCheckedInAt: '2026-03-05T01:01:00Z' }] : [] }),
      'GET /api/meetings': (req) => ({ items: req.query.scope === 'mine' ? [{ id: 4, topic: '学习党章', typeName: '党课', myAttendance: 'Late' }] : [] }),
    });
    const page = await app.open('me');
    expect(page.data.statusText).toBe('正式党员');
    expect(page.data.myActivities.map((a) => a.title + (a.checkedIn ? '已签到' : ''))).toEqual(['志愿服务已签到']);
    expect(page.data.myMeetings.map((m) => m.title + m.attendanceText)).toEqual(['学习党章迟到']);
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

describe('transfers', () => {
  const inside = {
    id: 41, kind: 'Inside', state: 'Requested', stateName: '待转出支部审批', memberId: 3, memberName: '李明',
    from: { id: 2, name: '教工第一党支部' }, to: { id: 3, name: '学生第一党支部' }, canApprove: false, canAccept: false,
  };
  const units = [{ id: 1, name: '信息学院党总支', kind: 'GeneralBranch', children: [BRANCH, { id: 3, name: '学生第一党支部', kind: 'Branch', children: [] }] }];

  test('a member sees the state of their transfer and cannot ask for a second one', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/transfers': () => ({ items: [inside], nextCursor: null }), 'GET /api/org/units': () => ({ items: units, nextCursor: null }) });
    const page = await app.open('transfers');
    expect(page.data.rows[0]).toMatchObject({ name: '李明', mine: true, stateName: '待转出支部审批', route: '教工第一党支部 → 学生第一党支部', canApprove: false });
    expect(page.data.hasOpen).toBe(true);
  });

  test('a member asks to move to another branch of the school', async () => {
    const { app, sent } = appAs(MEMBER, {
      'GET /api/transfers': () => ({ items: [], nextCursor: null }),
      'GET /api/org/units': () => ({ items: units, nextCursor: null }),
      'POST /api/transfers': () => [201, inside],
    });
    const page = await app.open('transfers');
    expect(page.data.branches).toEqual([{ id: 3, name: '学生第一党支部' }]);
    page.input(event({ field: 'reason' }, { value: '工作调动' }));
    await page.request();
    expect(sent['POST /api/transfers']).toEqual([{ kind: 'Inside', toBranchId: 3, reason: '工作调动' }]);
  });

  test('the sending secretary approves and the receiving one returns with a reason', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/transfers': () => ({ items: [Object.assign({}, inside, { canApprove: true, duesOnRecord: { paidThrough: '2026-02', text: '党费记录显示已交至2026年2月' } })], nextCursor: null }),
      'GET /api/org/units': () => ({ items: units, nextCursor: null }),
      'POST /api/transfers/41/approve': () => Object.assign({}, inside, { state: 'Approved' }),
      'POST /api/transfers/41/return': () => Object.assign({}, inside, { state: 'Returned' }),
    });
    const page = await app.open('transfers');
    expect(page.data.rows[0]).toMatchObject({ canApprove: true, canReturn: true, mine: false });
    // The approver sees what the dues records say (approving with no month takes that month on the server).
    expect(page.data.rows[0].duesOnRecord).toBe('党费记录显示已交至2026年2月');
    await page.act(event({ id: 41, verb: 'approve' }));
    page.input(event({ field: 'returnReason' }, { value: '材料不全' }));
    await page.act(event({ id: 41, verb: 'return' }));
    expect(sent['POST /api/transfers/41/approve']).toEqual([{ duesPaidUpTo: null }]);
    expect(sent['POST /api/transfers/41/return']).toEqual([{ reason: '材料不全' }]);
  });
});

describe('dues', () => {
  const OWED = {
    memberId: 3, name: '李明', year: 2026,
    basis: { category: 'Salaried', baseFen: 450000, rateBasisPoints: 100, ruleMonthlyFen: 4500, monthlyFen: 4500, explanation: '税后月收入¥4500.00，按1%交纳，每月¥45.00' },
    unpaid: [{ month: '2026-01', amountFen: 4500 }, { month: '2026-02', amountFen: 4500 }, { month: '2026-03', amountFen: 4500 }],
    unpaidFen: 13500,
    payable: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => ({ month: '2026-' + m, amountFen: 4500 })),
    arrears: { consecutiveMonths: 2, oldestUnpaid: '2026-01', flagged: false },
    paidUpTo: null, openOrders: [],
  };
  const ORDER = {
    payment: { id: 9, outTradeNo: 'DUES20260302090000ABCDEFGH', amountFen: 13500, months: ['2026-01', '2026-02', '2026-03'], status: 'Pending' },
    requestPayment: { appId: 'wx00emulator00000', timeStamp: '1772413200', nonceStr: 'N1', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'c2lnbg==' },
  };

  test('shows what the member owes and why, and the three ways to pay', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/dues/me': () => OWED, 'GET /api/dues/me/payments': () => ({ items: [], nextCursor: null }) });
    const page = await app.open('dues');
    expect(page.data.monthly).toBe('45.00');
    expect(page.data.explanation).toContain('按1%交纳');
    expect(page.data.unpaidTotal).toBe('135.00');
    expect(page.data.choices.map((c) => [c.through, c.amount])).toEqual([['2026-01', '45.00'], ['2026-03', '135.00'], ['2026-12', '540.00']]);
  });

  test('paying a quarter sends the month, calls wx.requestPayment with the signed parameters and reloads', async () => {
    let paid = false;
    const { app, sent } = appAs(MEMBER, {
      'GET /api/dues/me': () => (paid ? Object.assign({}, OWED, { unpaid: [], unpaidFen: 0 }) : OWED),
      'GET /api/dues/me/payments': () => ({ nextCursor: null, items: paid ? [{ id: 9, method: 'WeChatPay', status: 'Paid', amountFen: 13500, months: ['2026-01', '2026-02', '2026-03'], receiptNumber: '4200000001' }] : [] }),
      'POST /api/dues/me/payments': () => {
        paid = true;
        return ORDER;
      },
    });
    const page = await app.open('dues');
    await page.pay(event({ through: '2026-03' }));
    expect(sent['POST /api/dues/me/payments']).toEqual([{ through: '2026-03' }]);
    expect(app.wx.calls.payments).toEqual([{ timeStamp: '1772413200', nonceStr: 'N1', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'c2lnbg==' }]);
    expect(app.wx.calls.toasts).toContain('支付成功');
    expect(page.data.unpaid).toEqual([]);
    expect(page.data.payments[0]).toMatchObject({ months: '2026-01 至 2026-03', amount: '135.00', status: '已交纳', method: '微信支付', receipt: '4200000001' });
  });

  test('a cancelled payment says nothing and marks nothing paid', async () => {
    const { app } = appAs(MEMBER, {
      'GET /api/dues/me': () => OWED,
      'GET /api/dues/me/payments': () => ({ items: [], nextCursor: null }),
      'POST /api/dues/me/payments': () => ORDER,
    }, { paymentAnswer: 'cancel' });
    const page = await app.open('dues');
    await page.pay(event({ through: '2026-01' }));
    expect(app.wx.calls.toasts).toEqual([]);
    expect(app.wx.calls.modals).toEqual([]);
    expect(page.data.unpaid.length).toBe(3);
  });

  test('says so when no base is set for the year', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/dues/me': () => Object.assign({}, OWED, { basis: null, unpaid: [], unpaidFen: 0, payable: [] }), 'GET /api/dues/me/payments': () => ({ items: [], nextCursor: null }) });
    const page = await app.open('dues');
    expect(page.data.explanation).toBe('本年度党费基数尚未确定，请联系组织委员。');
    expect(page.data.choices).toEqual([]);
  });
});
