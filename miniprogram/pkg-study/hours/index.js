// My study hours this year against the yearly target, by topic (GET /api/study/hours/me): my own only, no rankings.
const session = require('../../logic/session');
const study = require('../../logic/study');
const kit = require('../../logic/page-kit');
const api = require('../../api/study');

Page({
  data: { view: null, loading: false },

  onLoad() {
    return this.load();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const hours = await kit.guard(this, () => api.myHours());
    if (hours) this.setData({ view: study.hoursView(hours) });
  },
});
