// The unit's audit log (GET /api/audit?unitId=&cursor=&limit=): who did what, newest first; older entries load at the bottom.
const secretary = require('../../logic/secretary');
const format = require('../../logic/format');
const audit = require('../../api/audit');

function view(a) {
  return { id: a.id, when: format.dateTime(a.at), who: a.actorName || '系统', summary: a.summary || a.action, unit: a.unitName || '' };
}

Page(Object.assign({}, secretary.pagedList(audit.page, view), {
  data: secretary.pagedListData(),
}));
