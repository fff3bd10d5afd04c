const secretary = require('../../logic/secretary');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');
const org = require('../../api/org');

const TITLE_MAX = 60;
// Classification markings (秘密/机密/绝密 used as a marking): caught here so nobody types a long notice in vain; the server refuses them too.
const CLASSIFIED = /(绝密|机密|秘密)\s*(★|级|\u2605)/;

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text typed on the phone → the paragraphs of a rich-text body. */
function toHtml(text) {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => '<p>' + escapeHtml(line) + '</p>')
    .join('');
}

/** The first problem of the form, in Chinese, or '' when it can be sent. */
function validate(form) {
  const title = String(form.title || '').trim();
  if (!title) return '请填写标题。';
  if (title.length > TITLE_MAX) return '标题不能超过' + TITLE_MAX + '个字。';
  if (!String(form.body || '').trim()) return '请填写正文。';
  if (CLASSIFIED.test(title) || CLASSIFIED.test(form.body)) return '内容带有密级标志（如“机密★”）。涉密内容不得在小程序发布，请按保密规定线下传达。';
  if (!form.confirmed) return '请确认通知内容不涉及国家秘密。';
  return '';
}

Page({
  data: {
    allowed: false,
    checked: false,
    branches: [],
    branchIndex: 0,
    visibilities: secretary.VISIBILITIES,
    visibilityIndex: 0,
    title: '',
    body: '',
    requiresAck: false,
    pinned: false,
    confirmed: false,
    groups: [],
    groupIds: [],
    loading: false,
  },

  async onLoad() {
    const member = await secretary.start(this);
    if (member) await this.loadGroups();
  },

  /** Party groups of the chosen branch; without them the notice goes to the whole branch. */
  async loadGroups() {
    const branch = this.data.branches[this.data.branchIndex];
    const units = await kit.guard(this, () => org.units(), { silent: true, onError: () => null });
    this.setData({ groups: units ? secretary.groupsOf(units, branch.id).map((g) => ({ id: g.id, name: g.name })) : [], groupIds: [] });
  },

  onGroups(e) {
    this.setData({ groupIds: e.detail.value || [] });
  },

  onField(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
    return this.loadGroups();
  },

  onVisibility(e) {
    this.setData({ visibilityIndex: Number(e.detail.value) });
  },

  onConfirm(e) {
    this.setData({ confirmed: (e.detail.value || []).length > 0 });
  },

  async submit() {
    const problem = validate(this.data);
    if (problem) {
      wx.showModal({ title: '无法发布', content: problem, showCancel: false });
      return null;
    }
    const branch = this.data.branches[this.data.branchIndex];
    const notice = {
      title: this.data.title.trim(),
      body: toHtml(this.data.body),
      visibility: this.data.visibilities[this.data.visibilityIndex].value,
      audience: { unitIds: this.data.groupIds.length ? this.data.groupIds.map(Number) : [branch.id], memberIds: [] },
      requiresAck: !!this.data.requiresAck,
      pinned: !!this.data.pinned,
      confirmNotClassified: true,
    };
    const created = await kit.guard(this, () => notices.create(notice, kit.submissionKey(this)));
    if (!created) return null;
    kit.submitted(this);
    const held = created.status === 'PendingApproval' || created.status === 'Held';
    wx.showToast({ title: held ? '已提交，待审核' : '已发布', icon: 'success' });
    wx.redirectTo({ url: '/pkg-secretary/notice-stats/index?id=' + created.id });
    return created;
  },
});

module.exports = { toHtml, validate };
