const secretary = require('../../logic/secretary');
const audience = require('../../logic/audience');
const form = require('../../logic/notice-form');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.fields, audience.handlers, {
  data: Object.assign(
    {
      titleMax: form.TITLE_MAX,
      title: '',
      body: '',
      requiresAck: false,
      pinned: false,
      confirmed: false,
      loading: false,
    },
    secretary.startData(),
    secretary.visibilityData(),
    audience.initial(),
  ),

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
      visibility: secretary.visibilityOf(this.data),
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
