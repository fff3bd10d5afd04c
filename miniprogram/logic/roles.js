// Who sees secretary actions, decided from the roles in GET /api/me. The server checks every action
// again; this only keeps members from seeing buttons they cannot use.

const BRANCH_COMMITTEE = ['Secretary', 'DeputySecretary', 'OrganizationCommissioner', 'PublicityCommissioner', 'DisciplineCommissioner'];
const ADMIN = 'GeneralBranchAdmin';
const GROUP_LEADER = 'GroupLeader';

function roles(member) {
  return (member && member.roles) || [];
}

function isAdmin(member) {
  return roles(member).some((r) => r.role === ADMIN);
}

/** Branches whose committee the member sits on today. */
function managedBranches(member) {
  const seen = {};
  const result = [];
  roles(member).forEach((r) => {
    if (BRANCH_COMMITTEE.indexOf(r.role) >= 0 && !seen[r.unitId]) {
      seen[r.unitId] = true;
      result.push({ id: r.unitId, name: r.unitName });
    }
  });
  return result;
}

/** True for the committee of that branch and for general-branch admins (who manage every branch below them). */
function canManageBranch(member, branchId) {
  if (branchId === undefined || branchId === null) return false;
  if (isAdmin(member)) return true;
  return managedBranches(member).some((b) => String(b.id) === String(branchId));
}

/** Party groups the member leads today (党小组长): they convene their group's meeting. */
function ledGroups(member) {
  return roles(member)
    .filter((r) => r.role === GROUP_LEADER)
    .map((r) => ({ id: r.unitId, name: r.unitName }));
}

function isSecretary(member) {
  return isAdmin(member) || managedBranches(member).length > 0;
}

/** The branch a notice, activity or meeting belongs to, whatever the area calls it. */
function branchIdOf(item) {
  if (!item) return null;
  if (item.branchId !== undefined && item.branchId !== null) return item.branchId;
  if (item.branch && item.branch.id !== undefined) return item.branch.id;
  if (item.unitId !== undefined && item.unitId !== null) return item.unitId;
  if (item.ownerUnitId !== undefined && item.ownerUnitId !== null) return item.ownerUnitId;
  return null;
}

/**
 * For secretary pages reached from a link: the committee of the item's branch, or (when the item does
 * not name its branch) any secretary, leaving the final word to the server's 404. A meeting the server
 * says the caller organises (convener, group leader of a group meeting) counts too.
 */
function mayManage(member, item) {
  if (item && item.canOrganize === true) return true;
  const branchId = branchIdOf(item);
  return branchId === null ? isSecretary(member) : canManageBranch(member, branchId);
}

/** The secretary entries on the home page; empty for a plain member. */
function secretaryActions(member) {
  if (!isSecretary(member)) {
    // A group leader convenes the group's meeting and nothing else.
    return ledGroups(member).length ? [{ key: 'meeting-create', text: '召开党小组会', url: '/pkg-secretary/meeting-create/index?type=PartyGroupMeeting' }] : [];
  }
  const branch = managedBranches(member)[0];
  const unitQuery = branch ? '?unitId=' + branch.id : '';
  return [
    { key: 'notice-compose', text: '发布通知', url: '/pkg-secretary/notice-compose/index' },
    { key: 'notice-approval', text: '待审核通知', url: '/pkg-secretary/notice-approval/index' },
    { key: 'meeting-create', text: '安排会议', url: '/pkg-secretary/meeting-create/index' },
    { key: 'activity-create', text: '发起活动', url: '/pkg-secretary/activity-create/index' },
    { key: 'compliance', text: '组织生活达标', url: '/pkg-secretary/compliance/index' + unitQuery },
    { key: 'workbench', text: '更多工作', url: '/pkg-secretary/workbench/index' },
  ];
}

/** Everything a branch committee does from the phone, by topic: the secretary subpackage's pages. */
function workbenchSections(member) {
  if (!isSecretary(member)) return [];
  const branch = managedBranches(member)[0];
  const q = branch ? '?unitId=' + branch.id : '';
  const at = (page) => '/pkg-secretary/' + page + '/index' + q;
  return [
    { title: '组织与党员', actions: [
      { key: 'roster', text: '党员名册', url: at('roster') },
      { key: 'develop-worklist', text: '发展党员', url: '/pkg-develop/worklist/index' + q },
      { key: 'develop-create', text: '登记入党申请', url: '/pkg-develop/applicant-create/index' + q },
      { key: 'invitations', text: '邀请绑定', url: at('invitations') },
      { key: 'appointments', text: '支委与党小组长', url: at('appointments') },
      { key: 'graduation', text: '毕业生批量转出', url: at('graduation') },
      { key: 'audit', text: '操作日志', url: at('audit') },
    ] },
    { title: '通知、会议与活动', actions: [
      { key: 'notice-compose', text: '发布通知', url: '/pkg-secretary/notice-compose/index' },
      { key: 'notice-approval', text: '待审核通知', url: '/pkg-secretary/notice-approval/index' },
      { key: 'meeting-create', text: '安排会议', url: '/pkg-secretary/meeting-create/index' },
      { key: 'activity-create', text: '发起活动', url: '/pkg-secretary/activity-create/index' },
      { key: 'compliance', text: '组织生活达标', url: at('compliance') },
    ] },
    { title: '党员服务与监督', actions: [
      { key: 'mailbox-inbox', text: '书记信箱', url: '/pkg-secretary/mailbox-inbox/index' },
      { key: 'dues-branch', text: '党费收缴', url: '/pkg-dues/branch/index' + q },
      { key: 'dues-reconcile', text: '党费对账与退款', url: '/pkg-dues/reconcile/index' + q },
      { key: 'study', text: '学习任务', url: '/pkg-study/materials/index' },
      { key: 'study-publish', text: '发布学习资料', url: '/pkg-study/publish/index' + q },
      { key: 'study-assign', text: '布置学习任务', url: '/pkg-study/assign/index' + q },
      { key: 'appraisals', text: '民主评议', url: '/pkg-interaction/appraisals/index' },
      { key: 'polls', text: '支部投票', url: '/pkg-interaction/polls/index' },
      { key: 'transfers', text: '组织关系转接', url: '/pages/transfers/index' },
    ] },
    { title: '品牌与宣传', actions: [
      { key: 'story-review', text: '事迹审核', url: at('story-review') },
      { key: 'brand-edit', text: '支部品牌', url: at('brand-edit') },
      { key: 'reach', text: '传播效果', url: at('reach') },
      { key: 'screen-links', text: '互动大屏链接', url: at('screen-links') },
    ] },
  ];
}

/** Actions on one notice, activity or meeting; empty unless the viewer manages its branch. */
function itemActions(member, kind, item) {
  const organizes = kind === 'meeting' && item && item.canOrganize === true;
  if (!organizes && !canManageBranch(member, branchIdOf(item))) return [];
  const id = item.id;
  if (kind === 'notice') {
    return [
      { key: 'stats', text: '阅读情况', url: '/pkg-secretary/notice-stats/index?id=' + id },
      { key: 'edit', text: '修改或撤回', url: '/pkg-secretary/notice-edit/index?id=' + id },
    ];
  }
  const actions = [
    { key: 'checkin-code', text: '展示签到码', url: '/pkg-secretary/checkin-code/index?kind=' + kind + '&id=' + id },
    { key: 'attendance', text: '签到情况', url: '/pkg-secretary/attendance/index?kind=' + kind + '&id=' + id },
  ];
  if (kind === 'meeting') {
    actions.push({ key: 'leave', text: '请假审批', url: '/pkg-secretary/leave-approval/index?id=' + id });
    actions.push({ key: 'minutes', text: '会议记录', url: '/pages/minutes/index?id=' + id });
    if (item.type === 'BranchGeneralMeeting') actions.push({ key: 'resolutions', text: '表决决议', url: '/pkg-secretary/resolutions/index?id=' + id });
  }
  return actions;
}

module.exports = { BRANCH_COMMITTEE, isAdmin, managedBranches, ledGroups, canManageBranch, isSecretary, branchIdOf, mayManage, secretaryActions, workbenchSections, itemActions };
