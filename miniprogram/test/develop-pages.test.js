// The member-development pages (pkg-develop) against a fake API: the applicant's own timeline, the committee's
// worklist, the entry links from 我的 and the workbench, and that a plain member gets no worklist.
const { event } = require('./harness');
const { MEMBER, SECRETARY, appAs } = require('./fake-phone');

const RECORD = {
  id: 21, branchId: 2, name: '赵晓', number: 'S3001', birthDate: '2004-05-01', stage: 'Activist', stageName: '入党积极分子',
  bound: true, memberId: null, extensions: 0, probationEndsOn: null, publicities: [], attachments: [],
  steps: [
    { id: 3, kind: 'ActivistConfirmed', number: 3, name: '确定入党积极分子', occurredOn: '2026-04-10', note: '支委会研究确定', people: [], recordedAt: '2026-04-10T10:00:00+08:00', recordedBy: '王建国' },
    { id: 1, kind: 'Application', number: 1, name: '递交入党申请书', occurredOn: '2026-03-01', note: '', people: [], recordedAt: '2026-03-01T10:00:00+08:00', recordedBy: null },
    { id: 2, kind: 'ApplicantTalk', number: 2, name: '与入党申请人谈话', occurredOn: '2026-03-20', note: '', people: [{ memberId: 2, name: '王建国', role: 'TalkPartner' }], recordedAt: '2026-03-20T10:00:00+08:00', recordedBy: '王建国' },
    { id: 5, kind: 'ContactsAssigned', number: 5, name: '指定培养联系人', occurredOn: '2026-04-12', note: '', people: [{ memberId: 3, name: '李明', role: 'TrainingContact' }, { memberId: 6, name: '刘洋', role: 'TrainingContact' }], recordedAt: '2026-04-12T10:00:00+08:00', recordedBy: '王建国' },
  ],
  next: { kind: 'CandidateConfirmed', number: 7, name: '确定发展对象', possibleFrom: '2027-04-10', reason: '入党积极分子需经一年以上培养教育' },
  tasks: [{ kind: 'ThoughtReport', name: '思想汇报', dueOn: '2026-06-30', owner: 'Applicant', overdue: true, missing: 1 }],
  contacts: [{ memberId: 3, name: '李明', role: 'TrainingContact' }, { memberId: 6, name: '刘洋', role: 'TrainingContact' }],
  introducers: [],
};

const WORKLIST = {
  on: '2026-07-15',
  overdue: [
    { recordId: 21, name: '赵晓', number: 'S3001', branchId: 2, branchName: '教工第一党支部', kind: 'ThoughtReport', taskName: '思想汇报', dueOn: '2026-06-30', owner: 'Applicant', ownerNames: ['赵晓'], missing: 1 },
  ],
  dueThisMonth: [
    { recordId: 22, name: '钱程', number: 'S3002', branchId: 2, branchName: '教工第一党支部', kind: 'FirstTalk', taskName: '谈话', dueOn: '2026-07-28', owner: 'Committee', ownerNames: ['王建国', '周敏'], missing: 0 },
  ],
  stages: [
    { stage: 'Applicant', name: '入党申请人', count: 1, people: [{ recordId: 22, name: '钱程', number: 'S3002', branchId: 2, branchName: '教工第一党支部' }] },
    { stage: 'Activist', name: '入党积极分子', count: 1, people: [{ recordId: 21, name: '赵晓', number: 'S3001', branchId: 2, branchName: '教工第一党支部' }] },
  ],
};

describe('the applicant', () => {
  test('sees the steps done with their dates, the next step and from when, tasks, and their contacts', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/development/me': () => RECORD });
    const page = await app.open('timeline');
    const r = page.data.record;
    expect(r.stageName).toBe('入党积极分子');
    expect(r.steps.map((s) => [s.title, s.date])).toEqual([
      ['1. 递交入党申请书', '2026-03-01'],
      ['2. 与入党申请人谈话', '2026-03-20'],
      ['3. 确定入党积极分子', '2026-04-10'],
      ['5. 指定培养联系人', '2026-04-12'],
    ]);
    expect(r.steps[1].people).toBe('王建国');
    expect(r.next).toEqual({ title: '7. 确定发展对象', when: '2027-04-10 起可办理', reason: '入党积极分子需经一年以上培养教育' });
    expect(r.tasks).toEqual([{ name: '思想汇报', dueOn: '2026-06-30', overdue: true, ownerText: '本人', missingText: '缺交 1 次' }]);
    expect(r.contacts.map((c) => c.name + c.roleText)).toEqual(['李明培养联系人', '刘洋培养联系人']);
    expect(r.introducers).toEqual([]);
    expect(page.data.missing).toBe(false);
  });

  test('not yet a member (bound only to a record) still sees their timeline, without being sent to bind', async () => {
    const { app } = appAs(null, { 'GET /api/development/me': () => Object.assign({}, RECORD, { next: Object.assign({}, RECORD.next, { possibleFrom: null, reason: null }) }) });
    const page = await app.open('timeline');
    expect(page.data.record.next.when).toBe('现在即可办理');
    expect(app.wx.calls.navigations).toEqual([]);
  });

  test('someone with no record sees a note, not an error', async () => {
    const { app } = appAs(MEMBER);
    const page = await app.open('timeline');
    expect(page.data).toMatchObject({ record: null, missing: true });
    expect(app.wx.calls.modals).toEqual([]);
  });
});

describe('the entry links', () => {
  test('我的 links to the timeline only for a person in development', async () => {
    const inDev = appAs(Object.assign({}, MEMBER, { status: 'Probationary' }), { 'GET /api/development/me': () => RECORD }).app;
    const me = await inDev.open('me');
    expect(me.data.development).toEqual({ stageName: '入党积极分子' });
    me.open(event({ url: '/pkg-develop/timeline/index' }));
    expect(inDev.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pkg-develop/timeline/index' }]);

    // A full member has no open record: the page does not ask (no 404 in the log).
    const plainApp = appAs(MEMBER).app;
    const plain = await plainApp.open('me');
    expect(plain.data.development).toBeNull();
    expect(plainApp.wx.calls.requests.filter((r) => r.url.indexOf('/api/development/') >= 0)).toEqual([]);
  });

  test('the workbench links to the worklist of the secretary\'s branch', async () => {
    const { app } = appAs(SECRETARY);
    const page = await app.open('workbench');
    const urls = [].concat(...page.data.sections.map((s) => s.actions.map((a) => a.url)));
    expect(urls).toContain('/pkg-develop/worklist/index?unitId=2');
  });
});

describe('the worklist', () => {
  test('the secretary sees overdue and due-this-month items and stage counts that open into names', async () => {
    const { app } = appAs(SECRETARY, { 'GET /api/development/units/2/worklist': () => WORKLIST });
    const page = await app.open('worklist', { unitId: '2' });
    expect(page.data.allowed).toBe(true);
    const l = page.data.list;
    expect(l.on).toBe('2026-07-15');
    expect(l.overdue.map((t) => [t.name, t.taskName, t.dueOn, t.owners, t.missingText])).toEqual([['赵晓', '思想汇报', '2026-06-30', '赵晓', '缺交 1 次']]);
    expect(l.dueThisMonth.map((t) => [t.name, t.taskName, t.dueOn, t.owners])).toEqual([['钱程', '谈话', '2026-07-28', '王建国、周敏']]);
    expect(l.stages.map((s) => [s.name, s.count])).toEqual([['入党申请人', 1], ['入党积极分子', 1]]);

    page.toggleStage(event({ stage: 'Activist' }));
    expect(page.data.openStage).toBe('Activist');
    expect(l.stages[1].people.map((p) => p.name)).toEqual(['赵晓']);
    page.toggleStage(event({ stage: 'Activist' }));
    expect(page.data.openStage).toBe('');
  });

  test('a plain member cannot open it, and the worklist is never asked for', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/development/units/2/worklist': () => WORKLIST });
    const page = await app.open('worklist', { unitId: '2' });
    expect(page.data).toMatchObject({ allowed: false, checked: true, list: null });
    const asked = app.wx.calls.requests.map((r) => new URL(r.url).pathname).filter((p) => p.indexOf('/api/development') === 0);
    expect(asked).toEqual([]);
  });
});
