// The unit's audit log (GET /api/audit?unitId=&cursor=&limit=): who did what, newest first; older entries load at the bottom.
const secretary = require('../../logic/secretary');
const format = require('../../logic/format');
const list = require('../../logic/paged-list');
const audit = require('../../api/audit');

function view(a) {
  return { id: a.id, when: format.dateTime(a.at), who: a.actorName || '系统', summary: a.summary || a.action, unit: a.unitName || '' };
}

Page(Object.assign({}, list.handlers({
  start() {
    return secretary.start(this, { unitId: this.unitId });
  },
  fetch(cursor) {
    return audit.page(secretary.branchOf(this).id, cursor);
  },
  map: view,
}), {
  data: Object.assign({ allowed: false, checked: false, branches: [], branchIndex: 0 }, list.data()),

  onLoad(options) {
    this.unitId = options && options.unitId;
    return this.reload();
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
    this.unitId = secretary.branchOf(this).id;
    return this.reload();
  },
}));
