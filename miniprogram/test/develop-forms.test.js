// The forms of pkg-develop against a fake API. The person in development: binding with the branch's invitation, the
// thought report (text, file, both; refusals shown on the form) and the timeline's links. The committee: a person's
// record with publicity objections, recording a step (choices, people, the server's 400 "too early" with its day),
// starting a publicity, registering a new applicant; the entries from the worklist and the workbench; and that a plain
// member gets none of the committee pages.
const { event } = require('./harness');
const { MEMBER, SECRETARY, appAs, keysOf } = require('./fake-phone');

const KEY = /^[!-~]{1,128}$/;
const { step, ACTIVIST, APPLICANT, REVIEWED, ROSTER } = require('./fixtures/development');

const TOO_EARLY = [400, { title: '时间未到', status: 400, detail: '「确定为发展对象」最早可于2027-04-10记录（确定为入党积极分子后须经过12个月以上的培养考察）。', code: 'development.too_early', possibleOn: '2027-04-10' }];

/** Adds wx.chooseMessageFile and wx.uploadFile to a phone; uploads answer `answer()` and are recorded. */
function withFiles(app, answer) {
  const uploads = [];
  app.wx.chooseMessageFile = (o) => setTimeout(() => o.success({ tempFiles: [{ path: 'wxfile://tmp/report.pdf', name: '第二季度思想汇报.pdf', size: 120000 }] }), 0);
  app.wx.uploadFile = (o) => {
    uploads.push({ url: o.url, name: o.name, filePath: o.filePath, formData: o.formData, header: o.header });
    const [statusCode, body] = answer();
    setTimeout(() => o.success({ statusCode, data: JSON.stringify(body) }), 0);
  };
  return uploads;
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('binding as a person in development', () => {
  test('with the invitation from the code, name and number: bound, then the timeline', async () => {
    const { app, sent } = appAs(null, { 'POST /api/development/bind': () => APPLICANT });
    const page = await app.open('applicant-bind', { scene: encodeURIComponent('i=ABC123') });
    expect(page.data.bound).toBe(false);
    page.onName(event({}, { value: ' 赵晓 ' }));
    page.onNumber(event({}, { value: 'S3001' }));
    await page.submit();
    expect(sent['POST /api/development/bind']).toEqual([{ scene: 'i=ABC123', name: '赵晓', number: 'S3001' }]);
    expect(page.data).toMatchObject({ bound: true, record: { name: '赵晓', stageName: '入党申请人' } });
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/timeline/index' }]);
  });

  test('the scanner fills the invitation; the server\'s refusal is shown and the page stays', async () => {
    const { app } = appAs(null, { 'POST /api/development/bind': () => [400, { title: '绑定失败', detail: '邀请码无效，或姓名、学工号与支部的发展对象名单不符。请核对后重试，或联系支部委员。' }] }, { scanResult: { path: 'pages/bind/index?scene=i%3DXYZ' } });
    const page = await app.open('applicant-bind');
    page.scan();
    await tick();
    expect(page.data.scene).toBe('i=XYZ');
    page.onName(event({}, { value: '赵晓' }));
    page.onNumber(event({}, { value: 'S9999' }));
    await page.submit();
    expect(app.wx.calls.modals).toEqual([{ title: '绑定失败', content: '邀请码无效，或姓名、学工号与支部的发展对象名单不符。请核对后重试，或联系支部委员。' }]);
    expect(page.data.bound).toBe(false);
    expect(app.wx.calls.navigations).toEqual([]);
  });

  test('without an invitation nothing is sent; someone already bound sees whose record it is', async () => {
    const fresh = appAs(null, { 'POST /api/development/bind': () => APPLICANT });
    const page = await fresh.app.open('applicant-bind');
    page.onName(event({}, { value: '赵晓' }));
    page.onNumber(event({}, { value: 'S3001' }));
    await page.submit();
    expect(fresh.app.wx.calls.modals.map((m) => m.title)).toEqual(['缺少邀请码']);
    expect(fresh.sent['POST /api/development/bind']).toBeUndefined();

    const bound = appAs(null, { 'GET /api/development/me': () => ACTIVIST });
    const done = await bound.app.open('applicant-bind');
    expect(done.data).toMatchObject({ bound: true, record: { name: '赵晓', stageName: '入党积极分子' } });
    done.timeline();
    expect(bound.app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/timeline/index' }]);
  });

  test('the member binding page leads a person in development to this page with the same invitation', async () => {
    const { app } = appAs(null);
    const page = await app.open('pages/bind', { scene: 'i%3DABC123' });
    page.asApplicant();
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pkg-develop/applicant-bind/index?scene=i%3DABC123' }]);
  });
});

describe('the thought report', () => {
  test('a summary alone: sent with the day written and an Idempotency-Key, then the timeline', async () => {
    const { app, sent } = appAs(null, { 'GET /api/development/me': () => ACTIVIST, 'POST /api/development/me/thought-reports': () => [201, ACTIVIST] });
    const page = await app.open('thought-report');
    expect(page.data).toMatchObject({ allowed: true, task: { dueOn: '2026-07-09', overdue: false, missingText: '此前缺交 1 次' } });
    page.onText(event({}, { value: '本季度学习了党的二十大报告。' }));
    page.onDate(event({}, { value: '2026-06-30' }));
    await page.submit();
    expect(sent['POST /api/development/me/thought-reports']).toEqual([{ text: '本季度学习了党的二十大报告。', writtenOn: '2026-06-30' }]);
    expect(keysOf(app, 'POST /api/development/me/thought-reports')[0]).toMatch(KEY);
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/timeline/index' }]);
  });

  test('summary and file: the report, then the file as a ThoughtReport attachment of one\'s own record', async () => {
    const { app, sent } = appAs(null, { 'GET /api/development/me': () => ACTIVIST, 'POST /api/development/me/thought-reports': () => [201, ACTIVIST] });
    const uploads = withFiles(app, () => [201, { id: 'a2', kind: 'ThoughtReport' }]);
    const page = await app.open('thought-report');
    page.onText(event({}, { value: '摘要' }));
    page.chooseFile();
    await tick();
    expect(page.data.file).toEqual({ path: 'wxfile://tmp/report.pdf', name: '第二季度思想汇报.pdf', size: 120000 });
    await page.submit();
    expect(sent['POST /api/development/me/thought-reports'].map((b) => b.text)).toEqual(['摘要']);
    expect(uploads).toEqual([{ url: 'http://api.test/api/development/me/attachments', name: 'file', filePath: 'wxfile://tmp/report.pdf', formData: { kind: 'ThoughtReport' }, header: { Authorization: 'Bearer tok', Accept: 'application/json' } }]);
    expect(app.wx.calls.toasts).toEqual(['已提交']);
  });

  test('a file alone goes with a summary saying the full text is attached; a refused file is retried alone', async () => {
    let answers = [[415, { title: '不支持的文件类型', detail: '只能上传 PDF 文件或 PNG、JPEG、GIF、WebP 图片。' }], [201, { id: 'a3' }]];
    const { app, sent } = appAs(null, { 'GET /api/development/me': () => ACTIVIST, 'POST /api/development/me/thought-reports': () => [201, ACTIVIST] });
    const uploads = withFiles(app, () => answers.shift());
    const page = await app.open('thought-report');
    page.chooseFile();
    await tick();
    await page.submit();
    expect(sent['POST /api/development/me/thought-reports']).toEqual([{ text: '思想汇报全文见附件。', writtenOn: page.data.today }]);
    expect(page.data.error).toEqual({ title: '不支持的文件类型', detail: '只能上传 PDF 文件或 PNG、JPEG、GIF、WebP 图片。' });
    expect(page.data.reported).toBe(true);
    await page.submit();
    expect(sent['POST /api/development/me/thought-reports']).toHaveLength(1);
    expect(uploads).toHaveLength(2);
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/timeline/index' }]);
  });

  test('nothing to send is said on the form; the server\'s refusal keeps the key for the retry', async () => {
    let answers = [[400, { title: '内容不合规', detail: '内容含有不适宜发布的信息，请修改后再提交。' }], [201, ACTIVIST]];
    const { app } = appAs(null, { 'GET /api/development/me': () => ACTIVIST, 'POST /api/development/me/thought-reports': () => answers.shift() });
    const page = await app.open('thought-report');
    await page.submit();
    expect(page.data.error.title).toBe('内容为空');
    expect(app.wx.calls.requests.filter((r) => r.method === 'POST' && r.url.indexOf('/api/development') > 0)).toEqual([]);
    page.onText(event({}, { value: '汇报' }));
    await page.submit();
    expect(page.data.error).toEqual({ title: '内容不合规', detail: '内容含有不适宜发布的信息，请修改后再提交。' });
    expect(app.wx.calls.modals).toEqual([]);
    await page.submit();
    const keys = keysOf(app, 'POST /api/development/me/thought-reports');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  test('an applicant (before step 3) and someone with no record get a note instead of the form', async () => {
    const applicant = await appAs(null, { 'GET /api/development/me': () => APPLICANT }).app.open('thought-report');
    expect(applicant.data).toMatchObject({ allowed: false, checked: true, missing: false });
    const nobody = appAs(MEMBER);
    const none = await nobody.app.open('thought-report');
    expect(none.data).toMatchObject({ allowed: false, missing: true });
    expect(nobody.app.wx.calls.modals).toEqual([]);
  });

  test('the timeline links to it for an activist, lists the files handed in, and offers binding to someone without a record', async () => {
    const { app } = appAs(null, { 'GET /api/development/me': () => ACTIVIST });
    const page = await app.open('timeline');
    expect(page.data.record.writesReports).toBe(true);
    expect(page.data.record.thoughtReport).toEqual({ dueOn: '2026-07-09', overdue: false, missingText: '此前缺交 1 次' });
    expect(page.data.record.attachments.map((a) => [a.kindText, a.date, a.sizeText])).toEqual([['思想汇报', '2026-05-02', '200 KB']]);
    expect(page.data.record.steps.map((s) => s.title).slice(-1)).toEqual(['思想汇报']);
    page.thoughtReport();
    const none = appAs(MEMBER);
    const empty = await none.app.open('timeline');
    empty.bind();
    expect(app.wx.calls.navigations.concat(none.app.wx.calls.navigations)).toEqual([
      { type: 'navigateTo', url: '/pkg-develop/thought-report/index' },
      { type: 'navigateTo', url: '/pkg-develop/applicant-bind/index' },
    ]);
  });
});

describe('the committee', () => {
  const committeeRoutes = (extra) => Object.assign({
    'GET /api/development/records/21': () => ACTIVIST,
    'GET /api/development/records/22': () => REVIEWED,
    'GET /api/org/units/2/members': () => ROSTER,
    'GET /api/development/publicity/41/objections': () => ({ items: [{ id: 1, text: '该同志曾有考试作弊记录', fromMemberId: 3, fromName: '李明', createdAt: '2026-06-03T09:00:00+08:00' }], nextCursor: null }),
  }, extra);

  test('opens a person from the worklist and registers a new applicant from it and from the workbench', async () => {
    const { app } = appAs(SECRETARY, { 'GET /api/development/units/2/worklist': () => ({ on: '2026-07-15', overdue: [], dueThisMonth: [], stages: [] }) });
    const page = await app.open('worklist', { unitId: '2' });
    page.openRecord(event({ id: 21 }));
    page.create();
    const bench = await app.open('workbench');
    const urls = [].concat(...bench.data.sections.map((s) => s.actions.map((a) => a.url)));
    expect(urls).toContain('/pkg-develop/applicant-create/index?unitId=2');
    expect(app.wx.calls.navigations).toEqual([
      { type: 'navigateTo', url: '/pkg-develop/person/index?id=21' },
      { type: 'navigateTo', url: '/pkg-develop/applicant-create/index?unitId=2' },
    ]);
  });

  test('sees a person\'s record: next step and from when, tasks, contacts, steps, files; a publicity opens into its objections', async () => {
    const { app } = appAs(SECRETARY, committeeRoutes());
    const page = await app.open('person', { id: '21' });
    const r = page.data.record;
    expect([r.name, r.number, r.stageName, r.bound]).toEqual(['赵晓', 'S3001', '入党积极分子', true]);
    expect(r.next).toEqual({ title: '7. 确定为发展对象', when: '2027-04-10 起可办理', reason: '确定为入党积极分子后须经过12个月以上的培养考察' });
    expect(r.tasks.map((t) => [t.name, t.ownerText, t.missingText])).toEqual([['思想汇报', '本人', '缺交 1 次']]);
    expect(r.steps.map((s) => s.title)).toContain('5. 指定培养联系人');
    expect(r.attachments.map((a) => [a.kindText, a.byApplicant])).toEqual([['思想汇报', true]]);
    expect([r.canRecord, r.canPublicize]).toEqual([true, false]);
    page.recordStep();
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pkg-develop/record-step/index?id=21' }]);

    const reviewed = await app.open('person', { id: '22' });
    expect(reviewed.data.record.publicities).toEqual([{ id: 41, title: '支部党员大会讨论接收前公示', period: '2026-06-02 至 2026-06-08（5个工作日）', running: true }]);
    expect(reviewed.data.record.canPublicize).toBe(true);
    await reviewed.toggleObjections(event({ id: 41 }));
    expect(reviewed.data.openPublicity).toBe('41');
    expect(reviewed.data.objections['41']).toEqual([{ id: 1, text: '该同志曾有考试作弊记录', from: '李明', at: '2026-06-03' }]);
    await reviewed.toggleObjections(event({ id: 41 }));
    expect(reviewed.data.openPublicity).toBe('');
  });

  test('records a step: the choices the rules allow, the server\'s "too early" with its day on the form, the same key on the retry', async () => {
    let answers = [TOO_EARLY, [201, ACTIVIST]];
    const { app, sent } = appAs(SECRETARY, committeeRoutes({ 'POST /api/development/records/21/steps': () => answers.shift() }));
    const page = await app.open('record-step', { id: '21' });
    expect(page.data.choices.map((c) => c.label)).toEqual(['7. 确定为发展对象', '6. 培养教育考察', '思想汇报']);
    expect(page.data.choices[0]).toMatchObject({ possibleFrom: '2027-04-10' });
    page.onField(event({ field: 'occurredOn' }, { value: '2026-07-01' }));
    page.onField(event({ field: 'note' }, { value: '支委会研究' }));
    await page.submit();
    expect(sent['POST /api/development/records/21/steps']).toEqual([{ kind: 'CandidateConfirmed', occurredOn: '2026-07-01', note: '支委会研究' }]);
    expect(page.data.error).toEqual({ title: '时间未到', detail: '「确定为发展对象」最早可于2027-04-10记录（确定为入党积极分子后须经过12个月以上的培养考察）。' });
    expect(app.wx.calls.modals).toEqual([]);
    expect(app.wx.calls.navigations).toEqual([]);
    await page.submit();
    const keys = keysOf(app, 'POST /api/development/records/21/steps');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(KEY);
    expect(keys[1]).toBe(keys[0]);
    expect(page.data.error).toBeNull();
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/person/index?id=21' }]);
  });

  test('introducers: only full members are offered, exactly two are required, and they are sent as introducerIds', async () => {
    const CANDIDATE = Object.assign({}, ACTIVIST, { steps: ACTIVIST.steps.concat([step(8, 'CandidateConfirmed', 7, '确定为发展对象', '2027-04-10'), step(9, 'CandidateFiled', 8, '发展对象报上级党委备案', '2027-04-11')]), next: { kind: 'IntroducersAssigned', number: 9, name: '确定入党介绍人', possibleFrom: null, reason: null } });
    const { app, sent } = appAs(SECRETARY, committeeRoutes({ 'GET /api/development/records/21': () => CANDIDATE, 'POST /api/development/records/21/steps': () => [201, CANDIDATE] }));
    const page = await app.open('record-step', { id: '21' });
    expect(page.data.needs).toMatchObject({ introducers: true, talkPartners: false });
    expect(page.data.fullMembers.map((m) => m.label)).toEqual(['王建国（T1001）', '李明（T1002）']);
    page.onPeople(event({ field: 'introducerIds' }, { value: ['2'] }));
    await page.submit();
    expect(page.data.error).toEqual({ title: '请补充信息', detail: '请确定2名入党介绍人（须为正式党员）。' });
    page.onPeople(event({ field: 'introducerIds' }, { value: ['2', '3'] }));
    await page.submit();
    expect(sent['POST /api/development/records/21/steps']).toEqual([{ kind: 'IntroducersAssigned', occurredOn: page.data.today, introducerIds: [2, 3] }]);
  });

  test('admission takes a passed resolution of the branch\'s general meeting and no day of its own', async () => {
    const PUBLICIZED = Object.assign({}, REVIEWED, { steps: REVIEWED.steps.concat([step(13, 'UpperPreReview', 13, '上级党委预审', '2026-06-03'), step(14, 'ApplicationForm', 14, '填写入党志愿书', '2026-06-04')]), next: { kind: 'Admission', number: 15, name: '支部党员大会讨论接收', possibleFrom: null, reason: null } });
    const { app, sent } = appAs(SECRETARY, committeeRoutes({
      'GET /api/development/records/22': () => PUBLICIZED,
      // Two pages of the branch's past meetings (the server filters by unitId): the resolutions of general meetings on every page are offered.
      'GET /api/meetings': (req) => (String(req.query.unitId) !== '2' || req.query.scope !== 'past' ? [400, { title: '参数有误', detail: '应按支部查询已召开的会议。' }] : req.query.cursor === 'p2' ? { items: [
        { id: 6, type: 'BranchGeneralMeeting', branchId: 2, unitId: 2, topic: '讨论发展对象', startsAt: '2026-05-10T14:00:00+08:00' },
      ], nextCursor: null } : { items: [
        { id: 4, type: 'BranchGeneralMeeting', branchId: 2, unitId: 2, topic: '接收预备党员', startsAt: '2026-06-10T14:00:00+08:00' },
        { id: 5, type: 'PartyLesson', branchId: 2, unitId: 2, topic: '党课', startsAt: '2026-06-11T14:00:00+08:00' },
      ], nextCursor: 'p2' }),
      'GET /api/meetings/4': () => ({ id: 4, resolutions: [{ id: 7, title: '接收钱程为预备党员', passed: true }, { id: 8, title: '另一项', passed: false }] }),
      'GET /api/meetings/6': () => ({ id: 6, resolutions: [{ id: 9, title: '接收赵敏为预备党员', passed: true }] }),
      'POST /api/development/records/22/steps': () => [201, PUBLICIZED],
    }));
    const page = await app.open('record-step', { id: '22' });
    expect(page.data.needs).toMatchObject({ resolution: true, resolutionRequired: true });
    expect(page.data.resolutions).toEqual([{ id: 7, label: '2026-06-10 接收预备党员：接收钱程为预备党员' }, { id: 9, label: '2026-05-10 讨论发展对象：接收赵敏为预备党员' }]);
    await page.submit();
    expect(page.data.error.detail).toBe('请选择支部党员大会通过的决议。');
    page.onResolution(event({}, { value: '0' }));
    await page.submit();
    expect(sent['POST /api/development/records/22/steps']).toEqual([{ kind: 'Admission', resolutionId: 7 }]);
  });

  test('starts the publicity before admission and reads its objections; a refusal shows on the form', async () => {
    let answers = [[400, { title: '不能公示', detail: '公示开始日期不能早于上一步骤的日期。' }], [201, REVIEWED.publicities[0]]];
    const { app, sent } = appAs(SECRETARY, committeeRoutes({ 'POST /api/development/records/22/publicity': () => answers.shift() }));
    const page = await app.open('publicity', { id: '22' });
    expect(page.data.choices).toEqual([{ before: 'Admission', label: '接收预备党员前公示' }]);
    expect(page.data.publicities.map((p) => [p.title, p.objections.map((o) => o.text + '/' + o.from)])).toEqual([['支部党员大会讨论接收前公示', ['该同志曾有考试作弊记录/李明']]]);
    page.onDate(event({}, { value: '2026-06-02' }));
    await page.start();
    expect(page.data.error).toEqual({ title: '不能公示', detail: '公示开始日期不能早于上一步骤的日期。' });
    await page.start();
    expect(sent['POST /api/development/records/22/publicity']).toEqual([{ before: 'Admission', startsOn: '2026-06-02' }, { before: 'Admission', startsOn: '2026-06-02' }]);
    const keys = keysOf(app, 'POST /api/development/records/22/publicity');
    expect(keys[1]).toBe(keys[0]);
    expect(app.wx.calls.toasts).toEqual(['已发起公示']);

    const activist = await app.open('publicity', { id: '21' });
    expect(activist.data.choices).toEqual([]);
  });

  test('registers a new applicant with step 1 and opens the record; the server\'s refusal (too young) shows on the form', async () => {
    let answers = [[400, { title: '时间未到', detail: '「递交入党申请书」最早可于2026-09-01记录（递交入党申请时须年满18周岁）。', possibleOn: '2026-09-01' }], [201, Object.assign({}, APPLICANT, { id: 30 })]];
    const { app, sent } = appAs(SECRETARY, { 'POST /api/development/records': () => answers.shift() });
    const page = await app.open('applicant-create', { unitId: '2' });
    await page.submit();
    expect(page.data.error.detail).toBe('请填写姓名和学工号。');
    page.onField(event({ field: 'name' }, { value: '孙静' }));
    page.onField(event({ field: 'number' }, { value: 'S3010' }));
    page.onField(event({ field: 'birthDate' }, { value: '2008-09-01' }));
    page.onField(event({ field: 'appliedOn' }, { value: '2026-06-01' }));
    await page.submit();
    expect(page.data.error).toEqual({ title: '时间未到', detail: '「递交入党申请书」最早可于2026-09-01记录（递交入党申请时须年满18周岁）。' });
    await page.submit();
    expect(sent['POST /api/development/records']).toEqual([
      { branchId: 2, name: '孙静', number: 'S3010', birthDate: '2008-09-01', appliedOn: '2026-06-01' },
      { branchId: 2, name: '孙静', number: 'S3010', birthDate: '2008-09-01', appliedOn: '2026-06-01' },
    ]);
    const keys = keysOf(app, 'POST /api/development/records');
    expect(keys[1]).toBe(keys[0]);
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/person/index?id=30' }]);
  });

  // person and record-step ask the API for a member outside the committee (an assigned contact may use them):
  // test/develop-contacts.test.js.
  test.each([['publicity', { id: '21' }], ['applicant-create', { unitId: '2' }]])(
    'a plain member gets no %s page and the API is not asked about development',
    async (name, options) => {
      const { app } = appAs(MEMBER, {
        'GET /api/development/records/21': () => ACTIVIST,
        'GET /api/org/units/2/members': () => ROSTER,
      });
      const page = await app.open(name, options);
      expect(page.data).toMatchObject({ allowed: false, checked: true });
      expect(app.wx.calls.requests.map((r) => new URL(r.url).pathname).filter((p) => !/^\/api\/(me|auth\/wechat-login)$/.test(p))).toEqual([]);
    },
  );
});
