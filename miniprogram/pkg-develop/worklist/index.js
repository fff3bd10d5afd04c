// The committee's development worklist (GET /api/development/units/{id}/worklist): overdue tasks, tasks due this
// month, and how many people are at each stage (a stage opens into its names); a name opens the person's record, and a
// new applicant is registered from here. The worklist is answered whole (one page): pull to refresh. Plain members get no page.
const secretary = require('../../logic/secretary');
const pageHandlers = require('../../logic/page-handlers');
const kit = require('../../logic/page-kit');
const dev = require('../../api/development');
const logic = require('../../logic/development');

Page(Object.assign({}, secretary.handlers, pageHandlers.refresh, {
  data: { allowed: false, checked: false, branches: [], branchIndex: 0, list: null, openStage: '', loading: false },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value), openStage: '' });
    return this.load();
  },

  async load() {
    const branch = secretary.branchOf(this);
    if (!branch) return;
    const list = await kit.guard(this, () => dev.worklist(branch.id));
    if (list) this.setData({ list: logic.worklist(list) });
  },

  /** Opens (or closes) the names of one stage. */
  toggleStage(e) {
    const stage = e.currentTarget.dataset.stage;
    this.setData({ openStage: this.data.openStage === stage ? '' : stage });
  },

  /** A person (from a task or a stage's names): their record. */
  openRecord(e) {
    wx.navigateTo({ url: '/pkg-develop/person/index?id=' + e.currentTarget.dataset.id });
  },

  create() {
    const branch = secretary.branchOf(this);
    wx.navigateTo({ url: '/pkg-develop/applicant-create/index' + (branch ? '?unitId=' + branch.id : '') });
  },
}));
