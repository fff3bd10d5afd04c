/**
 * @jest-environment jsdom
 */
// The new pages rendered with miniprogram-simulate from the data their logic produced against a fake API: what the
// secretary sees, and that a member sees the refusal instead of the form.
const { text } = require('./render-kit');
const { MEMBER, SECRETARY, appAs } = require('./fake-phone');

const UNITS = [{ id: 1, kind: 'GeneralBranch', name: '信息学院党总支', children: [{ id: 2, kind: 'Branch', name: '教工第一党支部', children: [{ id: 5, kind: 'PartyGroup', name: '教工第一党小组' }, { id: 6, kind: 'PartyGroup', name: '教工第二党小组' }] }] }];
const ROUTES = {
  'GET /api/org/units': () => ({ items: UNITS, nextCursor: null }),
  'GET /api/org/units/2/members': () => ({ nextCursor: null, items: [{ id: 3, name: '李明', number: 'T1002', status: 'Full', partyGroup: { id: 5, name: '教工第一党小组' }, roles: [], isBound: true }, { id: 6, name: '刘洋', number: 'T1005', status: 'Probationary', partyGroup: { id: 6, name: '教工第二党小组' }, roles: [], isBound: false }] }),
  'GET /api/org/units/2/invitations': () => ({ nextCursor: null, items: [{ id: 7, singleUse: true, useCount: 0, createdBy: '王建国', expiresAt: '2026-03-08T00:00:00Z', state: 'Active' }] }),
  'GET /api/org/units/2': () => ({ id: 2, name: '教工第一党支部', children: [], committee: [{ appointmentId: 1, memberName: '王建国', roleName: '书记', startsOn: '2025-09-01', endsOn: '2028-08-31' }], warnings: [] }),
  'GET /api/audit': () => ({ items: [{ id: 1, at: '2026-03-01T00:00:00Z', actorName: '王建国', unitName: '教工第一党支部', summary: '发布通知「关于学习的通知」' }], nextCursor: null }),
  'GET /api/stories': () => ({ items: [{ id: 31, title: '志愿服务记', excerpt: '周末', visibility: 'Public', authorName: '李明', createdAt: '2026-03-01T00:00:00Z' }], nextCursor: null }),
  'GET /api/org/units/2/brand': () => ({ name: '红烛先锋', slogan: '立德树人', labels: ['教书育人'], themeColor: '#C8161D' }),
  'GET /api/org/units/2/reach': () => ({ total: { attention: 8, coverage: 0.8, heat: 21.5, views: 9, likes: 2, comments: 1, shares: 1 }, items: [], formula: { text: '热度按时间衰减' } }),
  'GET /api/org/units/2/screen-links': () => ({ items: [{ id: 3, url: 'https://example.test/screen/t', label: '党员活动室', createdAt: '2026-03-01T00:00:00Z' }] }),
  'GET /api/meetings/4': () => ({ id: 4, type: 'BranchGeneralMeeting', branchId: 2, unitId: 2, topic: '接收预备党员', canOrganize: true, quorum: { counted: 6, present: 5, required: 4, isQuorate: true }, resolutions: [{ id: 1, title: '接收刘洋为预备党员', yes: 5, no: 0, abstain: 0, passed: true }] }),
  'GET /api/notices/11': () => ({ id: 11, title: '关于学习的通知', body: '<p>正文</p>', unitId: 2, canManage: true, status: 'Published' }),
  'GET /api/transfers/12': () => ({ id: 12, memberName: '钱程', stateName: '已批准', toOrganization: '某街道党工委', from: { id: 2, name: '教工第一党支部' }, canIssueLetter: true }),
  'GET /api/mailbox': () => ({ overdue: 1, items: [{ id: 5, category: 'Question', text: '如何转正', anonymous: true, status: 'Open', sentAt: '2026-03-01T00:00:00Z', replyDueAt: '2026-03-08T16:00:00Z', overdue: true, replies: [] }] }),
  'GET /api/dues/branches/2': () => ({ dueFen: 9000, paidFen: 4500, paid: [{ memberId: 2, name: '王建国', amountFen: 4500 }], unpaid: [{ memberId: 3, name: '李明', amountFen: 4500 }], noBase: [], flagged: [] }),
  'GET /api/dues/report': () => ({ year: 2026, branches: [{ branchId: 2, name: '教工第一党支部', months: [{ month: '2026-01', membersPaid: 6, receivedFen: 27050 }], totalFen: 27050 }], totalFen: 27050 }),
  'GET /api/polls': () => ({ items: [{ id: 9, question: '主题党日去哪里', open: true, voters: 3, myChoices: [], closesAt: '2099-03-10T15:59:00Z' }] }),
  'GET /api/appraisals': () => ({ items: [{ id: 7, title: '2026年度民主评议党员', periodStart: '2026-01-01', periodEnd: '2026-12-31', status: 'Open', canVote: true, hasVoted: false }] }),
  'GET /api/walls': () => ({ id: 8, open: true, requiresApproval: true, canModerate: true, messages: [{ id: 1, authorName: '张华', text: '收获很大', status: 'Approved' }], pending: [{ id: 2, authorName: '李明', text: '很有意义', status: 'Pending' }], mine: [] }),
};

/** [page, options, what the secretary sees, what a member sees] */
const PAGES = [
  ['workbench', {}, ['党员名册', '邀请绑定', '书记信箱', '党费收缴', '互动大屏链接'], '仅支部委员可以使用支部工作台'],
  ['roster', {}, ['李明', '刘洋', '预备党员', '未绑定微信'], '仅支部委员可以查看党员名册'],
  ['member', { id: '6', unitId: '2' }, ['刘洋', '预备党员', '记录党籍变动'], '仅支部委员可以查看党员信息'],
  ['invitations', {}, ['生成邀请码', '有效', '撤销'], '仅支部委员可以管理邀请'],
  ['appointments', {}, ['王建国', '书记', '任命'], '仅支部委员可以管理任职'],
  ['audit', {}, ['发布通知「关于学习的通知」', '王建国'], '仅支部委员可以查看操作日志'],
  ['story-review', {}, ['志愿服务记', '审核通过并发布'], '仅支部委员可以审核事迹'],
  ['brand-edit', {}, ['品牌名称', '主题色'], '仅支部委员可以编辑支部品牌'],
  ['reach', {}, ['关注度', '80%', '21.5'], '仅支部委员可以查看传播效果'],
  ['screen-links', {}, ['党员活动室', '复制链接', '停用'], '仅支部委员可以管理大屏链接'],
  ['resolutions', { id: '4' }, ['接收刘洋为预备党员', '通过', '已达到法定人数'], null],
  ['notice-edit', { id: '11' }, ['保存修改', '撤回通知'], '仅发布单位的支部委员可以修改或撤回通知'],
  ['transfer-letter', { id: '12' }, ['钱程', '开具介绍信'], '仅转出支部的支部委员可以开具介绍信、登记回执'],
  ['mailbox-inbox', {}, ['如何转正', '匿名', '已超期', '答复'], '仅书记、副书记可以查看书记信箱'],
  ['pkg-dues/branch', {}, ['李明', '提醒未交党员', '未交'], '仅支部委员可以管理党费收缴'],
  ['meeting-create', { type: 'PartyGroupMeeting' }, ['党小组会', '教工第一党小组', '党小组'], '仅支部委员或党小组长可以安排会议'],
  ['notice-compose', {}, ['发送对象', '全支部'], '仅支部委员可以发布通知'],
  ['activity-create', {}, ['结束日期', '报名截止', '活动对象'], '仅支部委员可以发起活动'],
];

describe('new pages as the secretary sees them, and as a member', () => {
  test.each(PAGES)('%s', async (name, options, secretarySees, memberSees) => {
    const secretary = await appAs(SECRETARY, ROUTES).app.open(name, options);
    const shown = text(name, secretary.data);
    secretarySees.forEach((t) => expect(shown).toContain(t));
    if (memberSees) {
      const member = await appAs(MEMBER, Object.assign({}, ROUTES, { 'GET /api/notices/11': () => Object.assign(ROUTES['GET /api/notices/11'](), { canManage: false }), 'GET /api/transfers/12': () => Object.assign(ROUTES['GET /api/transfers/12'](), { canIssueLetter: false }) })).app.open(name, options);
      const refused = text(name, member.data);
      // The refusal and nothing of the form.
      expect(refused.trim()).toBe(memberSees);
    }
  });

  test('a group leader sees only the 党小组会 and their own group', async () => {
    const leader = Object.assign({}, MEMBER, { roles: [{ unitId: 6, unitName: '教工第二党小组', role: 'GroupLeader', roleName: '党小组长' }] });
    const page = await appAs(leader, ROUTES).app.open('meeting-create', { type: 'PartyGroupMeeting' });
    const shown = text('meeting-create', page.data);
    expect(shown).toContain('教工第二党小组');
    expect(shown).not.toContain('教工第一党支部');
    expect(shown).not.toContain('教工第一党小组');
  });

  test('members see the wall, the polls, the appraisals and the dues report of their branch', async () => {
    const member = (name, options) => appAs(MEMBER, Object.assign({}, ROUTES, { 'GET /api/walls': () => Object.assign(ROUTES['GET /api/walls'](), { canModerate: false, pending: [] }), 'GET /api/meetings/4': () => Object.assign(ROUTES['GET /api/meetings/4'](), { canOrganize: false }) })).app.open(name, options);
    const wall = text('wall', (await member('wall', { kind: 'meeting', id: '4' })).data);
    expect(wall).toContain('收获很大');
    expect(wall).not.toContain('待审核');
    expect(wall).not.toContain('关闭留言墙');
    expect(text('polls', (await member('polls', {})).data)).toContain('主题党日去哪里');
    expect(text('polls', (await member('polls', {})).data)).not.toContain('发起投票');
    const appraisals = text('appraisals', (await member('appraisals', {})).data);
    expect(appraisals).toContain('待投票');
    expect(appraisals).not.toContain('开始民主评议');
    expect(text('pkg-dues/report', (await member('pkg-dues/report', {})).data)).toContain('270.50');
  });
});
