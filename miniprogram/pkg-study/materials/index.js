// The member's study: assignments given to me (and those my committee manages) above the materials I may read,
// newest first with my progress (GET /api/study/assignments, GET /api/study/materials). Pull to refresh.
const pagedList = require('../../logic/paged-list');
const study = require('../../logic/study');
const kit = require('../../logic/page-kit');
const api = require('../../api/study');

Page(Object.assign(pagedList.handlers({
  async start() {
    const assignments = await kit.guard(this, () => api.assignments(), { onError: () => null });
    this.setData({ assignments: (assignments || []).map(study.assignmentItem) });
    return true;
  },
  fetch(cursor) {
    return api.materials({ cursor });
  },
  map: study.materialItem,
}), {
  data: Object.assign(pagedList.data(), { assignments: [] }),

  onLoad() {
    return this.reload();
  },

  open(e) {
    kit.go('/pkg-study/material/index?id=' + e.currentTarget.dataset.id);
  },

  openAssignment(e) {
    const d = e.currentTarget.dataset;
    kit.go('/pkg-study/assignment/index?id=' + d.id + '&unitId=' + d.unit);
  },

  openHours() {
    kit.go('/pkg-study/hours/index');
  },
}));
