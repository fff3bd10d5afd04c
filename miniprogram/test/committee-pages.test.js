// The committee pages of issue 21 against a fake API: publishing a study material (text, and a file through the
// chunked upload with a lost chunk resent), assigning materials with a due date, the graduation batch (composed or a
// sheet; the dry run's row errors, then the confirmation), dues reconciliation with its refunds, a reduction on the
// branch page, the workbench entries, a plain member's refusal and a 403 shown on the page as the API's title.
const { event } = require('./harness');
const { MEMBER, SECRETARY, appAs, keysOf } = require('./fake-phone');

const KEY = /^[!-~]{1,128}$/;
const ROSTER = { nextCursor: null, items: [
  { id: 2, name: '王建国', number: 'T1001', status: 'Full', partyGroup: null, roles: [], isBound: true },
  { id: 3, name: '李明', number: 'T1002', status: 'Full', partyGroup: { id: 5, name: '教工第一党小组' }, roles: [], isBound: true },
  { id: 6, name: '刘洋', number: 'T1005', status: 'Probationary', partyGroup: null, roles: [], isBound: false },
] };
const UNITS = { nextCursor: null, items: [{ id: 1, kind: 'GeneralBranch', name: '信息学院党总支', children: [{ id: 2, kind: 'Branch', name: '教工第一党支部', children: [{ id: 5, kind: 'PartyGroup', name: '教工第一党小组' }] }] }] };
const forbidden = [403, { title: '仅组织委员可以办理', detail: '您的职务不能办理此事项。', status: 403 }];
const text = (body) => Buffer.from(body).toString('utf8');

describe('publishing a study material', () => {
  test('a text is sent as paragraphs with the limits checked first, then offered for an assignment', async () => {
    const { app, sent } = appAs(SECRETARY, { 'POST /api/study/materials': () => [201, { id: 31, status: 'Published' }] });
    const page = await app.open('publish', { unitId: '2' });
    expect(page.data.allowed).toBe(true);
    await page.submit();
    expect(app.wx.calls.modals.pop()).toEqual({ title: '无法发布', content: '请填写标题。' });
    page.onField(event({ field: 'title' }, { value: '学习党章第一章' }));
    page.onField(event({ field: 'topic' }, { value: '党章党规' }));
    page.onField(event({ field: 'body' }, { value: '党员必须履行下列义务\n（一）认真学习' }));
    page.onField(event({ field: 'minutes' }, { value: '481' }));
    page.onConfirm(event({}, { value: ['yes'] }));
    await page.submit();
    expect(app.wx.calls.modals.pop().content).toBe('预计学习时长应在1到480分钟之间。');
    page.onField(event({ field: 'minutes' }, { value: '45' }));
    page.onIndex(event({ field: 'visibilityIndex' }, { value: '1' }));
    await page.submit();
    expect(sent['POST /api/study/materials']).toEqual([{
      unitId: 2, title: '学习党章第一章', topic: '党章党规', kind: 'Text', body: '<p>党员必须履行下列义务</p><p>（一）认真学习</p>', mediaId: null,
      visibility: 'Public', estimatedMinutes: 45, confirmNotClassified: true,
    }]);
    expect(keysOf(app, 'POST /api/study/materials')[0]).toMatch(KEY);
    expect(page.data.published).toEqual({ id: 31, status: 'Published', text: '已发布', ready: true });
    page.assign();
    expect(app.wx.calls.navigations.pop().url).toBe('/pkg-study/assign/index?unitId=2&materialId=31');
  });

  test('a file goes up in chunks; a chunk lost on the way is resent once the server says it is missing, the server names the kind, the video waits for approval', async () => {
    const bytes = Buffer.alloc(1024 * 1024 + 10, 7);
    let puts = 0;
    const chunks = {};
    const state = () => ({ id: 'u1', fileName: 'lesson.mp4', size: bytes.length, chunkSize: 1048576, chunkCount: 2, missing: [0, 1].filter((i) => !chunks[i]), status: 'Uploading', kind: null, hasPoster: false });
    const { app, sent } = appAs(SECRETARY, {
      'POST /api/study/uploads': () => [201, state()],
      'PUT /api/study/uploads/u1/chunks/0': (req) => {
        puts += 1;
        if (puts === 1) throw new Error('connection reset'); // the connection dropped: the server never got it
        chunks[0] = req.body.byteLength;
        return state();
      },
      'PUT /api/study/uploads/u1/chunks/1': (req) => ((chunks[1] = req.body.byteLength), state()),
      'GET /api/study/uploads/u1': () => state(),
      'POST /api/study/uploads/u1/complete': () => Object.assign(state(), { status: 'Ready', kind: 'Video', durationSeconds: 600, hasPoster: true }),
      'POST /api/study/materials': () => [201, { id: 32, status: 'PendingApproval' }],
    }, { files: [{ path: 'wxfile://tmp/lesson.mp4', name: 'lesson.mp4', bytes }] });
    const page = await app.open('publish', { unitId: '2' });
    page.onKind(event({}, { value: '2' }));
    page.onField(event({ field: 'title' }, { value: '党史微课' }));
    page.onField(event({ field: 'topic' }, { value: '党史学习' }));
    page.onConfirm(event({}, { value: ['yes'] }));
    await page.chooseFile();
    expect(page.data.file).toEqual({ path: 'wxfile://tmp/lesson.mp4', name: 'lesson.mp4', size: bytes.length });
    await page.submit();
    expect(app.wx.calls.modals).toEqual([]);
    expect(sent['POST /api/study/uploads']).toEqual([{ fileName: 'lesson.mp4', size: bytes.length, chunkSize: 1048576 }]);
    expect(chunks).toEqual({ 0: 1048576, 1: 10 });
    expect(app.wx.calls.requests.filter((r) => r.method === 'PUT').map((r) => [new URL(r.url).pathname, r.header['Content-Type']])).toEqual([
      ['/api/study/uploads/u1/chunks/0', 'application/octet-stream'],
      ['/api/study/uploads/u1/chunks/1', 'application/octet-stream'],
      ['/api/study/uploads/u1/chunks/0', 'application/octet-stream'],
    ]);
    expect(sent['POST /api/study/materials'][0]).toMatchObject({ kind: 'Video', mediaId: 'u1', body: null });
    expect(page.data.published).toMatchObject({ status: 'PendingApproval', text: '已提交，待另一名支委审核后发布', ready: false });
  });

  test('a refused publication keeps its key for the retry; a 403 shows the API\'s title on the page; a member sees no form', async () => {
    let answers = [[503, { title: '服务繁忙', detail: '请稍后再试。', status: 503 }], [201, { id: 33, status: 'Published' }]];
    const { app } = appAs(SECRETARY, { 'POST /api/study/materials': () => answers.shift() });
    const page = await app.open('publish');
    page.onField(event({ field: 'title' }, { value: '标题' }));
    page.onField(event({ field: 'topic' }, { value: '专题' }));
    page.onField(event({ field: 'body' }, { value: '正文' }));
    page.onConfirm(event({}, { value: ['yes'] }));
    await page.submit();
    await page.submit();
    const keys = keysOf(app, 'POST /api/study/materials');
    expect(keys[1]).toBe(keys[0]);

    const refused = appAs(SECRETARY, { 'POST /api/study/materials': () => forbidden }).app;
    const other = await refused.open('publish');
    Object.assign(other.data, page.data, { published: null, denied: '' });
    await other.submit();
    expect(other.data.denied).toBe('仅组织委员可以办理');
    expect(refused.wx.calls.modals).toEqual([]);

    const member = appAs(MEMBER).app;
    expect((await member.open('publish')).data.allowed).toBe(false);
  });
});

describe('assigning materials', () => {
  const MATERIALS = (cursor) => cursor
    ? { items: [{ id: 22, unitId: 2, title: '党史微课', topic: '党史学习', kind: 'Video', visibility: 'Public', status: 'Published', estimatedMinutes: 20, hours: 0.4 }], nextCursor: null }
    : { items: [
      { id: 21, unitId: 2, title: '学习党章第一章', topic: '党章党规', kind: 'Text', visibility: 'Internal', status: 'Published', estimatedMinutes: 45, hours: 1 },
      { id: 23, unitId: 2, title: '待审核视频', topic: '党史学习', kind: 'Video', visibility: 'Internal', status: 'PendingApproval', estimatedMinutes: 10, hours: 0.2 },
    ], nextCursor: 'c2' };

  test('published materials, more at the bottom; chosen members and a due date; then the completion page', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units': () => UNITS,
      'GET /api/org/units/2/members': () => ROSTER,
      'GET /api/study/materials': (req) => MATERIALS(req.query.cursor),
      'POST /api/study/assignments': () => [201, { id: 8, assigneeCount: 1 }],
    });
    const page = await app.open('assign', { unitId: '2', materialId: '21' });
    expect(page.data.materials).toEqual([{ id: 21, title: '学习党章第一章', kind: '图文', topic: '党章党规', hours: '1', checked: true }]);
    await page.onReachBottom();
    expect(page.data.materials.map((m) => m.id)).toEqual([21, 22]);
    expect(page.data.done).toBe(true);
    await page.onPullDownRefresh();
    expect(page.data.materials.map((m) => m.id)).toEqual([21]);
    page.onField(event({ field: 'title' }, { value: '三月学习任务' }));
    page.onAudienceMode(event({}, { value: '2' }));
    await page.submit();
    expect(app.wx.calls.modals.pop().content).toBe('请至少选择一名党员，或改为发给全支部。');
    page.toggleMember(event({ id: 3 }));
    page.onField(event({ field: 'dueOn' }, { value: '2099-03-31' }));
    await page.submit();
    expect(sent['POST /api/study/assignments']).toEqual([{ title: '三月学习任务', materialIds: [21], audience: { unitIds: [], memberIds: [3] }, dueOn: '2099-03-31' }]);
    expect(keysOf(app, 'POST /api/study/assignments')[0]).toMatch(KEY);
    expect(app.wx.calls.navigations.pop()).toEqual({ type: 'redirectTo', url: '/pkg-study/assignment/index?id=8&unitId=2' });
  });

  test('nothing chosen or a past date is caught before asking; a plain member gets no page', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units': () => UNITS, 'GET /api/org/units/2/members': () => ROSTER, 'GET /api/study/materials': () => ({ items: [], nextCursor: null }),
    });
    const page = await app.open('assign');
    page.onField(event({ field: 'title' }, { value: '任务' }));
    await page.submit();
    expect(app.wx.calls.modals.pop().content).toBe('请至少选择一份学习资料。');
    page.setData({ materialIds: [21] });
    page.onField(event({ field: 'dueOn' }, { value: '2020-01-01' }));
    await page.submit();
    expect(app.wx.calls.modals.pop().content).toBe('截止日期不能早于今天。');
    expect(sent['POST /api/study/assignments']).toBeUndefined();
    const member = appAs(MEMBER).app;
    expect((await member.open('assign')).data.allowed).toBe(false);
  });
});

describe('the graduation batch', () => {
  const ROWS = [400, {
    title: '毕业转出名单有误', detail: '共有 1 行有误，未创建任何转接。请按提示修改后重新上传。', status: 400,
    rows: [{ row: 3, reasons: ['该党员已有正在办理的组织关系转接'] }],
  }];

  test('composed from the roster: the dry run lists the bad row by name; fixed, checked, confirmed once with a key', async () => {
    const bodies = [];
    const answers = [ROWS, { dryRun: true, rows: 1, created: 0 }, { dryRun: false, rows: 1, created: 1 }];
    const { app } = appAs(SECRETARY, {
      'GET /api/org/units/2/members': () => ROSTER,
      'POST /api/org/units/2/transfers/graduation': (req) => {
        bodies.push({ dryRun: req.query.dryRun, body: text(req.body) });
        return answers.shift();
      },
    });
    const page = await app.open('graduation', { unitId: '2' });
    expect(page.data.people.map((p) => p.label)).toEqual(['王建国 T1001', '李明 T1002', '刘洋 T1005']);
    await page.check();
    expect(app.wx.calls.modals.pop().content).toBe('请至少添加一名毕业生党员。');
    page.addPerson(event({}, { value: '1' }));
    page.addPerson(event({}, { value: '2' }));
    page.addPerson(event({}, { value: '2' })); // once
    await page.check();
    expect(app.wx.calls.modals.pop().content).toBe('李明：请填写转入党组织（暂缓就业和其他可不填）。');
    page.onOrganization(event({ index: 0 }, { value: '某市某区某街道党工委, 第一党支部' }));
    page.onType(event({ index: 1 }, { value: '3' }));
    await page.check();
    expect(page.data.errors).toEqual([{ row: 3, who: '刘洋（T1005）', reasons: '该党员已有正在办理的组织关系转接' }]);
    expect(page.data.verified).toBeNull();
    expect(bodies[0].dryRun).toBe('true');
    expect(bodies[0].body).toContain('Content-Disposition: form-data; name="file"; filename="graduation.csv"');
    expect(bodies[0].body).toContain('\ufeff学工号,姓名,毕业去向,转入党组织\r\nT1002,李明,就业,"某市某区某街道党工委, 第一党支部"\r\nT1005,刘洋,暂缓就业,\r\n');

    page.removeRow(event({ index: 1 }));
    await page.check();
    expect(page.data.verified).toEqual({ rows: 1 });
    expect(page.data.errors).toEqual([]);
    await page.confirm();
    expect(bodies.map((b) => b.dryRun)).toEqual(['true', 'true', undefined]);
    expect(page.data.done).toEqual({ created: 1 });
    const keys = keysOf(app, 'POST /api/org/units/2/transfers/graduation');
    expect(keys.slice(0, 2)).toEqual([undefined, undefined]);
    expect(keys[2]).toMatch(KEY);
    await page.confirm(); // nothing checked any more: nothing sent
    expect(bodies).toHaveLength(3);
  });

  test('a sheet from a chat is sent as it is, and its row errors name the row numbers', async () => {
    const sheet = Buffer.from('学工号,姓名,毕业去向,转入党组织\r\nS2002,周杰,工作,某公司党委\r\n', 'utf8');
    let body = '';
    const { app } = appAs(SECRETARY, {
      'GET /api/org/units/2/members': () => ROSTER,
      'POST /api/org/units/2/transfers/graduation': (req) => {
        body = text(req.body);
        return [400, { title: '毕业转出名单有误', detail: '共有 1 行有误', status: 400, rows: [{ row: 2, reasons: ['本支部名册中没有学工号“S2002”', '毕业去向“工作”无效'] }] }];
      },
    }, { files: [{ path: 'wxfile://tmp/名单.csv', name: '毕业名单.csv', bytes: sheet }] });
    const page = await app.open('graduation');
    page.switchMode(event({ mode: 'file' }));
    await page.check();
    expect(app.wx.calls.modals.pop().content).toBe('请选择名单文件（.xlsx 或 .csv）。');
    await page.chooseFile();
    expect(app.wx.calls.chosen).toEqual([{ type: 'file', extension: ['xlsx', 'csv'] }]);
    await page.check();
    expect(body).toContain('filename="graduation.csv"; filename*=UTF-8\'\'' + encodeURIComponent('毕业名单.csv'));
    expect(body).toContain('S2002,周杰,工作,某公司党委');
    expect(page.data.errors).toEqual([{ row: 2, who: '第 2 行', reasons: '本支部名册中没有学工号“S2002”；毕业去向“工作”无效' }]);
  });

  test('a 403 shows the API\'s title on the page; a plain member sees no form', async () => {
    const { app } = appAs(SECRETARY, { 'GET /api/org/units/2/members': () => forbidden });
    const page = await app.open('graduation');
    expect(page.data.denied).toBe('仅组织委员可以办理');
    expect(app.wx.calls.modals).toEqual([]);
    expect((await appAs(MEMBER).app.open('graduation')).data.allowed).toBe(false);
  });
});

describe('dues reconciliation, refunds and reductions', () => {
  const PAYMENT = (extra) => Object.assign({ id: 41, outTradeNo: 'DUES0041', method: 'WeChatPay', status: 'Disputed', amountFen: 1350, extraFen: 0, months: ['2026-01', '2026-02', '2026-03'], receiptNumber: null, createdAt: '2026-03-01T01:00:00Z', paidAt: null, problem: '金额与订单不符', refundedAt: null }, extra);
  const BRANCH = { branchId: 2, branchName: '教工第一党支部', month: '2026-03', dueFen: 9000, paidFen: 4500, paid: [{ memberId: 2, name: '王建国', amountFen: 4500, paidFen: 4500 }], unpaid: [{ memberId: 3, name: '李明', amountFen: 4500, paidFen: 0 }], noBase: [], arrears: [], flagged: [], disputed: [PAYMENT()] };

  test('the day\'s differences, one settled by WeChat Pay\'s word, then refunded with a reason', async () => {
    let resolved = false;
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/dues/branches/2/reconciliation': (req) => ({
        date: req.query.date, weChatCount: 2, weChatFen: 9000, ourCount: 1, ourFen: 4500,
        differences: resolved ? [] : [{ kind: 'PaidThereNotHere', outTradeNo: 'DUES0042', transactionId: '4200001', memberId: 3, name: '李明', weChatFen: 4500, ourFen: 4500, ourStatus: 'Closed' }],
      }),
      'GET /api/dues/branches/2': () => BRANCH,
      'POST /api/dues/branches/2/reconciliation/resolve': () => ((resolved = true), { tradeState: 'SUCCESS', payment: PAYMENT({ id: 42, outTradeNo: 'DUES0042', status: 'Paid', amountFen: 4500, months: ['2026-03'], problem: null }) }),
      'POST /api/dues/payments/42/refund': () => PAYMENT({ id: 42, outTradeNo: 'DUES0042', status: 'Refunding', amountFen: 4500, months: ['2026-03'], problem: null }),
    });
    const page = await app.open('reconcile', { unitId: '2' });
    const asked = app.wx.calls.requests.filter((r) => r.url.indexOf('/reconciliation') > 0)[0];
    expect(new URL(asked.url).searchParams.get('date')).toBe(page.data.date);
    expect(page.data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.data.figures).toEqual({ weChatCount: 2, weChat: '90.00', ourCount: 1, ours: '45.00' });
    expect(page.data.differences).toEqual([{ outTradeNo: 'DUES0042', kind: '微信支付已收款，本系统未记为已交', name: '李明', weChat: '45.00', ours: '45.00', status: '已关闭' }]);
    expect(page.data.disputed.map((p) => [p.id, p.amount, p.months, p.status, p.refundable])).toEqual([[41, '13.50', '2026-01 至 2026-03', '核对中', true]]);

    await page.resolve(event({ no: 'DUES0042' }));
    expect(sent['POST /api/dues/branches/2/reconciliation/resolve']).toEqual([{ outTradeNo: 'DUES0042' }]);
    expect(app.wx.calls.modals.pop()).toEqual({ title: '已处理', content: '微信支付订单状态：SUCCESS；本系统记录：已交纳。' });
    expect(page.data.differences).toEqual([]);
    expect(page.data.settled).toMatchObject([{ id: 42, name: '李明', amount: '45.00', status: '已交纳', refundable: true, tradeState: 'SUCCESS' }]);

    page.chooseRefund(event({ id: 42, name: '李明', amount: '45.00' }));
    await page.refund();
    expect(app.wx.calls.modals.pop().content).toBe('请填写退款原因（如 重复支付）。');
    page.onReason(event({}, { value: '重复支付' }));
    await page.refund();
    expect(sent['POST /api/dues/payments/42/refund']).toEqual([{ reason: '重复支付' }]);
    expect(page.data.refunding).toBeNull();
    expect(page.data.settled[0]).toMatchObject({ id: 42, name: '李明', status: '退款中', refundable: false });
    expect(app.wx.calls.toasts).toContain('已申请退款');
  });

  test('a 403 from the API shows its title on the page; a plain member gets no page and asks nothing', async () => {
    const { app } = appAs(SECRETARY, { 'GET /api/dues/branches/2/reconciliation': () => forbidden, 'GET /api/dues/branches/2': () => forbidden });
    const page = await app.open('reconcile');
    expect(page.data.denied).toBe('仅组织委员可以办理');
    expect(app.wx.calls.modals).toEqual([]);
    const member = appAs(MEMBER).app;
    expect((await member.open('reconcile')).data.allowed).toBe(false);
    expect(member.wx.calls.requests.filter((r) => r.url.indexOf('/api/dues') >= 0)).toEqual([]);
  });

  test('a reduction (减免) for the selected member: the amount and reason checked, then sent for the month\'s year', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/dues/branches/2': () => BRANCH,
      'GET /api/dues/members/3/payments': () => ({ items: [], nextCursor: null }),
      'POST /api/dues/members/3/bases/2026/reduction': () => ({ memberId: 3, year: 2026, ruleMonthlyFen: 4500, monthlyFen: 0, reason: '生活困难，经支委会研究同意免交' }),
    });
    const page = await app.open('pkg-dues/branch');
    await page.onMonth(event({}, { value: '2026-03' }));
    await page.select(event({ id: 3, name: '李明' }));
    await page.reduce();
    expect(app.wx.calls.modals.pop().content).toBe('请填写减免后的每月交纳额（元，免交填 0）。');
    page.onField(event({ field: 'reducedYuan' }, { value: '0' }));
    await page.reduce();
    expect(app.wx.calls.modals.pop().content).toBe('请填写减免原因（如 生活困难，经支部委员会研究同意）。');
    page.onField(event({ field: 'reductionReason' }, { value: '生活困难，经支委会研究同意免交' }));
    await page.reduce();
    expect(sent['POST /api/dues/members/3/bases/2026/reduction']).toEqual([{ monthlyFen: 0, reason: '生活困难，经支委会研究同意免交' }]);
    expect(app.wx.calls.modals.pop()).toEqual({ title: '已减免', content: '2026 年每月应交 ¥0.00（按规定 ¥45.00）：生活困难，经支委会研究同意免交' });
    expect(page.data.selected).toBeNull();
  });

  test('a member\'s payments on the branch page; a WeChat Pay one refunded with a reason, a cash one not offered', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/dues/branches/2': () => BRANCH,
      'GET /api/dues/members/2/payments': () => ({ nextCursor: null, items: [
        PAYMENT({ id: 44, status: 'Paid', amountFen: 4500, months: ['2026-03'], problem: null, paidAt: '2026-03-02T01:00:00Z' }),
        PAYMENT({ id: 43, method: 'Cash', status: 'Paid', amountFen: 9000, months: ['2026-01', '2026-02'], receiptNumber: 'R-001', problem: null }),
      ] }),
      'POST /api/dues/payments/44/refund': () => PAYMENT({ id: 44, status: 'Refunding', amountFen: 4500, months: ['2026-03'], problem: null }),
    });
    const page = await app.open('pkg-dues/branch');
    await page.select(event({ id: 2, name: '王建国' }));
    expect(page.data.payments.map((p) => [p.id, p.amount, p.months, p.method, p.status, p.refundable])).toEqual([
      [44, '45.00', '2026-03', '微信支付', '已交纳', true], [43, '90.00', '2026-01 至 2026-02', '现金', '已交纳', false],
    ]);
    page.chooseRefund(event({ id: 44, name: '王建国', amount: '45.00' }));
    page.onReason(event({}, { value: 'x'.repeat(201) }));
    await page.refund();
    expect(app.wx.calls.modals.pop().content).toBe('退款原因不能超过200个字。');
    page.onReason(event({}, { value: '重复支付' }));
    await page.refund();
    expect(app.wx.calls.confirms.pop()).toEqual({ title: '确认退款', content: '将原路退回 王建国 ¥45.00。确定吗？' });
    expect(sent['POST /api/dues/payments/44/refund']).toEqual([{ reason: '重复支付' }]);
    expect(page.data.payments[0]).toMatchObject({ id: 44, status: '退款中', refundable: false });
    expect(page.data.refunding).toBeNull();
  });
});

describe('the workbench', () => {
  test('the committee reaches the new pages from the workbench; a plain member sees none', async () => {
    const { app } = appAs(SECRETARY);
    const page = await app.open('workbench');
    const urls = [].concat(...page.data.sections.map((s) => s.actions)).map((a) => a.url);
    ['/pkg-secretary/graduation/index?unitId=2', '/pkg-dues/reconcile/index?unitId=2', '/pkg-study/publish/index?unitId=2', '/pkg-study/assign/index?unitId=2'].forEach((url) => expect(urls).toContain(url));
    const member = await appAs(MEMBER).app.open('workbench');
    expect(member.data.sections).toEqual([]);
  });
});
