// Invitations to bind (POST/GET /api/org/units/{id}/invitations, /api/invitations/{id}/qrcode, …/revoke): the
// committee creates one, shows its mini-program code for a newcomer to scan, and revokes it when no longer needed.
const secretary = require('../../logic/secretary');
const pageHandlers = require('../../logic/page-handlers');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const org = require('../../api/org');

const VALIDITY = [
  { days: 1, label: '1天' },
  { days: 3, label: '3天' },
  { days: 7, label: '7天' },
  { days: 30, label: '30天' },
];

function view(i) {
  return {
    id: i.id,
    stateText: org.INVITATION_STATES[i.state] || i.state,
    active: i.state === 'Active',
    expires: format.dateTime(i.expiresAt),
    uses: i.singleUse ? '一次有效' : '可多人使用（已用 ' + (i.useCount || 0) + ' 次）',
    by: i.createdBy || '',
  };
}

Page(Object.assign({}, secretary.handlers, pageHandlers.refresh, {
  data: { allowed: false, checked: false, branches: [], branchIndex: 0, validity: VALIDITY, validityIndex: 2, singleUse: true, items: [], codeId: null, codeImage: '', loading: false },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value), codeId: null, codeImage: '' });
    return this.load();
  },

  async load() {
    const branch = secretary.branchOf(this);
    if (!branch) return;
    const list = await kit.guard(this, () => org.invitations(branch.id));
    if (list) this.setData({ items: list.map(view) });
  },

  async create() {
    const branch = secretary.branchOf(this);
    const expiresAt = new Date(Date.now() + this.data.validity[this.data.validityIndex].days * 86400000).toISOString();
    const created = await kit.guard(this, () => org.createInvitation(branch.id, { expiresAt, singleUse: !!this.data.singleUse }, kit.submissionKey(this)));
    if (!created) return null;
    kit.submitted(this);
    await this.load();
    await this.showCode({ currentTarget: { dataset: { id: created.id } } });
    return created;
  },

  /** The code to scan, shown full width on this phone. */
  async showCode(e) {
    const id = e.currentTarget.dataset.id;
    const image = await kit.guard(this, () => org.invitationCode(id));
    if (image) this.setData({ codeId: id, codeImage: image });
  },

  async revoke(e) {
    const id = e.currentTarget.dataset.id;
    if (!(await kit.confirmed(this, '撤销邀请', '撤销后这个邀请码将不能再用于绑定。确定撤销吗？', () => org.revokeInvitation(id)))) return;
    if (String(this.data.codeId) === String(id)) this.setData({ codeId: null, codeImage: '' });
    kit.toast('已撤销');
    await this.load();
  },
}));
