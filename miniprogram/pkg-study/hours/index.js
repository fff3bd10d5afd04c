// My study hours this year against the yearly target, by topic (GET /api/study/hours/me): my own only, no rankings.
const study = require('../../logic/study');
const kit = require('../../logic/page-kit');
const api = require('../../api/study');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.memberPage('onLoad'), pageHandlers.refresh, {
  data: { view: null, loading: false },

  async show(member) {
    const hours = await kit.guard(this, () => api.myHours());
    if (hours) this.setData({ view: study.hoursView(hours) });
  },
}));
