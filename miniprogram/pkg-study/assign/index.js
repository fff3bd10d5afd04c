// The committee assigns published materials (POST /api/study/assignments) to the whole branch, chosen party groups or
// chosen members (logic/audience.js, the notice rules) with a due date (China time), then sees completion on
// ../assignment. Limits are the API's (Domain/Study/StudyAssignment.cs): name 60 characters, 1–50 materials. The
// materials offered are those the API lists for the caller, published, loading more at the bottom.
const secretary = require('../../logic/secretary');
const audience = require('../../logic/audience');
const study = require('../../logic/study');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const api = require('../../api/study');
const pageHandlers = require('../../logic/page-handlers');

const TITLE_MAX = 60;
const MATERIALS_MAX = 50;

/** A date `days` after today in China time (YYYY-MM-DD). */
function daysAhead(days) {
  const today = format.nowParts().date;
  const d = new Date(today + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function problemOf(data) {
  const title = String(data.title || '').trim();
  if (!title) return '请填写学习任务名称。';
  if (title.length > TITLE_MAX) return '名称不能超过' + TITLE_MAX + '个字。';
  if (!data.materialIds.length) return '请至少选择一份学习资料。';
  if (data.materialIds.length > MATERIALS_MAX) return '一个学习任务最多包含' + MATERIALS_MAX + '份资料。';
  if (!data.dueOn) return '请选择截止日期。';
  if (data.dueOn < format.nowParts().date) return '截止日期不能早于今天。';
  return null;
}

function withChecks(materials, ids) {
  return materials.map((m) => Object.assign({}, m, { checked: ids.indexOf(m.id) >= 0 }));
}

Page(Object.assign({}, pageHandlers.fields, audience.handlers, {
  data: Object.assign(
    { allowed: false, checked: false, denied: '', branches: [], branchIndex: 0, title: '', dueOn: '', today: '', materials: [], materialIds: [], nextCursor: null, done: false, loading: false },
    audience.initial(),
  ),

  async onLoad(options) {
    const opts = options || {};
    this.setData({ dueOn: daysAhead(14), today: format.nowParts().date, materialIds: opts.materialId ? [Number(opts.materialId)] : [] });
    if (!(await secretary.start(this, { unitId: opts.unitId }))) return;
    await Promise.all([this.loadAudience(), this.reloadMaterials()]);
  },

  onPullDownRefresh() {
    return (this.data.allowed ? this.reloadMaterials() : Promise.resolve()).then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    return this.moreMaterials();
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
    return this.loadAudience();
  },

  async reloadMaterials() {
    this.setData({ materials: [], nextCursor: null, done: false });
    await this.moreMaterials();
  },

  /** Only published materials can be assigned. */
  async moreMaterials() {
    if (this.data.done || this.loadingMore) return;
    this.loadingMore = true;
    const page = await kit.guard(this, () => api.materials({ cursor: this.data.nextCursor }), { onError: kit.refusal(this) });
    this.loadingMore = false;
    if (!page) return;
    const added = page.items.filter((m) => m.status === 'Published').map((m) => {
      const item = study.materialItem(m);
      return { id: item.id, title: item.title, kind: item.kind, topic: item.topic, hours: item.hours };
    });
    this.setData({ materials: withChecks(this.data.materials.concat(added), this.data.materialIds), nextCursor: page.nextCursor, done: !page.nextCursor });
  },

  toggleMaterial(e) {
    const id = Number(e.currentTarget.dataset.id);
    const ids = this.data.materialIds.indexOf(id) >= 0 ? this.data.materialIds.filter((m) => m !== id) : this.data.materialIds.concat([id]);
    this.setData({ materialIds: ids, materials: withChecks(this.data.materials, ids) });
  },

  async submit() {
    const branch = secretary.branchOf(this);
    const to = audience.build(this.data, branch.id);
    const problem = problemOf(this.data) || to.problem;
    if (problem) {
      wx.showModal({ title: '无法布置', content: problem, showCancel: false });
      return null;
    }
    const assignment = { title: this.data.title.trim(), materialIds: this.data.materialIds.slice(), audience: to.audience, dueOn: this.data.dueOn };
    const created = await kit.guard(this, () => api.assign(assignment, kit.submissionKey(this)), { onError: kit.refusal(this) });
    if (!created) return null;
    kit.submitted(this);
    kit.toast('已布置给 ' + created.assigneeCount + ' 人');
    wx.redirectTo({ url: '/pkg-study/assignment/index?id=' + created.id + '&unitId=' + branch.id });
    return created;
  },
}));

module.exports = { problemOf, daysAhead };
