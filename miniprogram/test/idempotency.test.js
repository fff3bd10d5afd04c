// Every form that creates something sends an Idempotency-Key (Api/Common/Idempotency): kept through a refusal and a
// retry of the same submission, new for the next one.
const { event } = require('./harness');
const { MEMBER, SECRETARY, appAs, keysOf } = require('./fake-phone');

const KEY = /^[!-~]{1,128}$/;
const busy = [503, { title: '服务繁忙', detail: '请稍后再试。', status: 503 }];

/** [page, options, who, route, fill(page), submit(page), answer, extra routes] */
const FORMS = [
  ['meeting-detail', { id: '4' }, MEMBER, 'POST /api/meetings/4/leave-requests', (p) => p.onReason(event({}, { value: '出差' })), (p) => p.askLeave(), [201, { id: 31 }],
    { 'GET /api/meetings/4': () => ({ id: 4, type: 'PartyLesson', branchId: 2, unitId: 2, topic: '党课', visibility: 'Internal', startsAt: '2099-01-01T00:00:00Z', endsAt: '2099-01-01T01:00:00Z' }) }],
  ['mailbox', {}, MEMBER, 'POST /api/mailbox', (p) => p.onText(event({}, { value: '建议增加学习资料' })), (p) => p.submit(), [201, { id: 5, replyDueAt: '2099-01-01T00:00:00Z' }],
    { 'GET /api/mailbox/mine': () => ({ items: [] }) }],
  ['appraisal', { id: '7' }, MEMBER, 'POST /api/appraisals/7/ballots', (p) => p.onGrade(event({ index: 0 }, { value: '0' })), (p) => p.submit(), [204],
    { 'GET /api/appraisals/7': () => ({ id: 7, title: '2026年度民主评议', status: 'Open', canVote: true, hasVoted: false, appraisedMembers: [{ memberId: 4, name: '张华' }] }) }],
  ['poll', { id: '9' }, MEMBER, 'POST /api/polls/9/votes', (p) => p.onChoose(event({}, { value: '1' })), (p) => p.submit(),
    { id: 9, question: '活动时间', options: [{ id: 1, text: '周六', votes: 1 }], open: true, myChoices: [1], voters: 1 },
    { 'GET /api/polls/9': () => ({ id: 9, question: '活动时间', options: [{ id: 1, text: '周六', votes: 0 }], open: true, myChoices: [], voters: 0 }) }],
  ['transfers', {}, MEMBER, 'POST /api/transfers', (p) => p.input(event({ field: 'reason' }, { value: '工作调动' })), (p) => p.request(), [201, { id: 1 }],
    { 'GET /api/transfers': () => ({ nextCursor: null, items: [] }), 'GET /api/org/units': () => ({ nextCursor: null, items: [{ id: 1, kind: 'GeneralBranch', name: '党总支', children: [{ id: 2, kind: 'Branch', name: '教工第一党支部' }, { id: 3, kind: 'Branch', name: '学生第一党支部' }] }] }) }],
  ['brand', { story: '5' }, MEMBER, 'POST /api/stories/5/comments', (p) => p.typed(event({}, { value: '向榜样学习' })), (p) => p.send(), [201, { id: 1 }],
    { 'GET /api/stories/5': () => ({ id: 5, title: '事迹', body: '<p>正文</p>', visibility: 'Internal', status: 'Published', imageUrls: [], comments: [] }) }],
  ['screen-links', {}, SECRETARY, 'POST /api/org/units/2/screen-links', () => {}, (p) => p.create(), [201, { id: 3, url: 'https://example.test/screen/t' }],
    { 'GET /api/org/units/2/screen-links': () => ({ items: [] }) }],
];

describe('Idempotency-Key on every form submission', () => {
  test.each(FORMS)('%s sends one key through a refused and a repeated submission, a new one for the next', async (name, options, who, route, fill, submit, answer, routes) => {
    let answers = [busy, answer, answer];
    const { app } = appAs(who, Object.assign({ [route]: () => answers.shift() }, routes));
    const page = await app.open(name, options);
    fill(page);
    await submit(page);
    await submit(page);
    fill(page);
    await submit(page);
    const keys = keysOf(app, route);
    expect(keys).toHaveLength(3);
    keys.forEach((k) => expect(k).toMatch(KEY));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  test('dues: a retry of the same months keeps its key, another choice of months gets its own', async () => {
    const OWED = { year: 2026, basis: { monthlyFen: 4500 }, unpaid: [{ month: '2026-01', amountFen: 4500 }, { month: '2026-02', amountFen: 4500 }], payable: [{ month: '2026-01', amountFen: 4500 }, { month: '2026-02', amountFen: 4500 }], unpaidFen: 9000, arrears: {}, openOrders: [] };
    const { app } = appAs(MEMBER, {
      'GET /api/dues/me': () => OWED,
      'GET /api/dues/me/payments': () => ({ nextCursor: null, items: [] }),
      'POST /api/dues/me/payments': () => busy,
    });
    const page = await app.open('dues');
    await page.pay(event({ through: '2026-01' }));
    await page.pay(event({ through: '2026-01' }));
    await page.pay(event({ through: '2026-02' }));
    const keys = keysOf(app, 'POST /api/dues/me/payments');
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
