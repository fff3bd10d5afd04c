// The applicant's own development record (GET /api/development/me): steps done, what comes next and from when,
// tasks owed, contacts and introducers, the files handed in, and the way to hand in a thought report. A person bound
// to no record sees a short note and the way to bind.
const kit = require('../../logic/page-kit');
const client = require('../../api/client');
const dev = require('../../api/development');
const logic = require('../../logic/development');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.refresh, {
  data: { record: null, missing: false, loading: false },

  onLoad() {
    return this.load();
  },

  async load() {
    let missing = false;
    const record = await kit.guard(this, () => dev.me(), {
      onError: (err) => {
        if (err && err.status === 404) missing = true;
        else client.showError(err);
      },
    });
    this.setData({ record: record ? logic.timeline(record) : null, missing });
  },

  thoughtReport() {
    wx.navigateTo({ url: '/pkg-develop/thought-report/index' });
  },

  bind() {
    wx.navigateTo({ url: '/pkg-develop/applicant-bind/index' });
  },
}));
