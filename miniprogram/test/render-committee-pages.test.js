/**
 * @jest-environment jsdom
 */
// The committee pages of issue 21 rendered with miniprogram-simulate from the data their logic produced against a
// fake API: the study publish and assign forms, the graduation batch with the server's row errors, reconciliation
// with its differences and refund form, a member's payments on the branch page, and the API's 403 title on the page.
const { event } = require('./harness');
const { text } = require('./render-kit');
const { MEMBER, SECRETARY, appAs } = require('./fake-phone');

const ROSTER = { nextCursor: null, items: [{ id: 3, name: '李明', number: 'T1002', status: 'Full' }, { id: 6, name: '刘洋', number: 'T1005', status: 'Probationary' }] };
const UNITS = { nextCursor: null, items: [{ id: 2, kind: 'Branch', name: '教工第一党支部', children: [] }] };
const forbidden = () => [403, { title: '仅组织委员可以办理', detail: '您的职务不能办理此事项。', status: 403 }];
const PAYMENT = (extra) => Object.assign({ id: 41, outTradeNo: 'DUES0041', method: 'WeChatPay', status: 'Disputed', amountFen: 1350, extraFen: 0, months: ['2026-01'], receiptNumber: null, createdAt: '2026-03-01T01:00:00Z', paidAt: null, problem: '金额与订单不符', refundedAt: null }, extra);
const BRANCH = { branchId: 2, branchName: '教工第一党支部', month: '2026-03', dueFen: 4500, paidFen: 0, paid: [], unpaid: [{ memberId: 3, name: '李明', amountFen: 4500, paidFen: 0 }], noBase: [], arrears: [], flagged: [], disputed: [PAYMENT()] };

test('publish: the form for a file, then the published material with its next step; a member sees the refusal', async () => {
  const { app } = appAs(SECRETARY, { 'POST /api/study/materials': () => [201, { id: 31, status: 'PendingApproval' }] });
  const page = await app.open('publish');
  page.onKind(event({}, { value: '3' }));
  let shown = text('publish', page.data);
  ['标题（不超过60字）', '文档（PDF）', '选择文件', '上传并发布'].forEach((t) => expect(shown).toContain(t));
  page.setData({ title: '党章学习', published: { id: 31, status: 'PendingApproval', text: '已提交，待另一名支委审核后发布', ready: false } });
  shown = text('publish', page.data);
  expect(shown).toContain('党章学习已提交，待另一名支委审核后发布');
  expect(shown).not.toContain('布置为学习任务');
  expect(text('publish', (await appAs(MEMBER).app.open('publish')).data)).toContain('仅支部委员可以发布学习资料');
});

test('assign: the materials with their choice, the audience and the due date', async () => {
  const { app } = appAs(SECRETARY, {
    'GET /api/org/units': () => UNITS,
    'GET /api/org/units/2/members': () => ROSTER,
    'GET /api/study/materials': () => ({ items: [{ id: 21, unitId: 2, title: '学习党章第一章', topic: '党章党规', kind: 'Text', visibility: 'Internal', status: 'Published', estimatedMinutes: 45, hours: 1 }], nextCursor: null }),
  });
  const page = await app.open('assign', { materialId: '21' });
  page.onAudienceMode(event({}, { value: '2' }));
  const shown = text('assign', page.data);
  ['学习资料（已选 1 份，最多50份）', '学习党章第一章图文 · 党章党规 · 1 学时', '选择党员（已选 0 人）', '李明T1002', '截止日期' + page.data.dueOn].forEach((t) => expect(shown).toContain(t));
});

test('graduation: the composed rows and the server\'s row errors by name', async () => {
  const { app } = appAs(SECRETARY, {
    'GET /api/org/units/2/members': () => ROSTER,
    'POST /api/org/units/2/transfers/graduation': () => [400, { title: '毕业转出名单有误', detail: '共有 1 行有误', status: 400, rows: [{ row: 2, reasons: ['该党员已有正在办理的组织关系转接'] }] }],
  });
  const page = await app.open('graduation');
  page.addPerson(event({}, { value: '0' }));
  page.onOrganization(event({ index: 0 }, { value: '某公司党委' }));
  await page.check();
  const shown = text('graduation', page.data);
  ['李明 T1002', '毕业去向：就业', '名单有误（未办理任何转出），请修改后重新检查', '李明（T1002）该党员已有正在办理的组织关系转接'].forEach((t) => expect(shown).toContain(t));
  expect(shown).not.toContain('确认转出');
});

test('reconcile: totals, a difference to settle, the disputed payment and the refund form; a 403 shows its title', async () => {
  const { app } = appAs(SECRETARY, {
    'GET /api/dues/branches/2/reconciliation': (req) => ({ date: req.query.date, weChatCount: 1, weChatFen: 4500, ourCount: 0, ourFen: 0, differences: [{ kind: 'PaidThereNotHere', outTradeNo: 'DUES0042', transactionId: '4200001', memberId: 3, name: '李明', weChatFen: 4500, ourFen: null, ourStatus: null }] }),
    'GET /api/dues/branches/2': () => BRANCH,
  });
  const page = await app.open('reconcile');
  page.chooseRefund(event({ id: 41, name: '', amount: '13.50' }));
  const shown = text('reconcile', page.data);
  [
    '微信支付 ¥45.00',
    '本系统 ¥0.00',
    '李明无记录微信支付已收款，本系统未记为已交',
    '订单 DUES0042 · 微信支付 ¥45.00 · 本系统 ¥—',
    '按微信支付结果处理',
    '¥13.50 2026-01退款 ›',
    '订单 DUES0041 · 核对中· 金额与订单不符',
    '退款 ¥13.50退款原因（不超过200字）',
  ].forEach((t) => expect(shown).toContain(t));

  const refused = await appAs(SECRETARY, { 'GET /api/dues/branches/2/reconciliation': forbidden, 'GET /api/dues/branches/2': forbidden }).app.open('reconcile');
  expect(text('reconcile', refused.data).trim()).toBe('仅组织委员可以办理');
});

test('branch: a member\'s payments with the refund link, and the reduction form', async () => {
  const { app } = appAs(SECRETARY, {
    'GET /api/dues/branches/2': () => BRANCH,
    'GET /api/dues/members/3/payments': () => ({ items: [PAYMENT({ id: 44, status: 'Paid', amountFen: 4500, months: ['2026-03'], problem: null })], nextCursor: null }),
  });
  const page = await app.open('pkg-dues/branch');
  await page.select(event({ id: 3, name: '李明' }));
  page.chooseRefund(event({ id: 44, name: '李明', amount: '45.00' }));
  const shown = text('pkg-dues/branch', page.data);
  ['减免后每月交纳额（元，免交填 0；须低于按规定应交额）', '批准减免', '交纳记录¥45.00 2026-03微信支付 · 已交纳退款 ›', '退款给 李明 ¥45.00'].forEach((t) => expect(shown).toContain(t));
});
