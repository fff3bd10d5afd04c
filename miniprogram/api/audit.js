// The audit log (GET /api/audit): who did what in a unit, newest first.
const client = require('./client');

module.exports = {
  /** One page: { items: [{ id, at, actorName, unitName, action, targetType, targetId, summary }], nextCursor }. */
  page: (unitId, cursor, limit) => client.get('/api/audit', { unitId, cursor, limit: limit || 30 }).then(client.toPage),
};
