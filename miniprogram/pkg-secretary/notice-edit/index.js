// Edit or withdraw a posted notice (PUT /api/notices/{id}, POST /api/notices/{id}/withdraw): the committee of the
// posting unit. The earlier text is kept by the server as a revision; readers see "本通知已修改".
const session = require('../../logic/session');
const roles = require('../../logic/roles');
const form = require('../../logic/notice-form');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.fields, {
  data: { id: null, allowed: false, checked: false, withdrawn: false, titleMax: form.TITLE_MAX, title: '', body: '', pinned: false, confirmed: false, loading: false },

  async onLoad(options) {
    this.setData({ id: options.id });
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const notice = await kit.guard(this, () => notices.get(options.id));
    if (!notice) return;
    const allowed = notice.canManage === true || roles.mayManage(member, notice);
    this.setData({
      allowed,
      checked: true,
      withdrawn: notice.status === 'Withdrawn',
      title: notice.title,
      body: form.fromHtml(notice.body),
      pinned: !!notice.pinned,
    });
  },

  onConfirm(e) {
    this.setData({ confirmed: (e.detail.value || []).length > 0 });
  },

  async save() {
    const problem = form.validate(this.data);
    if (problem) {
      wx.showModal({ title: '无法保存', content: problem, showCancel: false });
      return null;
    }
    const saved = await kit.guard(this, () =>
      notices.update(this.data.id, { title: this.data.title.trim(), body: form.toHtml(this.data.body), pinned: !!this.data.pinned, confirmNotClassified: true }),
    );
    if (!saved) return null;
    wx.showToast({ title: form.held(saved) ? '已修改，待审核' : '已修改', icon: 'success' });
    wx.redirectTo({ url: '/pages/notice-detail/index?id=' + this.data.id });
    return saved;
  },

  /** Withdrawing hides the notice from every feed and count and cancels its pending reminders. */
  async withdraw() {
    if (!(await kit.confirmed(this, '撤回通知', '撤回后党员将看不到这则通知，未发出的提醒也会取消。确定撤回吗？', () => notices.withdraw(this.data.id)))) return false;
    this.setData({ withdrawn: true });
    kit.toast('已撤回');
    return true;
  },
}));
