// 发展党员 (Api/Features/Development): the applicant's own record and the committee's worklist.
const client = require('./client');

module.exports = {
  /** Own record (RecordView): steps, next (step, possibleFrom, reason), tasks, contacts, introducers; 404 when bound to none. */
  me: () => client.get('/api/development/me'),
  /** The worklist of a branch (or general branch) on a China date (yyyy-MM-dd, default today): overdue, dueThisMonth, stages. */
  worklist: (unitId, on) => client.get('/api/development/units/' + unitId + '/worklist', { on: typeof on === 'string' ? on : undefined }),
};
