// 书记信箱, appraisal ballot and poll pages against a fake API.
const { createApp, event } = require('./harness');
const { fakeApi } = require('./wx-shim');

const BRANCH = { id: 2, name: '教工第一党支部', kind: 'Branch' };
const MEMBER = { id: 3, name: '李明', number: 'T1002', status: 'Full', hasVote: true, branch: BRANCH, partyGroup: null, roles: [] };

function appWith(routes) {
  const sent = {};
  const table = Object.assign(
    {
      'POST /api/auth/wechat-login': () => ({ token: 'tok', needsBinding: false, member: MEMBER }),
      'GET /api/me': () => ({ needsBinding: false, member: MEMBER }),
    },
    routes,
  );
  Object.keys(table).forEach((key) => {
    if (key.startsWith('GET ')) return;
    const fn = table[key];
    table[key] = (req) => {
      (sent[key] = sent[key] || []).push(req.body);
      return fn(req);
    };
  });
  return { app: createApp({ handler: fakeApi(table) }), sent };
}

const ANSWERED = {
  id: 5, category: 'Difficulty', addressee: 'Branch', text: '家中老人生病', anonymous: true, status: 'Answered',
  sentAt: '2026-03-02T01:17:00Z', replyDueAt: '2026-03-09T16:00:00Z', overdue: false,
  replies: [{ text: '已联系校医院', answeredBy: '王建国', answeredAt: '2026-03-12T02:00:00Z', onTime: false }],
};

describe('书记信箱', () => {
  test('writing sends the category, addressee and anonymity, then lists my messages with answers', async () => {
    let mine = [];
    const { app, sent } = appWith({
      'GET /api/mailbox/mine': () => ({ items: mine }),
      'POST /api/mailbox': () => {
        mine = [ANSWERED];
        return [201, { id: 5, replyDueAt: '2026-03-09T16:00:00Z' }];
      },
    });
    const page = await app.open('mailbox');
    expect(page.data.items).toEqual([]);

    page.onCategory(event({}, { value: '2' }));
    page.onText(event({}, { value: '  家中老人生病  ' }));
    page.onAnonymous(event({}, { value: true }));
    await page.submit();

    expect(sent['POST /api/mailbox']).toEqual([{ addressee: 'Branch', category: 'Difficulty', text: '家中老人生病', anonymous: true }]);
    expect(page.data.text).toBe('');
    const item = page.data.items[0];
    expect(item.categoryText).toBe('困难帮扶');
    expect(item.statusText).toBe('已答复');
    expect(item.answered).toBe(true);
    expect(item.replies).toEqual([{ text: '已联系校医院', by: '王建国', when: '3月12日 10:00', late: true }]);
  });

  test('an empty message is not sent', async () => {
    const { app, sent } = appWith({ 'GET /api/mailbox/mine': () => ({ items: [] }), 'POST /api/mailbox': () => [201, {}] });
    const page = await app.open('mailbox');
    page.onText(event({}, { value: '   ' }));
    await page.submit();
    expect(sent['POST /api/mailbox']).toBeUndefined();
    expect(app.wx.calls.toasts).toContain('请填写留言内容');
  });

  test('not resolved reopens the message', async () => {
    const { app, sent } = appWith({
      'GET /api/mailbox/mine': () => ({ items: [ANSWERED] }),
      'POST /api/mailbox/5/resolution': () => Object.assign({}, ANSWERED, { status: 'Open' }),
    });
    const page = await app.open('mailbox');
    await page.resolve(event({ id: 5, resolved: 'no' }));
    expect(sent['POST /api/mailbox/5/resolution']).toEqual([{ resolved: false }]);
  });

  test('the server refusal (classified marking) is shown in Chinese', async () => {
    const { app } = appWith({
      'GET /api/mailbox/mine': () => ({ items: [] }),
      'POST /api/mailbox': () => [422, { title: '内容涉及密级标识', detail: '内容中含有密级标识“机密★”。' }],
    });
    const page = await app.open('mailbox');
    page.onText(event({}, { value: '机密★1年' }));
    await page.submit();
    expect(app.wx.calls.modals.map((m) => m.content).join()).toContain('密级标识');
  });
});

describe('民主评议 ballot', () => {
  const ROUND = {
    id: 7, title: '2025年度民主评议', status: 'Open', canVote: true, hasVoted: false,
    appraisedMembers: [{ memberId: 11, name: '张三', selfAppraisal: '按时交纳党费' }, { memberId: 12, name: '李四', selfAppraisal: null }],
  };

  test('a voter grades everyone and the ballot carries one grade per appraised member', async () => {
    const { app, sent } = appWith({ 'GET /api/appraisals/7': () => ROUND, 'POST /api/appraisals/7/ballots': () => [204] });
    const page = await app.open('appraisal', { id: '7' });
    page.onGrade(event({ index: 0 }, { value: '0' }));
    await page.submit();
    expect(sent['POST /api/appraisals/7/ballots']).toBeUndefined();

    page.onGrade(event({ index: 1 }, { value: '2' }));
    await page.submit();
    expect(sent['POST /api/appraisals/7/ballots']).toEqual([{ choices: [{ memberId: 11, grade: 'Excellent' }, { memberId: 12, grade: 'BasicallyQualified' }] }]);
    expect(page.data.hasVoted).toBe(true);
    expect(page.data.canVote).toBe(false);
  });

  test('a probationary member sees the round but cannot vote', async () => {
    const { app } = appWith({ 'GET /api/appraisals/7': () => Object.assign({}, ROUND, { canVote: false }) });
    const page = await app.open('appraisal', { id: '7' });
    expect(page.data.canVote).toBe(false);
    expect(page.data.members.map((m) => m.name)).toEqual(['张三', '李四']);
  });
});

describe('poll', () => {
  const POLL = {
    id: 9, question: '主题党日去哪里？', multipleChoice: false, anonymous: true, open: true, closesAt: '2026-03-05T10:00:00Z', voters: 1, myChoices: [],
    options: [{ id: 1, text: '纪念馆', votes: 1 }, { id: 2, text: '社区', votes: 0 }],
  };

  test('voting sends the choice and shows the live results returned', async () => {
    const { app, sent } = appWith({
      'GET /api/polls/9': () => POLL,
      'POST /api/polls/9/votes': () => Object.assign({}, POLL, { voters: 2, myChoices: [2], options: [{ id: 1, text: '纪念馆', votes: 1 }, { id: 2, text: '社区', votes: 1 }] }),
    });
    const page = await app.open('poll', { id: '9' });
    expect(page.data.poll.options.map((o) => o.percent)).toEqual([100, 0]);
    page.onChoose(event({}, { value: '2' }));
    await page.submit();
    expect(sent['POST /api/polls/9/votes']).toEqual([{ optionIds: [2] }]);
    expect(page.data.poll.voted).toBe(true);
    expect(page.data.poll.options.map((o) => [o.votes, o.percent, o.mine])).toEqual([[1, 50, false], [1, 50, true]]);
  });
});
