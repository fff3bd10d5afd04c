const session = require('../../logic/session');
const kit = require('../../logic/page-kit');
const transfers = require('../../api/transfers');
const org = require('../../api/org');
const pageHandlers = require('../../logic/page-handlers');

/** One row as the page shows it: who, where to, the state in Chinese and the buttons the server allows. */
function row(t, me) {
  const to = t.to ? t.to.name : t.toOrganization || '';
  return {
    id: t.id,
    name: t.memberName,
    mine: me && t.memberId === me.id,
    route: (t.from ? t.from.name : t.fromOrganization || '') + ' → ' + to,
    stateName: t.stateName,
    returnReason: t.returnReason || '',
    duesPaidUpTo: t.duesPaidUpTo || '',
    // What the dues records say, for the committee about to approve (approving takes that month).
    duesOnRecord: t.duesOnRecord ? t.duesOnRecord.text : '',
    canApprove: !!t.canApprove,
    canAccept: !!t.canAccept,
    canReturn: !!(t.canApprove || t.canAccept),
    // Letter and receipt are the sending committee's paperwork: pkg-secretary/transfer-letter.
    paperwork: !!(t.canIssueLetter || t.canRecordReceipt),
    letterNumber: t.letterNumber || '',
    validUntil: t.validUntil || '',
  };
}

Page(Object.assign({}, pageHandlers.refresh, {
  data: { rows: [], branches: [], branchIndex: 0, kind: 'Inside', toOrganization: '', reason: '', returnReason: '', hasOpen: false, loading: false },

  onShow() {
    return this.load();
  },

  letter(e) {
    kit.go('/pkg-secretary/transfer-letter/index?id=' + e.currentTarget.dataset.id);
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    this.member = member;
    const list = await kit.guard(this, () => transfers.list(false));
    if (!list) return;
    const rows = list.map((t) => row(t, member));
    const hasOpen = list.some((t) => t.memberId === member.id && (t.state === 'Requested' || t.state === 'Approved'));
    const units = (await kit.guard(this, () => org.units())) || [];
    const branches = [];
    const walk = (nodes) => nodes.forEach((n) => {
      if (n.kind === 'Branch' && member.branch && n.id !== member.branch.id) branches.push({ id: n.id, name: n.name });
      walk(n.children || []);
    });
    walk(units);
    this.setData({ rows, hasOpen, branches });
  },

  pickKind(e) {
    this.setData({ kind: e.currentTarget.dataset.kind });
  },

  pickBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
  },

  input(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  async request() {
    const d = this.data;
    const body = d.kind === 'Inside'
      ? { kind: 'Inside', toBranchId: d.branches[d.branchIndex] && d.branches[d.branchIndex].id, reason: d.reason }
      : { kind: 'Outgoing', toOrganization: d.toOrganization, reason: d.reason };
    const done = await kit.guard(this, () => transfers.request(body, kit.submissionKey(this)).then(() => true));
    if (!done) return;
    kit.submitted(this);
    kit.toast('已提交，等待支部审批');
    await this.load();
  },

  async act(e) {
    const { id, verb } = e.currentTarget.dataset;
    const call = verb === 'approve' ? () => transfers.approve(id)
      : verb === 'accept' ? () => transfers.accept(id)
      : () => transfers.returnWithReason(id, this.data.returnReason);
    const done = await kit.guard(this, () => call().then(() => true));
    if (!done) return;
    kit.toast(verb === 'approve' ? '已审批' : verb === 'accept' ? '已接收' : '已退回');
    await this.load();
  },
}));
