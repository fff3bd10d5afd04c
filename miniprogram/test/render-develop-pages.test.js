/**
 * @jest-environment jsdom
 */
// The pages of pkg-develop rendered with miniprogram-simulate from the data their logic produced against a fake API:
// what the person in development and the committee see, the server's refusal on the step form, and that a plain member
// sees only the refusal of a committee page.
const { text } = require('./render-kit');
const { MEMBER, SECRETARY, appAs } = require('./fake-phone');
const { ACTIVIST, REVIEWED, ROSTER } = require('./fixtures/development');

const ROUTES = {
  'GET /api/development/me': () => ACTIVIST,
  'GET /api/development/records/21': () => ACTIVIST,
  'GET /api/development/records/22': () => REVIEWED,
  'GET /api/org/units/2/members': () => ROSTER,
  'GET /api/development/units/2/worklist': () => ({
    on: '2026-07-15',
    overdue: [],
    dueThisMonth: [{ recordId: 21, name: '赵晓', number: 'S3001', branchId: 2, branchName: '教工第一党支部', kind: 'ThoughtReport', taskName: '思想汇报', dueOn: '2026-07-09', owner: 'Applicant', ownerNames: ['赵晓'], missing: 1 }],
    stages: [{ stage: 'Activist', name: '入党积极分子', count: 1, people: [{ recordId: 21, name: '赵晓', number: 'S3001', branchId: 2, branchName: '教工第一党支部' }] }],
  }),
  'GET /api/development/publicity/41/objections': () => ({ items: [{ id: 1, text: '该同志曾有考试作弊记录', fromMemberId: 3, fromName: '李明', createdAt: '2026-06-03T09:00:00+08:00' }], nextCursor: null }),
};

describe('the person in development sees', () => {
  test('the binding form, with the invitation still to scan', async () => {
    const page = await appAs(null, {}).app.open('applicant-bind');
    const shown = text('applicant-bind', page.data);
    ['绑定入党申请人身份', '支部邀请码', '点击扫码', '学工号', '确认绑定'].forEach((t) => expect(shown).toContain(t));
  });

  test('the thought report form with what is owed this period', async () => {
    const page = await appAs(null, ROUTES).app.open('thought-report');
    const shown = text('thought-report', page.data);
    ['本期思想汇报', '应于 2026-07-09 前提交', '此前缺交 1 次', '内容摘要（至多500字）', '全文附件（PDF或图片，5 MB以内）', '提交'].forEach((t) => expect(shown).toContain(t));
  });

  test('the timeline with the way to hand in a thought report and the files handed in', async () => {
    const page = await appAs(null, ROUTES).app.open('timeline');
    const shown = text('timeline', page.data);
    ['提交思想汇报', '2026-07-09 前', '已提交的材料', '思想汇报', '200 KB', '7. 确定为发展对象', '2027-04-10 起可办理', '李明'].forEach((t) => expect(shown).toContain(t));
  });
});

describe('the committee sees', () => {
  test('the worklist with the way to register an applicant, names that open the record', async () => {
    const page = await appAs(SECRETARY, ROUTES).app.open('worklist', { unitId: '2' });
    page.toggleStage({ currentTarget: { dataset: { stage: 'Activist' } } });
    const shown = text('worklist', page.data);
    ['登记入党申请', '本月到期（1）', '赵晓 · 思想汇报', '入党积极分子', '赵晓 S3001'].forEach((t) => expect(shown).toContain(t));
  });

  test('a person\'s record: next step from when, steps with people, files, publicity with its objections', async () => {
    const page = await appAs(SECRETARY, ROUTES).app.open('person', { id: '22' });
    await page.toggleObjections({ currentTarget: { dataset: { id: 41 } } });
    const shown = text('person', page.data);
    ['钱程', 'S3002', '发展对象', '13. 上级党委预审', '现在即可办理', '记录步骤', '发起公示', '支部党员大会讨论接收前公示', '公示中', '2026-06-02 至 2026-06-08（5个工作日）', '该同志曾有考试作弊记录', '2. 党组织派人谈话', '王建国', '（本人提交）'].forEach((t) => expect(shown).toContain(t));
  });

  test('the step form with the next step, from when it is possible, and the server\'s refusal as it came', async () => {
    const page = await appAs(SECRETARY, ROUTES).app.open('record-step', { id: '21' });
    page.setData({ error: { title: '时间未到', detail: '「确定为发展对象」最早可于2027-04-10记录（确定为入党积极分子后须经过12个月以上的培养考察）。' } });
    const shown = text('record-step', page.data);
    ['赵晓', '7. 确定为发展对象', '2027-04-10 起可办理', '日期', '备注（至多500字）', '时间未到', '最早可于2027-04-10记录', '记录'].forEach((t) => expect(shown).toContain(t));
  });

  test('the contacts step offers only full members', async () => {
    const CONTACTS = Object.assign({}, ACTIVIST, { steps: ACTIVIST.steps.slice(0, 4), next: { kind: 'ContactsAssigned', number: 5, name: '指定培养联系人', possibleFrom: null, reason: null } });
    const page = await appAs(SECRETARY, Object.assign({}, ROUTES, { 'GET /api/development/records/21': () => CONTACTS })).app.open('record-step', { id: '21' });
    const shown = text('record-step', page.data);
    ['培养联系人（1至2名正式党员）', '王建国（T1001）', '李明（T1002）'].forEach((t) => expect(shown).toContain(t));
    expect(shown).not.toContain('刘洋');
  });

  test('the publicity page and the new applicant form', async () => {
    const publicity = await appAs(SECRETARY, ROUTES).app.open('publicity', { id: '22' });
    const shown = text('publicity', publicity.data);
    ['接收预备党员前公示', '开始日期', '发起公示', '异议 1 条', '该同志曾有考试作弊记录', '李明'].forEach((t) => expect(shown).toContain(t));
    const create = await appAs(SECRETARY, ROUTES).app.open('applicant-create', { unitId: '2' });
    const form = text('applicant-create', create.data);
    ['姓名', '学工号', '出生日期', '递交入党申请书日期', '登记'].forEach((t) => expect(form).toContain(t));
  });

  test.each([
    ['person', { id: '21' }, '仅支部委员和指定的培养联系人、入党介绍人可以查看发展党员档案'],
    ['record-step', { id: '21' }, '仅支部委员和指定的培养联系人、入党介绍人可以记录发展党员步骤'],
    ['publicity', { id: '21' }, '仅支部委员可以发起公示、查看异议'],
    ['applicant-create', { unitId: '2' }, '仅支部委员可以登记入党申请'],
  ])('nothing but the refusal on %s for a plain member', async (name, options, refusal) => {
    // MEMBER (李明) is 赵晓's training contact; a member assigned to nobody is refused.
    const page = await appAs(Object.assign({}, MEMBER, { id: 9, name: '周扬' }), ROUTES).app.open(name, options);
    expect(text(name, page.data).trim()).toBe(refusal);
  });
});
