// Activities area (issue 5).
const client = require('./client');

module.exports = {
  /** scope: open | mine | past → the first page's items (20, soonest first; past newest first). */
  list: (scope) => client.items('/api/activities', { scope }),
  /** One page of a scope: { items, nextCursor } (pass nextCursor back as cursor, same scope; null on the last page). */
  page: (scope, cursor) => client.get('/api/activities', { scope, cursor }),
  get: (id) => client.get('/api/activities/' + id),
  /** { unitId, title, description, place, startsAt, endsAt, signUpOpensAt, signUpClosesAt, capacity, waitingList, visibility, audience } */
  create: (activity, idempotencyKey) => client.create('/api/activities', activity, idempotencyKey),
  update: (id, activity) => client.put('/api/activities/' + id, activity),
  cancel: (id, reason) => client.post('/api/activities/' + id + '/cancel', { reason }),
  /** → the enrollment: { activityId, status: Confirmed | Waitlisted, waitlistPosition, checkedInAt } */
  enroll: (id) => client.post('/api/activities/' + id + '/enrollment'),
  cancelEnrollment: (id) => client.del('/api/activities/' + id + '/enrollment'),
  /** → { scene, numericCode, expiresAt, imageUrl } */
  checkInCode: (id) => client.get('/api/activities/' + id + '/check-in-code'),
  checkIn: (id, code) => client.post('/api/activities/' + id + '/check-in', { code }),
  checkInMember: (id, memberId) => client.post('/api/activities/' + id + '/attendees/' + memberId + '/check-in'),
  attendance: (id) => client.get('/api/activities/' + id + '/attendance'),
};
