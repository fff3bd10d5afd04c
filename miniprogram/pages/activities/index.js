const session = require('../../logic/session');
const views = require('../../logic/views');
const kit = require('../../logic/page-kit');
const activities = require('../../api/activities');

const SCOPES = [
  { value: 'open', label: '可报名' },
  { value: 'mine', label: '我的报名' },
  { value: 'past', label: '往期' },
];

Page({
  data: { scopes: SCOPES, scope: 'open', items: [], loading: false },

  onShow() {
    return this.load();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  switchScope(e) {
    this.setData({ scope: e.currentTarget.dataset.scope });
    return this.load();
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const list = await kit.guard(this, () => activities.list(this.data.scope));
    if (list) this.setData({ items: list.map(views.activity) });
  },

  open(e) {
    kit.go('/pages/activity-detail/index?id=' + e.currentTarget.dataset.id);
  },
});
