const { createApp } = require('./harness');
const { fakeApi } = require('./wx-shim');

const role = (unitId, r, unitName) => ({ unitId, unitName: unitName || '教工第一党支部', role: r, roleName: '', endsOn: '2027-08-31' });
const person = (roles) => ({ id: 1, name: '王建国', number: 'T1001', branch: { id: 2, name: '教工第一党支部' }, roles });

describe('roles: who sees secretary actions', () => {
  const roles = require('../logic/roles');

  test('a plain member sees no secretary action anywhere', () => {
    const member = person([]);
    expect(roles.isSecretary(member)).toBe(false);
    expect(roles.secretaryActions(member)).toEqual([]);
    expect(roles.itemActions(member, 'notice', { id: 5, branchId: 2 })).toEqual([]);
    expect(roles.itemActions(member, 'activity', { id: 5, branchId: 2 })).toEqual([]);
    expect(roles.itemActions(member, 'meeting', { id: 5, branchId: 2 })).toEqual([]);
  });

  test('a group leader is not a branch committee member, but convenes the group meeting', () => {
    const member = person([role(7, 'GroupLeader', '教工第二党小组')]);
    expect(roles.secretaryActions(member)).toEqual([{ key: 'meeting-create', text: '召开党小组会', url: '/pkg-secretary/meeting-create/index?type=PartyGroupMeeting' }]);
    expect(roles.ledGroups(member)).toEqual([{ id: 7, name: '教工第二党小组' }]);
    expect(roles.canManageBranch(member, 7)).toBe(false);
    expect(roles.itemActions(member, 'meeting', { id: 9, branchId: 2, unitId: 7 })).toEqual([]);
    expect(roles.itemActions(member, 'meeting', { id: 9, branchId: 2, unitId: 7, canOrganize: true }).map((a) => a.key)).toEqual(['checkin-code', 'attendance', 'leave', 'minutes']);
  });

  test.each(['Secretary', 'DeputySecretary', 'OrganizationCommissioner', 'PublicityCommissioner', 'DisciplineCommissioner'])(
    'a %s gets the secretary entries for their branch',
    (r) => {
      const member = person([role(2, r)]);
      expect(roles.secretaryActions(member).map((a) => a.key)).toEqual(['notice-compose', 'notice-approval', 'meeting-create', 'activity-create', 'compliance', 'workbench']);
      expect(roles.secretaryActions(member)[4].url).toBe('/pkg-secretary/compliance/index?unitId=2');
    },
  );

  test('a secretary sees actions only on items of their own branch', () => {
    const secretary = person([role(2, 'Secretary')]);
    expect(roles.itemActions(secretary, 'notice', { id: 9, branchId: 2 }).map((a) => a.key)).toEqual(['stats', 'edit']);
    expect(roles.itemActions(secretary, 'meeting', { id: 9, branch: { id: 2 } }).map((a) => a.key)).toEqual(['checkin-code', 'attendance', 'leave', 'minutes']);
    expect(roles.itemActions(secretary, 'notice', { id: 9, branchId: 3 })).toEqual([]);
    expect(roles.itemActions(secretary, 'activity', { id: 9, branchId: 3 })).toEqual([]);
    expect(roles.itemActions(secretary, 'activity', { id: 9 })).toEqual([]);
  });

  test('a general-branch admin manages every branch', () => {
    const admin = person([role(1, 'GeneralBranchAdmin', '信息学院党总支')]);
    expect(roles.isSecretary(admin)).toBe(true);
    expect(roles.canManageBranch(admin, 3)).toBe(true);
  });
});

describe('party groups of a branch', () => {
  const { groupsOf } = require('../logic/secretary');

  test('from a flat list with parent ids', () => {
    const units = [{ id: 2, kind: 'Branch' }, { id: 5, kind: 'PartyGroup', name: '一组', parentId: 2 }, { id: 7, kind: 'PartyGroup', name: '三组', parentId: 3 }];
    expect(groupsOf(units, 2)).toEqual([{ id: 5, name: '一组' }]);
  });
});

describe('watermark', () => {
  const watermark = require('../logic/watermark');
  const viewer = { name: '李明', number: 'T1002' };

  test.each([
    ['Internal', '李明 T1002'],
    ['Committee', '李明 T1002'],
    ['Public', ''],
    [undefined, ''],
  ])('%s content → "%s"', (visibility, text) => {
    expect(watermark.watermarkText(visibility, viewer)).toBe(text);
  });

  test('level labels are Chinese', () => {
    expect(['Public', 'Internal', 'Committee'].map(watermark.levelLabel)).toEqual(['公开', '党内', '支委']);
  });
});

describe('scenes', () => {
  const scene = require('../logic/scene');

  test('reads a check-in scene from a scanned mini-program code path', () => {
    const res = { path: 'pages/activity-checkin/index?scene=' + encodeURIComponent('a=12&t=0a1b2c3d4e5f') };
    expect(scene.checkInTarget(scene.fromScan(res))).toEqual({ kind: 'activity', id: 12, code: 'a=12&t=0a1b2c3d4e5f' });
  });

  test('reads a meeting scene from page options', () => {
    expect(scene.checkInTarget(scene.fromOptions({ scene: encodeURIComponent('m=5&t=abc') }))).toEqual({ kind: 'meeting', id: 5, code: 'm=5&t=abc' });
  });

  test('anything else is not a check-in code', () => {
    expect(scene.checkInTarget('hello')).toBeNull();
    expect(scene.checkInTarget('i=abc')).toBeNull();
  });

  test('inbox links open this app\'s pages', () => {
    expect(scene.pageOf({ link: 'pages/notice/detail?id=7' })).toBe('/pages/notice-detail/index?id=7');
    expect(scene.pageOf({ link: 'pages/activity-detail/index?id=3' })).toBe('/pages/activity-detail/index?id=3');
    expect(scene.pageOf({ link: null, subjectType: 'meeting', subjectId: 4 })).toBe('/pages/meeting-detail/index?id=4');
    expect(scene.pageOf({ link: 'https://evil.example/x' })).toBe('');
  });

  test('an invitation scan yields its scene', () => {
    expect(scene.fromScan({ path: 'pages/bind/index?scene=inv%3DK7q2', result: '' })).toBe('inv=K7q2');
    expect(scene.fromScan({ result: 'K7q2' })).toBe('K7q2');
  });
});

describe('format', () => {
  const format = require('../logic/format');

  test('shows times in China time whatever the zone of the phone', () => {
    expect(format.dateTime('2026-03-02T06:30:00Z')).toBe('3月2日 14:30');
    expect(format.toIso('2026-03-02', '14:30')).toBe('2026-03-02T14:30:00+08:00');
  });

  test('an end on another day carries its date; reading a date works for a moment given in milliseconds', () => {
    expect(format.until('2026-05-08T00:00:00Z', '2026-05-08T09:00:00Z')).toBe('17:00');
    expect(format.until('2026-05-08T00:00:00Z', '2026-05-09T09:00:00Z')).toBe('5月9日 17:00');
    expect(format.nowParts(Date.parse('2026-05-08T17:30:00Z')).date).toBe('2026-05-09');
  });

  test('waiting-list position is shown', () => {
    expect(format.enrollmentText({ status: 'Waitlisted', position: 3 })).toBe('候补第 3 位');
    expect(format.enrollmentText({ status: 'Confirmed' })).toBe('已报名');
  });
});

describe('notice form', () => {
  const { validate, toHtml, fromHtml } = require('../logic/notice-form');

  test('leaves classification markings to the server (one text policy, the server\'s)', () => {
    expect(validate({ title: '会议纪要', body: '机密★1年 内容', confirmed: true })).toBe('');
  });

  test('needs the no-classified-content confirmation', () => {
    expect(validate({ title: '通知', body: '正文', confirmed: false })).toBe('请确认通知内容不涉及国家秘密。');
    expect(validate({ title: '通知', body: '正文', confirmed: true })).toBe('');
  });

  test('title is at most 60 characters', () => {
    expect(validate({ title: '字'.repeat(61), body: '正文', confirmed: true })).toBe('标题不能超过60个字。');
  });

  test('escapes typed text into paragraphs', () => {
    expect(toHtml('第一段\n\n<b>第二段</b>')).toBe('<p>第一段</p><p>&lt;b&gt;第二段&lt;/b&gt;</p>');
  });

  test('a stored body comes back as the text that was typed', () => {
    expect(fromHtml(toHtml('第一段\n<b>第二段</b> & 其他'))).toBe('第一段\n<b>第二段</b> & 其他');
    expect(fromHtml('<p>甲<br/>乙</p><ul><li>丙</li></ul>')).toBe('甲\n乙\n丙');
  });
});

describe('reminder opt-in', () => {
  const templates = [
    { kind: 'Meeting', templateId: 'tm-meeting', remaining: 0 },
    { kind: 'Activity', templateId: 'tm-activity', remaining: 0 },
    { kind: 'Notice', templateId: 'tm-notice', remaining: 0 },
    { kind: 'LeaveDecision', templateId: 'tm-leave', remaining: 0 },
  ];

  function setup(answer) {
    const reported = [];
    const app = createApp({
      subscribeAnswer: answer,
      handler: fakeApi({
        'POST /api/auth/wechat-login': () => ({ token: 't', needsBinding: false, member: person([]) }),
        'GET /api/subscriptions': () => ({ items: templates }),
        'POST /api/subscriptions': (req) => {
          reported.push(req.body);
          return [204];
        },
      }),
    });
    return { app, reported, subscribe: app.load('logic/subscribe') };
  }

  test('asks for at most 3 templates and reports the answers', async () => {
    const { app, reported, subscribe } = setup('accept');
    await subscribe.prefetch();

    const results = await subscribe.ask(['Meeting', 'Activity', 'Notice', 'LeaveDecision']);

    expect(app.wx.calls.subscribe).toEqual([['tm-meeting', 'tm-activity', 'tm-notice']]);
    expect(results).toEqual({ 'tm-meeting': 'accept', 'tm-activity': 'accept', 'tm-notice': 'accept' });
    expect(reported).toEqual([{ results: { 'tm-meeting': 'accept', 'tm-activity': 'accept', 'tm-notice': 'accept' } }]);
  });

  test('reports refusals too (the server credits only accept)', async () => {
    const { reported, subscribe } = setup('reject');
    await subscribe.prefetch();

    await subscribe.ask(['Activity']);

    expect(reported).toEqual([{ results: { 'tm-activity': 'reject' } }]);
  });

  test('calls wx.requestSubscribeMessage synchronously, inside the tap', async () => {
    const { app, subscribe } = setup('accept');
    await subscribe.prefetch();

    const pending = subscribe.ask(['Meeting']);

    expect(app.wx.calls.subscribe).toEqual([['tm-meeting']]);
    await pending;
  });

  test('asks nothing when no template is known', async () => {
    const { app, subscribe } = setup('accept');

    expect(await subscribe.ask(['Meeting'])).toBeNull();
    expect(app.wx.calls.subscribe).toEqual([]);
  });
});
