// End to end: message wall, polls, 民主评议, the secretary's mailbox and the dues pages against the real API (demo
// data), a member and the secretary on their phones. Left out with E2E_FEATURES=0.
const harness = require('./harness');

const { createApp, event } = harness;
const { realHttp } = require('./wx-shim');

const BASE = process.env.SB_API_URL;
// A 404 for the wall of a meeting without one is how the API says "none yet".
const noErrors = (wx) => harness.noErrors(wx, BASE, [/^GET \/api\/walls\?.* → 404$/]);
const { idFrom } = harness;

function phone(code) {
  return createApp({ handler: realHttp, loginCode: code }, BASE);
}

describe('interaction and dues pages against the real API', () => {
  const secretary = phone('dev-secretary');
  const member = phone('dev-member');

  test('a meeting\'s wall: the organiser opens it, the member posts, the organiser approves, the member sees it', async () => {
    const create = await secretary.open('meeting-create');
    create.setData(Object.assign({ topic: '专题学习研讨', place: '会议室302' }, harness.tomorrow('09:00', '10:00')));
    await create.submit();
    noErrors(secretary.wx);
    const id = idFrom(secretary.wx);

    const organiser = await secretary.open('wall', { kind: 'meeting', id });
    expect(organiser.data.canOpen).toBe(true);
    await organiser.open();
    noErrors(secretary.wx);

    const mine = await member.open('wall', { kind: 'meeting', id });
    mine.onField(event({ field: 'text' }, { value: '认真学习，联系实际' }));
    await mine.post();
    noErrors(member.wx);
    expect(mine.data.mine.map((m) => m.status)).toEqual(['待审核']);

    await organiser.refresh();
    const pending = organiser.data.pending.filter((m) => m.text === '认真学习，联系实际')[0];
    await organiser.decide(event({ message: pending.id, approve: 'yes' }));
    noErrors(secretary.wx);

    await mine.load();
    expect(mine.data.messages.map((m) => m.text)).toContain('认真学习，联系实际');
  });

  test('a branch poll: the secretary creates it, the member votes and sees the results', async () => {
    const polls = await secretary.open('polls');
    polls.setData({ question: '本月主题党日形式', optionsText: '参观学习\n志愿服务', closesOn: harness.tomorrow('09:00', '10:00').date });
    const created = await polls.create();
    noErrors(secretary.wx);

    const list = await member.open('polls');
    expect(list.data.items.map((p) => p.id)).toContain(created.id);
    const poll = await member.open('poll', { id: String(created.id) });
    poll.onChoose(event({}, { value: String(created.options[1].id) }));
    await poll.submit();
    noErrors(member.wx);
    expect(poll.data.poll.options.map((o) => o.votes)).toEqual([0, 1]);
  });

  test('民主评议: the committee opens a round; a member writes a self-appraisal and votes; the round is closed with results', async () => {
    const rounds = await secretary.open('appraisals');
    rounds.data.people.forEach((p, i) => {
      if (['李明', '张华'].indexOf(p.name) < 0) rounds.togglePerson(event({ index: i }));
    });
    rounds.setData({ title: '民主评议党员（测试）' });
    const created = await rounds.openRound();
    noErrors(secretary.wx);

    const ballot = await member.open('appraisal', { id: String(created.id) });
    expect(ballot.data.appraised).toBe(true);
    ballot.onSelfText(event({}, { value: '认真履行党员义务。' }));
    await ballot.saveSelf();
    ballot.data.members.forEach((m, i) => ballot.onGrade(event({ index: i }, { value: '1' })));
    await ballot.submit();
    noErrors(member.wx);
    expect(ballot.data.hasVoted).toBe(true);

    await rounds.close(event({ id: created.id }));
    await rounds.showResults(event({ id: created.id }));
    noErrors(secretary.wx);
    expect(rounds.data.results.rows.map((r) => r.name).sort()).toEqual(['张华', '李明'].sort());
    expect(rounds.data.results.turnout).toMatch(/^1\//);
  });

  test('书记信箱: the member writes, the secretary answers from the mailbox page, the member sees the answer', async () => {
    const write = await member.open('mailbox');
    write.onText(event({}, { value: '建议多组织红色教育活动。' }));
    await write.submit();
    noErrors(member.wx);

    const inbox = await secretary.open('mailbox-inbox');
    const message = inbox.data.items.filter((m) => m.text === '建议多组织红色教育活动。')[0];
    expect(message.from).toBe('李明');
    inbox.onDraft(event({ id: message.id }, { value: '好的，下月安排。' }));
    await inbox.answer(event({ id: message.id }));
    noErrors(secretary.wx);

    const mine = await member.open('mailbox');
    expect(mine.data.items.filter((m) => m.id === message.id)[0].replies.map((r) => r.text)).toEqual(['好的，下月安排。']);
  });

  test('dues: the member reads the yearly report; the committee sees the month and the member cannot', async () => {
    const report = await member.open('pkg-dues/report');
    noErrors(member.wx);
    expect(report.data.report.branches.map((b) => b.name)).toEqual(['教工第一党支部']);
    const branch = await secretary.open('pkg-dues/branch');
    noErrors(secretary.wx);
    expect(branch.data.figures).toEqual(expect.objectContaining({ paidCount: expect.any(Number), unpaidCount: expect.any(Number) }));
    expect((await member.open('pkg-dues/branch')).data.allowed).toBe(false);
  });
});
