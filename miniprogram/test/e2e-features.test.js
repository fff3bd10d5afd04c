// End to end through the feature areas (organisation, notices, activities, reminders, meetings), the
// pages driven through the real API with the demo data. Left out with E2E_FEATURES=0 (see jest.config.js).
const harness = require('./harness');

const { createApp, event, eventually } = harness;
const { realHttp } = require('./wx-shim');

const BASE = process.env.SB_API_URL;
const noErrors = (wx) => harness.noErrors(wx, BASE);
const { idFrom } = harness;
const CHINA_MS = 8 * 3600 * 1000;

function phone(code) {
  return createApp({ handler: realHttp, loginCode: code }, BASE);
}

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

/** Picker values (China time) for a slot starting `minutes` from now and lasting `length` minutes, within one day. */
function slot(minutes, length) {
  const start = new Date(Date.now() + minutes * 60000 + CHINA_MS);
  const endMinutes = Math.min(start.getUTCHours() * 60 + start.getUTCMinutes() + length, 23 * 60 + 59);
  return {
    date: start.getUTCFullYear() + '-' + pad(start.getUTCMonth() + 1) + '-' + pad(start.getUTCDate()),
    startTime: pad(start.getUTCHours()) + ':' + pad(start.getUTCMinutes()),
    endTime: pad(Math.floor(endMinutes / 60)) + ':' + pad(endMinutes % 60),
  };
}

describe('a member and a secretary on their phones', () => {
  const secretary = phone('dev-secretary');
  const member = phone('dev-member');
  let noticeId;
  let activityId;
  let meetingId;

  test('a newcomer binds with the branch invitation, name and number', async () => {
    const me = await secretary.open('me');
    const invitation = await secretary.load('api/org').createInvitation(me.data.member.branch.id, {
      expiresAt: new Date(Date.now() + 86400000).toISOString(),
      singleUse: true,
    });
    expect(invitation.scene).toBeTruthy();

    const newcomer = phone('dev-newcomer-' + Date.now());
    const bind = await newcomer.open('bind', { scene: encodeURIComponent(invitation.scene) });
    bind.onName(event({}, { value: '赵新' }));
    bind.onNumber(event({}, { value: 'T1006' }));
    await bind.submit();

    noErrors(newcomer.wx);
    expect(newcomer.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pages/home/index' }]);
    const home = await newcomer.open('home');
    expect(home.data.member).toMatchObject({ name: '赵新', number: 'T1006' });
    expect(home.data.secretaryActions).toEqual([]);
  });

  test('the secretary posts an internal notice to the branch', async () => {
    const compose = await secretary.open('notice-compose');
    compose.onField(event({ field: 'title' }, { value: '关于召开支部党员大会的通知' }));
    compose.onField(event({ field: 'body' }, { value: '请全体党员准时参加。' }));
    compose.onField(event({ field: 'requiresAck' }, { value: true }));
    compose.onConfirm(event({}, { value: ['yes'] }));
    await compose.submit();

    noErrors(secretary.wx);
    noticeId = idFrom(secretary.wx);
    expect(noticeId).toBeTruthy();
  });

  test('the member reads it (with the watermark) and signs it off; the secretary sees the read count change', async () => {
    const before = await secretary.open('notice-stats', { id: noticeId });
    expect(before.data.allowed).toBe(true);
    expect(before.data.unreadMembers.map((m) => m.name)).toContain('李明');
    const readBefore = before.data.stats.read;

    const list = await member.open('notices');
    const item = list.data.items.filter((n) => String(n.id) === String(noticeId))[0];
    expect(item).toMatchObject({ unread: true, level: '党内' });

    const detail = await member.open('notice-detail', { id: noticeId });
    expect(detail.data.watermark).toBe('李明 T1002');
    expect(detail.data.actions).toEqual([]);
    await detail.ack();
    noErrors(member.wx);

    await before.refresh();
    expect(before.data.stats.read).toBe(readBefore + 1);
    expect(before.data.stats.acked).toBeGreaterThanOrEqual(1);
    expect(before.data.unreadMembers.map((m) => m.name)).not.toContain('李明');
  });

  test('"remind them" reaches the inbox of a member who has not read', async () => {
    const stats = await secretary.open('notice-stats', { id: noticeId });
    expect(stats.data.unreadMembers.map((m) => m.name)).toContain('张华');
    await stats.remind();
    noErrors(secretary.wx);

    const organizer = phone('dev-organizer');
    const inbox = await eventually(async () => {
      const page = await organizer.open('inbox');
      return page.data.items.some((m) => m.unread && m.page === '/pages/notice-detail/index?id=' + noticeId) ? page : null;
    });
    expect(inbox).toBeTruthy();
  });

  test('the secretary creates an activity starting soon', async () => {
    const create = await secretary.open('activity-create');
    create.setData(Object.assign({ title: '主题党日：社区志愿服务', place: '学院楼前广场', description: '清理社区公共区域', capacity: '20' }, slot(10, 60)));
    await create.submit();

    noErrors(secretary.wx);
    activityId = idFrom(secretary.wx);
    expect(activityId).toBeTruthy();
  });

  test('the member signs up, accepting the activity reminder', async () => {
    const detail = await member.open('activity-detail', { id: activityId });
    await member.load('logic/subscribe').prefetch();
    await detail.signUp();

    noErrors(member.wx);
    expect(member.wx.calls.subscribe.length).toBe(1);
    expect(member.wx.calls.subscribe[0].length).toBeLessThanOrEqual(3);
    expect(detail.data.view.enrollmentText).toBe('已报名');

    const settings = await member.open('settings');
    const activity = settings.data.items.filter((t) => t.kind === 'Activity')[0];
    expect(activity.remaining).toBeGreaterThanOrEqual(1);
    expect(activity.text).toMatch(/^微信提醒 \d+ 次$/);
  });

  test('the member checks in with the code the secretary shows', async () => {
    const screen = await secretary.open('checkin-code', { kind: 'activity', id: activityId });
    screen.onUnload();
    expect(screen.data.numericCode).toMatch(/^\d{6}$/);

    const checkin = await member.open('activity-checkin', { id: activityId });
    checkin.onInput(event({}, { value: screen.data.numericCode }));
    await checkin.submit();
    noErrors(member.wx);
    expect(checkin.data.result).toMatch(/^签到成功/);

    const attendance = await secretary.open('attendance', { kind: 'activity', id: activityId });
    const row = attendance.data.attendance.rows.filter((r) => r.name === '李明')[0];
    expect(row.checkedIn).toBe(true);
  });

  test('a member never sees the organiser actions of the activity', async () => {
    const detail = await member.open('activity-detail', { id: activityId });
    expect(detail.data.actions).toEqual([]);
    const screen = await member.open('checkin-code', { kind: 'activity', id: activityId });
    screen.onUnload();
    expect(screen.data.allowed).toBe(false);
  });

  test('the secretary schedules a meeting; the member views it and asks for leave; the secretary approves', async () => {
    const create = await secretary.open('meeting-create');
    create.setData(Object.assign({ topic: '学习贯彻党的二十大精神', place: '会议室301', agenda: '集中学习' }, slot(24 * 60, 90)));
    await create.submit();
    noErrors(secretary.wx);
    meetingId = idFrom(secretary.wx);

    const list = await member.open('meetings');
    await member.load('logic/subscribe').prefetch();
    const asked = member.wx.calls.subscribe.length;
    await list.open(event({ id: meetingId }));
    expect(member.wx.calls.subscribe.length).toBe(asked + 1);

    const detail = await member.open('meeting-detail', { id: meetingId });
    detail.onReason(event({}, { value: '出差' }));
    await detail.askLeave();
    noErrors(member.wx);

    const approval = await secretary.open('leave-approval', { id: meetingId });
    const request = approval.data.requests.filter((r) => r.name === '李明')[0];
    expect(request.pending).toBe(true);
    await approval.decide(event({ id: request.id, verdict: 'approve' }));
    noErrors(secretary.wx);
    await approval.load();
    expect(approval.data.requests.filter((r) => r.name === '李明')[0].statusText).toBe('已批准');
  });

  test('the secretary sees compliance for the branch; the member cannot', async () => {
    const compliance = await secretary.open('compliance');
    noErrors(secretary.wx);
    expect(compliance.data.rows.length).toBeGreaterThan(0);
    expect((await member.open('compliance')).data.allowed).toBe(false);
  });

  test('every page opens without an error for the secretary, and the pages a member may use open for the member', async () => {
    const pages = [
      ['home'], ['notices'], ['notice-detail', { id: noticeId }], ['activities'], ['activity-detail', { id: activityId }],
      ['activity-checkin', { id: activityId }], ['meetings'], ['meeting-detail', { id: meetingId }], ['meeting-checkin', { id: meetingId }],
      ['minutes', { id: meetingId }], ['inbox'], ['me'], ['settings'], ['bind'],
    ];
    const secretaryOnly = [
      ['notice-compose'], ['notice-stats', { id: noticeId }], ['notice-approval'], ['meeting-create'], ['activity-create'],
      ['checkin-code', { kind: 'meeting', id: meetingId }], ['attendance', { kind: 'meeting', id: meetingId }],
      ['attendance', { kind: 'activity', id: activityId }], ['leave-approval', { id: meetingId }], ['compliance'],
    ];
    for (const [who, list] of [[secretary, pages.concat(secretaryOnly)], [member, pages]]) {
      for (const [name, options] of list) {
        const requests = who.wx.calls.requests.length;
        const modals = who.wx.calls.modals.length;
        const page = await who.open(name, options);
        if (page.onUnload) page.onUnload();
        // Meetings without minutes answer 404 for them: the page shows "暂无会议记录", not an error.
        const failed = who.wx.calls.requests
          .slice(requests)
          .filter((r) => r.status >= 400 && !/\/minutes$/.test(r.url))
          .map((r) => r.method + ' ' + r.url.replace(BASE, '') + ' → ' + r.status);
        expect({ name, shown: who.wx.calls.modals.slice(modals), failed }).toEqual({ name, shown: [], failed: [] });
      }
    }
  });
});
