// End to end: 党小组会 scheduled from the phone against the real API (demo data): by the branch secretary for a
// chosen party group, and by the group's own leader (陈静, T1004, leader of 教工第二党小组, bound here through an
// invitation the first time). Left out with E2E_FEATURES=0.
const harness = require('./harness');

const { createApp, event } = harness;
const { realHttp } = require('./wx-shim');

const BASE = process.env.SB_API_URL;
const failures = (wx, from) => harness.failures(wx, BASE, from);
const noErrors = (wx) => harness.noErrors(wx, BASE);
const { idFrom } = harness;
const LEADER_CODE = 'dev-group-leader-chenjing';

function phone(code) {
  return createApp({ handler: realHttp, loginCode: code }, BASE);
}

/** The leader's phone, bound to 陈静's roster entry through a branch invitation unless an earlier run bound it. */
async function leaderPhone(secretary) {
  const leader = phone(LEADER_CODE);
  const me = await leader.load('logic/session').load();
  if (me.needsBinding) {
    const branchId = (await secretary.open('me')).data.member.branch.id;
    const invitation = await secretary.load('api/org').createInvitation(branchId, { expiresAt: new Date(Date.now() + 86400000).toISOString(), singleUse: true });
    const bind = await leader.open('bind', { scene: encodeURIComponent(invitation.scene) });
    bind.onName(event({}, { value: '陈静' }));
    bind.onNumber(event({}, { value: 'T1004' }));
    await bind.submit();
    noErrors(leader.wx);
  }
  return leader;
}

describe('党小组会 from the phone', () => {
  const secretary = phone('dev-secretary');

  test('the secretary picks 党小组会 and a party group; the meeting is the group\'s, its attendees the group\'s members', async () => {
    const create = await secretary.open('meeting-create');
    create.onType(event({}, { value: create.data.types.findIndex((t) => t.value === 'PartyGroupMeeting') }));
    expect(create.data.groups.map((g) => g.name)).toEqual(['教工第一党小组', '教工第二党小组']);
    create.onIndex(event({ field: 'groupIndex' }, { value: '1' }));
    create.setData(Object.assign({ topic: '第二党小组学习交流', place: '会议室205' }, harness.tomorrow('15:00', '16:00')));
    await create.submit();
    noErrors(secretary.wx);

    const detail = await secretary.open('meeting-detail', { id: idFrom(secretary.wx) });
    expect(detail.data.meeting).toMatchObject({ type: 'PartyGroupMeeting', unitName: '教工第二党小组', topic: '第二党小组学习交流' });
    const attendance = await secretary.open('attendance', { kind: 'meeting', id: detail.data.meeting.id });
    noErrors(secretary.wx);
    expect(attendance.data.attendance.rows.map((r) => r.name).sort()).toEqual(['刘洋', '张华', '陈静'].sort());
  });

  test('the group leader convenes their group\'s meeting from the home page and organises it', async () => {
    const leader = await leaderPhone(secretary);
    const home = await leader.open('home');
    expect(home.data.roleText).toBe('教工第二党小组 党小组长');
    expect(home.data.secretaryActions.map((a) => a.text)).toEqual(['召开党小组会']);

    const create = await leader.open('meeting-create', { type: 'PartyGroupMeeting' });
    expect(create.data.allowed).toBe(true);
    expect(create.data.types.map((t) => t.label)).toEqual(['党小组会']);
    expect(create.data.groups.map((g) => g.name)).toEqual(['教工第二党小组']);
    create.setData(Object.assign({ topic: '党小组组织生活', place: '会议室206' }, harness.tomorrow('15:00', '16:00')));
    await create.submit();
    noErrors(leader.wx);
    const meetingId = idFrom(leader.wx);

    const detail = await leader.open('meeting-detail', { id: meetingId });
    expect(detail.data.meeting).toMatchObject({ unitName: '教工第二党小组', canOrganize: true });
    expect(detail.data.actions.map((a) => a.text)).toEqual(['展示签到码', '签到情况', '请假审批', '会议记录']);
    const code = await leader.open('checkin-code', { kind: 'meeting', id: meetingId });
    code.onUnload();
    noErrors(leader.wx);
    expect(code.data.numericCode).toMatch(/^\d{6}$/);
  });

  test('a member who leads no group cannot open the meeting form', async () => {
    const member = phone('dev-member');
    const create = await member.open('meeting-create', { type: 'PartyGroupMeeting' });
    expect(create.data.allowed).toBe(false);
  });
});
