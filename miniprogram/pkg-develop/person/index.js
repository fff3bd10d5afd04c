// One person's development record for the branch committee (GET /api/development/records/{id}): stage, what comes
// next and from when, tasks, contacts and introducers, every step with its people and note, publicities (公示) with
// their objections, and the files. From here the committee records a step or starts a publicity.
const recordPage = require('../record-page');
const kit = require('../../logic/page-kit');
const dev = require('../../api/development');
const logic = require('../../logic/development');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.refresh, recordPage.handlers(function show(record) {
  this.setData({ record: logic.committeeRecord(record, this.data.role) });
}, null, { contacts: true }), {
  data: { allowed: false, checked: false, id: '', role: '', record: null, objections: {}, openPublicity: '', loading: false },

  /** Opens (or closes) the objections of a publicity; only the committee reads them. */
  async toggleObjections(e) {
    if (this.data.role !== 'committee') return;
    const id = String(e.currentTarget.dataset.id);
    if (this.data.openPublicity === id) {
      this.setData({ openPublicity: '' });
      return;
    }
    const page = await kit.guard(this, () => dev.objections(id));
    if (!page) return;
    this.setData({
      openPublicity: id,
      ['objections.' + id]: page.items.map((o) => ({ id: o.id, text: o.text, from: o.fromName, at: String(o.createdAt).slice(0, 10) })),
    });
  },

  recordStep() {
    wx.navigateTo({ url: '/pkg-develop/record-step/index?id=' + this.data.id });
  },

  publicity() {
    wx.navigateTo({ url: '/pkg-develop/publicity/index?id=' + this.data.id });
  },
}));
