// The committee's pages of the pkg-secretary subpackage against a fake API: what the secretary sees and sends, and
// that a plain member gets no page (and asks the API nothing beyond who they are).
const { event } = require('./harness');
const { MEMBER, SECRETARY, appAs, keysOf } = require('./fake-phone');

const UNITS = [{ id: 1, kind: 'GeneralBranch', name: '信息学院党总支', children: [{ id: 2, kind: 'Branch', name: '教工第一党支部', children: [{ id: 5, kind: 'PartyGroup', name: '教工第一党小组' }, { id: 6, kind: 'PartyGroup', name: '教工第二党小组' }] }] }];
const ROSTER = { nextCursor: null, items: [
  { id: 2, name: '王建国', number: 'T1001', status: 'Full', partyGroup: { id: 5, name: '教工第一党小组' }, roles: [{ unitId: 2, unitName: '教工第一党支部', role: 'Secretary', roleName: '书记' }], isBound: true, phone: '13800000001', admittedOn: '2018-06-01', fullSince: '2019-06-01' },
  { id: 3, name: '李明', number: 'T1002', status: 'Full', partyGroup: { id: 5, name: '教工第一党小组' }, roles: [], isBound: true },
  { id: 6, name: '刘洋', number: 'T1005', status: 'Probationary', partyGroup: { id: 6, name: '教工第二党小组' }, roles: [], isBound: false, admittedOn: '2025-06-01' },
] };

/** Every secretary page with the options it opens with. */
const PAGES = [
  ['workbench', {}], ['roster', {}], ['member', { id: '3', unitId: '2' }], ['invitations', {}], ['appointments', {}], ['audit', {}],
  ['story-review', {}], ['brand-edit', {}], ['reach', {}], ['screen-links', {}], ['resolutions', { id: '4' }], ['notice-edit', { id: '11' }],
  ['transfer-letter', { id: '12' }],
];

describe('a plain member', () => {
  test.each(PAGES)('gets no %s page', async (name, options) => {
    const { app } = appAs(MEMBER, {
      'GET /api/meetings/4': () => ({ id: 4, type: 'BranchGeneralMeeting', branchId: 2, unitId: 2, topic: '党员大会', canOrganize: false }),
      'GET /api/notices/11': () => ({ id: 11, title: '通知', body: '', unitId: 2, canManage: false }),
      'GET /api/transfers/12': () => ({ id: 12, memberId: 3, memberName: '李明', stateName: '已批准', canIssueLetter: false, canRecordReceipt: false }),
    });
    const page = await app.open(name, options);
    expect(page.data).toMatchObject({ allowed: false, checked: true });
    const asked = app.wx.calls.requests.map((r) => new URL(r.url).pathname).filter((p) => !/^\/api\/(me|auth\/wechat-login|meetings\/4|notices\/11|transfers\/12)$/.test(p));
    expect(asked).toEqual([]);
  });
});

describe('the workbench', () => {
  test('lists every secretary page by topic, for the secretary\'s branch', async () => {
    const { app } = appAs(SECRETARY);
    const page = await app.open('workbench');
    expect(page.data.sections.map((s) => s.title)).toEqual(['组织与党员', '通知、会议与活动', '党员服务与监督', '品牌与宣传']);
    const urls = [].concat(...page.data.sections.map((s) => s.actions.map((a) => a.url)));
    expect(urls).toContain('/pkg-secretary/roster/index?unitId=2');
    expect(urls).toContain('/pkg-secretary/screen-links/index?unitId=2');
    page.open(event({ url: urls[0] }));
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: urls[0] }]);
  });
});

describe('invitations', () => {
  const list = [
    { id: 7, scene: 'i=abc', singleUse: true, useCount: 0, createdAt: '2026-03-01T00:00:00Z', createdBy: '王建国', expiresAt: '2026-03-08T00:00:00Z', revokedAt: null, state: 'Active' },
    { id: 6, scene: 'i=old', singleUse: true, useCount: 1, createdAt: '2026-02-01T00:00:00Z', createdBy: '王建国', expiresAt: '2026-02-08T00:00:00Z', revokedAt: null, state: 'Used' },
  ];

  test('create one (with its Idempotency-Key), show its code to scan, revoke it', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units/2/invitations': () => ({ items: list, nextCursor: null }),
      'POST /api/org/units/2/invitations': () => [201, { id: 7, branchId: 2, scene: 'i=abc', expiresAt: '2026-03-08T00:00:00Z', singleUse: true, qrCodeUrl: '/api/invitations/7/qrcode' }],
      'POST /api/invitations/7/revoke': () => [204],
    });
    const page = await app.open('invitations');
    expect(page.data.items.map((i) => [i.stateText, i.active])).toEqual([['有效', true], ['已使用', false]]);

    page.onIndex(event({ field: 'validityIndex' }, { value: '0' }));
    const before = Date.now();
    await page.create();
    const body = sent['POST /api/org/units/2/invitations'][0];
    expect(body.singleUse).toBe(true);
    expect(new Date(body.expiresAt) - before).toBeGreaterThanOrEqual(86400000 - 1000);
    expect(new Date(body.expiresAt) - before).toBeLessThan(86400000 + 60000);
    expect(keysOf(app, 'POST /api/org/units/2/invitations')[0]).toMatch(/^[!-~]+$/);
    expect(page.data.codeImage).toBe('http://tmp/' + encodeURIComponent('http://api.test/api/invitations/7/qrcode'));

    await page.revoke(event({ id: 7 }));
    expect(sent['POST /api/invitations/7/revoke']).toHaveLength(1);
    expect(page.data.codeImage).toBe('');
  });
});

describe('roster and member', () => {
  test('figures, search by name, number or group, and open a member', async () => {
    const { app } = appAs(SECRETARY, { 'GET /api/org/units/2/members': () => ROSTER });
    const page = await app.open('roster');
    expect(page.data.figures).toEqual({ total: 3, full: 2, probationary: 1, unbound: 1 });
    page.onQuery(event({}, { value: '第二' }));
    expect(page.data.shown.map((p) => p.name)).toEqual(['刘洋']);
    page.onQuery(event({}, { value: 'T1002' }));
    expect(page.data.shown.map((p) => p.name)).toEqual(['李明']);
    page.open(event({ id: 3 }));
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pkg-secretary/member/index?id=3&unitId=2' }]);
  });

  test('a member\'s details and history; extending probation needs the new end date and a reason; moving group', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units/2/members': () => ROSTER,
      'GET /api/org/units': () => ({ items: UNITS, nextCursor: null }),
      'GET /api/members/6/status': () => ({ items: [], nextCursor: null }),
      'POST /api/members/6/status': () => [201, { id: 1, change: 'ProbationExtended', changeName: '延长预备期' }],
      'PUT /api/members/6/group': () => ({ memberId: 6, branchId: 2, partyGroupId: 5 }),
    });
    const page = await app.open('member', { id: '6', unitId: '2' });
    expect(page.data.person).toMatchObject({ name: '刘洋', statusText: '预备党员', group: '教工第二党小组', bound: false });
    expect(page.data.groupIndex).toBe(1);

    page.onIndex(event({ field: 'changeIndex' }, { value: '1' }));
    page.onField(event({ field: 'occurredOn' }, { value: '2026-06-01' }));
    expect(await page.recordStatus()).toBeNull();
    expect(app.wx.calls.modals[0].content).toBe('请选择延长后的预备期截止日期。');
    page.onField(event({ field: 'extendedTo' }, { value: '2026-12-01' }));
    page.onField(event({ field: 'reason' }, { value: '支部党员大会决议延长预备期六个月' }));
    await page.recordStatus();
    expect(sent['POST /api/members/6/status']).toEqual([{ change: 'ProbationExtended', occurredOn: '2026-06-01', reason: '支部党员大会决议延长预备期六个月', extendedTo: '2026-12-01' }]);
    expect(keysOf(app, 'POST /api/members/6/status')[0]).toMatch(/^[!-~]+$/);

    await page.moveGroup(event({}, { value: '0' }));
    expect(sent['PUT /api/members/6/group']).toEqual([{ partyGroupId: 5 }]);
  });
});

describe('appointments', () => {
  test('lists the committee and group leaders; appoints a group leader to the chosen group; ends an appointment', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units/2': () => ({ id: 2, name: '教工第一党支部', kind: 'Branch', children: [{ id: 5, name: '教工第一党小组', kind: 'PartyGroup' }, { id: 6, name: '教工第二党小组', kind: 'PartyGroup' }], committee: [{ appointmentId: 1, memberId: 2, memberName: '王建国', role: 'Secretary', roleName: '书记', startsOn: '2025-09-01', endsOn: '2028-08-31' }], warnings: [{ code: 'committee.too_small', message: '正式党员7人以上的支部应设支委会。' }] }),
      'GET /api/org/units/5': () => ({ id: 5, name: '教工第一党小组', committee: [] }),
      'GET /api/org/units/6': () => ({ id: 6, name: '教工第二党小组', committee: [{ appointmentId: 4, memberId: 5, memberName: '陈静', role: 'GroupLeader', roleName: '党小组长', startsOn: '2025-09-01', endsOn: '2028-08-31' }] }),
      'GET /api/org/units/2/members': () => ROSTER,
      'POST /api/org/units/5/appointments': () => [201, { id: 9 }],
      'DELETE /api/appointments/4': () => [204],
    });
    const page = await app.open('appointments');
    expect(page.data.holders.map((h) => h.unitName + ' ' + h.role + ' ' + h.name)).toEqual(['教工第一党支部 书记 王建国', '教工第二党小组 党小组长 陈静']);
    expect(page.data.warnings).toEqual(['正式党员7人以上的支部应设支委会。']);

    page.onIndex(event({ field: 'personIndex' }, { value: '1' }));
    page.onIndex(event({ field: 'roleIndex' }, { value: String(page.data.roles.findIndex((r) => r.value === 'GroupLeader')) }));
    page.onIndex(event({ field: 'groupIndex' }, { value: '0' }));
    page.onField(event({ field: 'startsOn' }, { value: '2026-03-01' }));
    await page.appoint();
    expect(sent['POST /api/org/units/5/appointments']).toEqual([{ memberId: 3, role: 'GroupLeader', startsOn: '2026-03-01' }]);

    await page.end(event({ id: 4, name: '陈静', role: '党小组长' }));
    expect(app.wx.calls.confirms.map((c) => c.content)).toEqual(['免去 陈静 的党小组长职务后，相应权限立即停止。确定吗？']);
    expect(sent['DELETE /api/appointments/4']).toHaveLength(1);
  });
});

describe('audit log and story review', () => {
  test('the audit log pages back with nextCursor', async () => {
    const { app } = appAs(SECRETARY, {
      'GET /api/audit': (req) => (req.query.cursor
        ? { items: [{ id: 1, at: '2026-03-01T00:00:00Z', actorName: '王建国', unitName: '教工第一党支部', action: 'notice.posted', summary: '发布通知' }], nextCursor: null }
        : { items: [{ id: 2, at: '2026-03-02T00:00:00Z', actorName: '王建国', unitName: '教工第一党支部', action: 'meeting.scheduled', summary: '安排党课' }], nextCursor: '2' }),
    });
    const page = await app.open('audit');
    expect(page.data.items.map((a) => a.summary)).toEqual(['安排党课']);
    await page.onReachBottom();
    expect(page.data.items.map((a) => a.summary)).toEqual(['安排党课', '发布通知']);
    expect(page.data.done).toBe(true);
    expect(app.wx.calls.requests.filter((r) => r.url.indexOf('/api/audit') >= 0).map((r) => r.url.replace('http://api.test', ''))).toEqual(['/api/audit?unitId=2&limit=30', '/api/audit?unitId=2&cursor=2&limit=30']);
  });

  test('pending stories are approved one by one', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/stories': (req) => (req.query.status === 'pending' ? { items: [{ id: 31, title: '志愿服务记', excerpt: '周末……', visibility: 'Public', status: 'PendingApproval', authorName: '李明', createdAt: '2026-03-01T00:00:00Z', imageCount: 2 }], nextCursor: null } : [400, {}]),
      'POST /api/stories/31/approve': () => ({ id: 31, status: 'Published' }),
    });
    const page = await app.open('story-review');
    expect(page.data.items[0]).toMatchObject({ title: '志愿服务记', author: '李明', level: '公开', images: 2 });
    await page.approve(event({ id: 31 }));
    expect(sent['POST /api/stories/31/approve']).toHaveLength(1);
    expect(page.data.items).toEqual([]);
  });
});

describe('brand, reach and screen links', () => {
  test('the brand profile keeps its images, splits labels and checks the colour', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units/2/brand': () => ({ unitId: 2, name: '红烛先锋', slogan: '', labels: ['教书育人'], logoUrl: '/api/media/0b7e4c1e-1111-4a4a-9a9a-123456789abc', coverUrl: null, introduction: '', themeColor: '#C8161D', canEdit: true }),
      'PUT /api/org/units/2/brand': (req) => Object.assign({ unitId: 2, logoUrl: '/api/media/0b7e4c1e-1111-4a4a-9a9a-123456789abc' }, req.body),
    });
    const page = await app.open('brand-edit');
    expect(page.data).toMatchObject({ name: '红烛先锋', labels: '教书育人' });
    page.onField(event({ field: 'labels' }, { value: '教书育人，服务学生、 先锋' }));
    page.onField(event({ field: 'themeColor' }, { value: 'red' }));
    expect(await page.save()).toBeNull();
    expect(app.wx.calls.modals[0].content).toBe('主题色应为 #RRGGBB，如 #C8161D。');
    page.onField(event({ field: 'themeColor' }, { value: '#B01E23' }));
    await page.save();
    expect(sent['PUT /api/org/units/2/brand'][0]).toEqual({ name: '红烛先锋', slogan: '', labels: ['教书育人', '服务学生', '先锋'], introduction: '', themeColor: '#B01E23', logoMediaId: '0b7e4c1e-1111-4a4a-9a9a-123456789abc', coverMediaId: null });
  });

  test('reach shows attention, coverage and heat for the period, hottest items first', async () => {
    const f = (attention, coverage, heat) => ({ audience: 10, attention, reachedMembers: attention, coverage, views: attention, likes: 1, comments: 0, shares: 0, heat });
    const { app } = appAs(SECRETARY, {
      'GET /api/org/units/2/reach': (req) => ({ unitId: 2, from: req.query.from, to: req.query.to, total: f(8, 0.8, 21.5), items: [{ type: 'notice', id: 1, title: '通知甲', figures: f(5, 0.5, 5) }, { type: 'story', id: 2, title: '事迹乙', figures: f(6, 0.6, 16.5) }], days: [], formula: { text: '热度 = Σ 权重 × 0.5^(时间/7天)' } }),
    });
    const page = await app.open('reach');
    expect(page.data.total).toMatchObject({ attention: 8, coverage: '80%', heat: 21.5 });
    expect(page.data.items.map((i) => i.kind + i.title)).toEqual(['事迹事迹乙', '通知通知甲']);
    const url = new URL(app.wx.calls.requests.filter((r) => r.url.indexOf('/reach') >= 0)[0].url);
    expect((new Date(url.searchParams.get('to')) - new Date(url.searchParams.get('from'))) / 86400000).toBe(29);
  });

  test('a screen link is created and copied, and can be revoked', async () => {
    let links = [];
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/org/units/2/screen-links': () => ({ items: links }),
      'POST /api/org/units/2/screen-links': (req) => {
        links = [{ id: 3, token: 't', url: 'https://example.test/screen/t', label: req.body.label, createdAt: '2026-03-01T00:00:00Z' }];
        return [201, links[0]];
      },
      'DELETE /api/screen-links/3': () => {
        links = [];
        return [204];
      },
    });
    const page = await app.open('screen-links');
    page.onField(event({ field: 'label' }, { value: '党员活动室' }));
    await page.create();
    expect(sent['POST /api/org/units/2/screen-links']).toEqual([{ label: '党员活动室' }]);
    expect(app.wx.calls.clipboard).toEqual(['https://example.test/screen/t']);
    expect(page.data.items.map((l) => l.label)).toEqual(['党员活动室']);
    await page.revoke(event({ id: 3 }));
    expect(page.data.items).toEqual([]);
  });
});

describe('resolutions', () => {
  const meeting = (extra) => Object.assign({ id: 4, type: 'BranchGeneralMeeting', branchId: 2, unitId: 2, topic: '接收预备党员', canOrganize: true, quorum: { counted: 6, present: 5, required: 4, isQuorate: true }, resolutions: [] }, extra);

  test('the organiser records a vote; the counts must be whole numbers', async () => {
    let resolutions = [];
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/meetings/4': () => meeting({ resolutions }),
      'POST /api/meetings/4/resolutions': (req) => {
        resolutions = [Object.assign({ id: 1, voters: 6, votersPresent: 5, passed: true }, req.body)];
        return [201, resolutions[0]];
      },
    });
    const page = await app.open('resolutions', { id: '4' });
    expect(page.data).toMatchObject({ allowed: true, generalMeeting: true, quorum: '有表决权 6 人，到会 5 人，已达到法定人数' });
    page.setData({ title: '接收刘洋为预备党员', yes: '5', no: '-1' });
    expect(await page.record()).toBeNull();
    page.setData({ no: '0' });
    await page.record();
    expect(sent['POST /api/meetings/4/resolutions']).toEqual([{ title: '接收刘洋为预备党员', yes: 5, no: 0, abstain: 0 }]);
    expect(page.data.resolutions).toEqual([{ id: 1, title: '接收刘洋为预备党员', votes: '赞成 5 · 反对 0 · 弃权 0', result: '通过', passed: true }]);
  });

  test('a meeting not quorate: the server refusal is shown', async () => {
    const { app } = appAs(SECRETARY, {
      'GET /api/meetings/4': () => meeting({ quorum: { counted: 6, present: 2, required: 4, isQuorate: false } }),
      'POST /api/meetings/4/resolutions': () => [409, { title: '未达到法定人数', detail: '到会有表决权的党员未超过半数，不能表决。', status: 409 }],
    });
    const page = await app.open('resolutions', { id: '4' });
    page.setData({ title: '接收刘洋为预备党员', yes: '2' });
    expect(await page.record()).toBeNull();
    expect(app.wx.calls.modals).toEqual([{ title: '未达到法定人数', content: '到会有表决权的党员未超过半数，不能表决。' }]);
  });

  test('the action appears on a general meeting only', async () => {
    const roles = require('../logic/roles');
    expect(roles.itemActions(SECRETARY, 'meeting', meeting()).map((a) => a.key)).toContain('resolutions');
    expect(roles.itemActions(SECRETARY, 'meeting', meeting({ type: 'PartyLesson' })).map((a) => a.key)).not.toContain('resolutions');
  });
});

describe('transfer letter and receipt', () => {
  const approved = { id: 12, kind: 'Outgoing', state: 'Approved', stateName: '已批准', memberId: 3, memberName: '李明', from: { id: 2, name: '教工第一党支部' }, toOrganization: '某市某区某街道党工委', canIssueLetter: true, canRecordReceipt: false };

  test('the sending committee issues the letter with the personal details, opens the PDF, then records the receipt', async () => {
    const issued = Object.assign({}, approved, { state: 'LetterIssued', stateName: '已开具介绍信', letterNumber: 'JX2026-0007', validUntil: '2026-04-01', canIssueLetter: false, canRecordReceipt: true });
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/transfers/12': () => approved,
      'POST /api/transfers/12/letter': () => issued,
      'POST /api/transfers/12/receipt': () => Object.assign({}, issued, { state: 'Received', stateName: '已收到回执', receiptOn: '2026-03-20', canRecordReceipt: false }),
    });
    const page = await app.open('transfer-letter', { id: '12' });
    expect(page.data).toMatchObject({ allowed: true, canIssue: true, hasLetter: false });
    page.setData({ birthDate: '1990-05-01', idNumber: '11010519900501123' });
    expect(await page.issue()).toBeNull();
    expect(app.wx.calls.modals[0].content).toBe('身份证号码应为18位。');
    page.onIndex(event({ field: 'sexIndex' }, { value: '1' }));
    page.onField(event({ field: 'idNumber' }, { value: '11010519900501123x' }));
    await page.issue();
    expect(sent['POST /api/transfers/12/letter']).toEqual([{ sex: 'Female', ethnicity: '汉族', birthDate: '1990-05-01', idNumber: '11010519900501123X', validDays: 30 }]);
    expect(page.data).toMatchObject({ hasLetter: true, canReceipt: true, idNumber: '' });
    expect(page.data.transfer.letterNumber).toBe('JX2026-0007');

    await page.openLetter();
    expect(app.wx.calls.documents).toEqual([{ filePath: 'http://tmp/' + encodeURIComponent('http://api.test/api/transfers/12/letter.pdf'), fileType: 'pdf' }]);

    page.onField(event({ field: 'receivedOn' }, { value: '2026-03-20' }));
    await page.receipt();
    expect(sent['POST /api/transfers/12/receipt']).toEqual([{ receivedOn: '2026-03-20', note: null }]);
    expect(page.data.transfer.receiptOn).toBe('2026-03-20');
  });

  test('the transfers list leads the committee to the paperwork and shows members the letter number', async () => {
    const units = [{ id: 1, kind: 'GeneralBranch', name: '党总支', children: [{ id: 2, kind: 'Branch', name: '教工第一党支部' }] }];
    const { app } = appAs(SECRETARY, { 'GET /api/transfers': () => ({ nextCursor: null, items: [approved] }), 'GET /api/org/units': () => ({ items: units, nextCursor: null }) });
    const page = await app.open('transfers');
    expect(page.data.rows[0].paperwork).toBe(true);
    page.letter(event({ id: 12 }));
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pkg-secretary/transfer-letter/index?id=12' }]);

    const mine = appAs(MEMBER, { 'GET /api/transfers': () => ({ nextCursor: null, items: [Object.assign({}, approved, { canIssueLetter: false, letterNumber: 'JX2026-0007', validUntil: '2026-04-01' })] }), 'GET /api/org/units': () => ({ items: units, nextCursor: null }) }).app;
    const row = (await mine.open('transfers')).data.rows[0];
    expect(row).toMatchObject({ paperwork: false, letterNumber: 'JX2026-0007', validUntil: '2026-04-01' });
  });
});
