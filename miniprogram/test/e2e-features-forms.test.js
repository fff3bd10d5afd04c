// End to end: the notice and activity forms against the real API (demo data): individual members as the
// audience, editing and withdrawing a posted notice, a two-day activity with a sign-up deadline for one party
// group. Left out with E2E_FEATURES=0.
const harness = require('./harness');

const { createApp, event } = harness;
const { realHttp } = require('./wx-shim');

const BASE = process.env.SB_API_URL;
const noErrors = (wx) => harness.noErrors(wx, BASE);
const { idFrom } = harness;

function phone(code) {
  return createApp({ handler: realHttp, loginCode: code }, BASE);
}

/** A China date `days` from today, as the date picker gives it. */
function day(days) {
  const d = new Date(Date.now() + 8 * 3600 * 1000 + days * 86400000);
  const pad = (n) => (n < 10 ? '0' + n : String(n));
  return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
}

async function noticeIds(app) {
  const list = await app.open('notices');
  return list.data.items.map((n) => String(n.id));
}

describe('notice and activity forms against the real API', () => {
  const secretary = phone('dev-secretary');
  const member = phone('dev-member');
  const organizer = phone('dev-organizer');

  test('a notice to one chosen member reaches them only; the committee edits it, then withdraws it', async () => {
    const compose = await secretary.open('notice-compose');
    compose.onAudienceMode(event({}, { value: '2' }));
    compose.onMemberQuery(event({}, { value: '李明' }));
    expect(compose.data.shownPeople.map((p) => p.name)).toEqual(['李明']);
    compose.toggleMember(event({ id: compose.data.shownPeople[0].id }));
    compose.setData({ title: '个别谈话安排', body: '请于周三下午到党员活动室。', confirmed: true });
    await compose.submit();
    noErrors(secretary.wx);
    const id = idFrom(secretary.wx);

    const stats = await secretary.open('notice-stats', { id });
    expect(stats.data.stats.total).toBe(1);
    expect(stats.data.unreadMembers.map((m) => m.name)).toEqual(['李明']);
    expect(await noticeIds(member)).toContain(id);

    const edit = await secretary.open('notice-edit', { id });
    expect(edit.data).toMatchObject({ allowed: true, body: '请于周三下午到党员活动室。' });
    edit.onField(event({ field: 'body' }, { value: '请于周四下午到党员活动室。' }));
    edit.onConfirm(event({}, { value: ['yes'] }));
    await edit.save();
    noErrors(secretary.wx);
    const read = await member.open('notice-detail', { id });
    expect(read.data.body).toBe('<p>请于周四下午到党员活动室。</p>');
    expect(read.data.view.edited).toBe(true);

    expect(await (await secretary.open('notice-edit', { id })).withdraw()).toBe(true);
    noErrors(secretary.wx);
    expect(await noticeIds(member)).not.toContain(id);
  });

  test('a two-day activity with a sign-up deadline for one party group: its members may sign up, others do not see it', async () => {
    const create = await secretary.open('activity-create');
    create.setData({ title: '红色教育基地研学', place: '延安', description: '两天一夜', capacity: '10' });
    create.onStartDate(event({}, { value: day(10) }));
    create.onField(event({ field: 'endDate' }, { value: day(11) }));
    create.onField(event({ field: 'signUpDate' }, { value: day(5) }));
    create.onField(event({ field: 'signUpTime' }, { value: '18:00' }));
    create.onAudienceMode(event({}, { value: '1' }));
    create.onGroups(event({}, { value: [String(create.data.groups.filter((g) => g.name === '教工第二党小组')[0].id)] }));
    await create.submit();
    noErrors(secretary.wx);
    const id = idFrom(secretary.wx);

    const detail = await organizer.open('activity-detail', { id });
    noErrors(organizer.wx);
    expect(new Date(detail.data.activity.endsAt) - new Date(detail.data.activity.startsAt)).toBe(26 * 3600 * 1000);
    expect(new Date(detail.data.activity.signUpClosesAt).toISOString()).toBe(new Date(day(5) + 'T18:00:00+08:00').toISOString());
    expect(detail.data.view.until).toMatch(/^\d+月\d+日 16:00$/);
    expect(detail.data.view.signUpCloses).toMatch(/^\d+月\d+日 18:00$/);
    await detail.signUp();
    noErrors(organizer.wx);
    expect(detail.data.view.enrollmentText).toBe('已报名');

    const open = await member.open('activities');
    expect(open.data.items.map((a) => String(a.id))).not.toContain(id);
  });
});
