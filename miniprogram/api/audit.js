// The audit log (GET /api/audit): who did what in a unit, newest first.
const client = require('./client');

module.exports = {
  /** One page: { items: [{ id, at, actorName, unitName, action, targetType, targetId, summary }], nextCursor } (nextBefore as the cursor). */
  page: (unitId, before, take) =>
    client.get('/api/audit', { unitId, before, take: take || 30 }).then((d) => ({ items: (d && d.items) || [], nextCursor: d && d.nextBefore ? String(d.nextBefore) : null })),
};
