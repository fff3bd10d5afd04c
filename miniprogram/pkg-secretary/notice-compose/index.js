const secretary = require('../../logic/secretary');
const audience = require('../../logic/audience');
const form = require('../../logic/notice-form');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.fields, audience.handlers, {
  data: Object.assign(
    {
      allowed: false,
      checked: false,
      branches: [],
      branchIndex: 0,
      visibilities: secretary.VISIBILITIES,
      visibilityIndex: 0,
      titleMax: form.TITLE_MAX,
      title: '',
      body: '',
      requiresAck: false,
      pinned: false,
      confirmed: false,
      loading: false,
    },
    audience.initial(),
  ),

  async onLoad() {
    const member = await secretary.start(this);
    if (member) await this.loadAudience();
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
    return this.loadAudience();
  },

  onVisibility(e) {
    this.setData({ visibilityIndex: Number(e.detail.value) });
  },

  onConfirm(e) {
    this.setData({ confirmed: (e.detail.value || []).length > 0 });
  },

  async submit() {
    const branch = this.data.branches[this.data.branchIndex];
    const to = audience.build(this.data, branch.id);
    const problem = form.validate(this.data) || to.problem;
    if (problem) {
      wx.showModal({ title: '无法发布', content: problem, showCancel: false });
      return null;
    }
    const notice = {
      title: this.data.title.trim(),
      body: form.toHtml(this.data.body),
      visibility: this.data.visibilities[this.data.visibilityIndex].value,
      audience: to.audience,
      requiresAck: !!this.data.requiresAck,
      pinned: !!this.data.pinned,
      confirmNotClassified: true,
    };
    const created = await kit.guard(this, () => notices.create(notice, kit.submissionKey(this)));
    if (!created) return null;
    kit.submitted(this);
    wx.showToast({ title: form.held(created) ? '已提交，待审核' : '已发布', icon: 'success' });
    wx.redirectTo({ url: '/pkg-secretary/notice-stats/index?id=' + created.id });
    return created;
  },
}));
