// Message walls, polls, 民主评议 rounds, the secretary's mailbox and the dues pages (pkg-interaction, pkg-dues,
// pkg-secretary/mailbox-inbox) against a fake API, for a member and for the committee.
const { event } = require('./harness');
const { MEMBER, SECRETARY, appAs, keysOf } = require('./fake-phone');

const MEETING = { id: 4, type: 'PartyLesson', branchId: 2, unitId: 2, topic: '学习党章', visibility: 'Internal', canOrganize: false };
const wall = (extra) => Object.assign({ id: 8, targetKind: 'Meeting', targetId: 4, requiresApproval: true, open: true, canModerate: false, messages: [{ id: 1, authorName: '张华', text: '收获很大', status: 'Approved', postedAt: '2026-03-02T07:00:00Z' }], pending: [], mine: [] }, extra);

describe('message wall', () => {
  test('a member posts; the message waits for approval and shows as theirs', async () => {
    let current = wall();
    const { app, sent } = appAs(MEMBER, {
      'GET /api/meetings/4': () => MEETING,
      'GET /api/walls': () => current,
      'GET /api/walls/8': () => current,
      'POST /api/walls/8/messages': (req) => {
        current = wall({ mine: [{ id: 2, authorName: '李明', text: req.body.text, status: 'Pending', postedAt: '2026-03-02T07:05:00Z' }] });
        return [201, { id: 2, status: 'Pending' }];
      },
    });
    const page = await app.open('wall', { kind: 'meeting', id: '4' });
    expect(page.data.messages.map((m) => m.text)).toEqual(['收获很大']);
    expect(page.data.canOpen).toBe(false);
    page.onField(event({ field: 'text' }, { value: '学习党章，重温誓词' }));
    await page.post();
    expect(sent['POST /api/walls/8/messages']).toEqual([{ text: '学习党章，重温誓词' }]);
    expect(keysOf(app, 'POST /api/walls/8/messages')[0]).toMatch(/^[!-~]+$/);
    expect(app.wx.calls.toasts).toContain('已提交，待审核');
    expect(page.data.mine).toEqual([expect.objectContaining({ text: '学习党章，重温誓词', status: '待审核' })]);
  });

  test('the organiser opens the wall, approves a message and closes the wall', async () => {
    let current = null;
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/meetings/4': () => Object.assign({}, MEETING, { canOrganize: true }),
      'GET /api/walls': () => (current ? current : [404, { title: '留言墙不存在', status: 404 }]),
      'GET /api/walls/8': () => current,
      'POST /api/walls': (req) => {
        current = wall({ canModerate: true, requiresApproval: req.body.requiresApproval, messages: [], pending: [{ id: 3, authorName: '李明', text: '很有意义', status: 'Pending', postedAt: '2026-03-02T07:00:00Z' }] });
        return [201, current];
      },
      'POST /api/walls/8/messages/3/decision': () => {
        current = wall({ canModerate: true, pending: [], messages: [{ id: 3, authorName: '李明', text: '很有意义', status: 'Approved', postedAt: '2026-03-02T07:00:00Z' }] });
        return { id: 3, status: 'Approved' };
      },
      'POST /api/walls/8/close': () => {
        current = wall({ canModerate: true, open: false });
        return [204];
      },
    });
    const page = await app.open('wall', { kind: 'meeting', id: '4' });
    expect(app.wx.calls.modals).toEqual([]);
    expect(page.data).toMatchObject({ wall: null, canOpen: true });
    await page.open();
    expect(sent['POST /api/walls']).toEqual([{ targetKind: 'Meeting', targetId: 4, requiresApproval: true }]);
    expect(page.data.pending.map((m) => m.text)).toEqual(['很有意义']);
    await page.decide(event({ message: 3, approve: 'yes' }));
    expect(sent['POST /api/walls/8/messages/3/decision']).toEqual([{ approve: true }]);
    expect(page.data.messages.map((m) => m.text)).toEqual(['很有意义']);
    await page.close();
    expect(page.data.wall.open).toBe(false);
  });

  test('a member sees that no wall is open yet, without an error', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/meetings/4': () => MEETING, 'GET /api/walls': () => [404, { title: '留言墙不存在', status: 404 }] });
    const page = await app.open('wall', { kind: 'meeting', id: '4' });
    expect(page.data).toMatchObject({ wall: null, canOpen: false });
    expect(app.wx.calls.modals).toEqual([]);
  });
});

describe('polls', () => {
  const poll = { id: 9, targetKind: 'Unit', targetId: 2, question: '主题党日去哪里', multipleChoice: false, anonymous: true, closesAt: '2099-03-10T15:59:00Z', open: true, voters: 3, myChoices: [], options: [] };

  test('a member lists the branch polls and opens one to vote; no form to create', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/polls': (req) => ({ items: req.query.TargetKind === 'Unit' || req.query.targetKind === 'Unit' ? [poll] : [] }) });
    const page = await app.open('polls');
    expect(page.data).toMatchObject({ targetKind: 'Unit', targetId: 2, canCreate: false });
    expect(page.data.items).toEqual([expect.objectContaining({ question: '主题党日去哪里', open: true, voted: false, voters: 3 })]);
    page.open(event({ id: 9 }));
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pages/poll/index?id=9' }]);
  });

  test('the secretary creates a branch poll with one option per line', async () => {
    const { app, sent } = appAs(SECRETARY, { 'GET /api/polls': () => ({ items: [] }), 'POST /api/polls': () => [201, poll] });
    const page = await app.open('polls');
    expect(page.data.canCreate).toBe(true);
    page.onField(event({ field: 'question' }, { value: '主题党日去哪里' }));
    page.onField(event({ field: 'optionsText' }, { value: '红色教育基地' }));
    expect(await page.create()).toBeNull();
    expect(app.wx.calls.modals[0].content).toBe('选项应为2到20个，每行一个。');
    page.onField(event({ field: 'optionsText' }, { value: '红色教育基地\n\n社区志愿服务 \n' }));
    page.onField(event({ field: 'closesOn' }, { value: '2099-03-10' }));
    await page.create();
    expect(sent['POST /api/polls']).toEqual([{ targetKind: 'Unit', targetId: 2, question: '主题党日去哪里', options: ['红色教育基地', '社区志愿服务'], multipleChoice: false, anonymous: true, closesAt: '2099-03-10T23:59:00+08:00' }]);
  });
});

describe('民主评议', () => {
  const round = { id: 7, branchId: 2, title: '2026年度民主评议党员', periodStart: '2026-01-01', periodEnd: '2026-12-31', status: 'Open', canVote: true, hasVoted: false };

  test('a member sees the rounds and opens one; an appraised member writes a self-appraisal there', async () => {
    const { app, sent } = appAs(MEMBER, {
      'GET /api/appraisals': () => ({ items: [round] }),
      'GET /api/appraisals/7': () => ({ id: 7, title: round.title, status: 'Open', canVote: true, hasVoted: false, appraisedMembers: [{ memberId: 3, name: '李明', selfAppraisal: '' }, { memberId: 4, name: '张华', selfAppraisal: '' }] }),
      'PUT /api/appraisals/7/self-appraisal': () => [204],
    });
    const list = await app.open('appraisals');
    expect(list.data.manages).toBe(false);
    expect(list.data.items).toEqual([expect.objectContaining({ title: '2026年度民主评议党员', state: '待投票' })]);
    const page = await app.open('appraisal', { id: '7' });
    expect(page.data.appraised).toBe(true);
    page.onSelfText(event({}, { value: '按时参加组织生活，完成教学任务。' }));
    await page.saveSelf();
    expect(sent['PUT /api/appraisals/7/self-appraisal']).toEqual([{ text: '按时参加组织生活，完成教学任务。' }]);
  });

  test('the committee opens a round for chosen members, closes it and reads the results', async () => {
    let rounds = [];
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/appraisals': () => ({ items: rounds }),
      'GET /api/org/units/2/members': () => ({ nextCursor: null, items: [{ id: 2, name: '王建国' }, { id: 3, name: '李明' }, { id: 4, name: '张华' }] }),
      'POST /api/appraisals': () => {
        rounds = [round];
        return [201, { id: 7, appraised: 2, voters: 5 }];
      },
      'POST /api/appraisals/7/close': () => {
        rounds = [Object.assign({}, round, { status: 'Closed' })];
        return [204];
      },
      'GET /api/appraisals/7/results': () => ({ id: 7, voters: 5, voted: 4, turnoutPercent: 80, appraised: [{ memberId: 3, name: '李明', ballots: 4, grades: { Excellent: 3, Qualified: 1, BasicallyQualified: 0, Unqualified: 0 }, comments: [] }, { memberId: 4, name: '张华', ballots: 2, grades: null, comments: [] }], nonVoters: [{ memberId: 6, name: '刘洋' }] }),
    });
    const page = await app.open('appraisals');
    expect(page.data.manages).toBe(true);
    page.togglePerson(event({ index: 0 }));
    await page.openRound();
    expect(sent['POST /api/appraisals'][0]).toMatchObject({ branchId: 2, appraisedMemberIds: [3, 4] });
    expect(keysOf(app, 'POST /api/appraisals')[0]).toMatch(/^[!-~]+$/);
    await page.close(event({ id: 7 }));
    await page.showResults(event({ id: 7 }));
    expect(page.data.results).toEqual({
      turnout: '4/5（80%）',
      rows: [{ name: '李明', grades: '优秀 3 · 合格 1 · 基本合格 0 · 不合格 0', ballots: 4 }, { name: '张华', grades: '票数不足3张，不显示分布', ballots: 2 }],
      nonVoters: '刘洋',
    });
  });
});

describe('书记信箱 for the secretary', () => {
  test('open messages with the overdue count; an answer is sent; anonymous writers stay anonymous', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/mailbox': (req) => ({ overdue: 1, escalated: 0, items: req.query.status === 'Open' ? [{ id: 5, category: 'Difficulty', addressee: 'Branch', text: '家中老人生病', anonymous: true, author: null, sentAt: '2026-03-02T01:00:00Z', status: 'Open', replyDueAt: '2026-03-09T16:00:00Z', overdue: true, replies: [] }] : [] }),
      'POST /api/mailbox/5/answer': () => ({ id: 5, status: 'Answered' }),
    });
    const page = await app.open('mailbox-inbox');
    expect(page.data.overdue).toBe(1);
    expect(page.data.items[0]).toMatchObject({ category: '困难帮扶', from: '匿名', overdue: true, open: true });
    page.onDraft(event({ id: 5 }, { value: '已联系校医院，支部将上门看望。' }));
    await page.answer(event({ id: 5 }));
    expect(sent['POST /api/mailbox/5/answer']).toEqual([{ text: '已联系校医院，支部将上门看望。' }]);
  });

  test('an organisation commissioner (not a reader) and a member get no page', async () => {
    const commissioner = Object.assign({}, SECRETARY, { roles: [{ unitId: 2, unitName: '教工第一党支部', role: 'OrganizationCommissioner', roleName: '组织委员' }] });
    for (const who of [commissioner, MEMBER]) {
      const { app } = appAs(who);
      const page = await app.open('mailbox-inbox');
      expect(page.data).toMatchObject({ checked: true, allowed: false });
      expect(app.wx.calls.requests.some((r) => r.url.indexOf('/api/mailbox') >= 0)).toBe(false);
    }
  });
});

describe('dues', () => {
  test('the yearly report shows each branch\'s months in yuan', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/dues/report': (req) => ({ year: Number(req.query.year), branches: [{ branchId: 2, name: '教工第一党支部', months: [{ month: '2026-01', membersPaid: 6, receivedFen: 27050 }], totalFen: 27050 }], totalFen: 27050 }) });
    const page = await app.open('pkg-dues/report');
    expect(page.data.report).toEqual({ total: '270.50', branches: [{ id: 2, name: '教工第一党支部', total: '270.50', months: [{ month: '2026-01', paid: 6, amount: '270.50' }] }] });
  });

  test('the committee reminds the unpaid, records a cash payment with its receipt and sets a base', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/dues/branches/2': () => ({ branchId: 2, month: '2026-03', dueFen: 9000, paidFen: 4500, paid: [{ memberId: 2, name: '王建国', amountFen: 4500, paidFen: 4500 }], unpaid: [{ memberId: 3, name: '李明', amountFen: 4500, paidFen: 0 }], noBase: [{ memberId: 6, name: '刘洋', oldestUnpaid: null, flagged: false }], flagged: [], arrears: [], disputed: [] }),
      'POST /api/dues/branches/2/remind': () => ({ reminded: 1, slot: '2026-03' }),
      'POST /api/dues/members/3/payments': () => [201, { id: 1, amountFen: 4500, months: ['2026-03'] }],
      'PUT /api/dues/members/6/bases/2026': () => ({ memberId: 6, year: 2026, category: 'Salaried', monthlyBaseFen: 650000, monthlyFen: 9750, explanation: '税后月收入6500元，按1.5%交纳97.50元' }),
    });
    const page = await app.open('pkg-dues/branch');
    page.setData({ month: '2026-03' });
    await page.load();
    expect(page.data.figures).toEqual({ due: '90.00', paid: '45.00', paidCount: 1, unpaidCount: 1 });
    await page.remind();
    expect(app.wx.calls.toasts).toContain('已提醒 1 人');

    page.select(event({ id: 3, name: '李明' }));
    expect(await page.record()).toBeNull();
    page.onField(event({ field: 'receiptNumber' }, { value: 'SJ-2026-031' }));
    await page.record();
    expect(sent['POST /api/dues/members/3/payments']).toEqual([{ through: '2026-03', method: 'Cash', receiptNumber: 'SJ-2026-031' }]);
    expect(keysOf(app, 'POST /api/dues/members/3/payments')[0]).toMatch(/^[!-~]+$/);

    page.select(event({ id: 6, name: '刘洋' }));
    page.onField(event({ field: 'baseYuan' }, { value: '6500' }));
    await page.setBase();
    expect(sent['PUT /api/dues/members/6/bases/2026']).toEqual([{ category: 'Salaried', monthlyBaseFen: 650000 }]);
    expect(app.wx.calls.modals.pop().content).toBe('税后月收入6500元，按1.5%交纳97.50元');
  });

  test('a member cannot open the committee dues page', async () => {
    const { app } = appAs(MEMBER);
    expect((await app.open('pkg-dues/branch')).data.allowed).toBe(false);
  });
});
