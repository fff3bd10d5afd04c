const session = require('../../logic/session');
const views = require('../../logic/views');
const subscribe = require('../../logic/subscribe');
const kit = require('../../logic/page-kit');
const meetings = require('../../api/meetings');

const SCOPES = [
  { value: 'upcoming', label: '即将召开' },
  { value: 'mine', label: '我的会议' },
  { value: 'past', label: '往期' },
];

Page({
  data: { scopes: SCOPES, scope: 'upcoming', items: [], loading: false },

  onShow() {
    subscribe.prefetch();
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
    const list = await kit.guard(this, () => meetings.list(this.data.scope));
    if (list) this.setData({ items: list.map((m) => views.meeting(m, meetings.MEETING_TYPES)) });
  },

  /** Viewing a meeting is a moment to offer its reminders (24 h and 1 h before). */
  open(e) {
    const asked = this.data.scope === 'past' ? Promise.resolve(null) : subscribe.ask(['Meeting']);
    kit.go('/pages/meeting-detail/index?id=' + e.currentTarget.dataset.id);
    return asked;
  },
});
