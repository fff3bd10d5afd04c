// Notices area (issue 4).
const client = require('./client');

/** → { figures: {audience, read, unread, acked, notAcked}, members: [{memberId, name, number, branchName, readAt, ackedAt}] } */
function recipients(id, state) {
  return client.get('/api/notices/' + id + '/recipients', { state }).then((data) => ({ figures: data.figures, members: data.members }));
}

module.exports = {
  /** A list page: { items, nextCursor } (pass nextCursor back as cursor; null on the last page). */
  list: ({ cursor, limit } = {}) => client.get('/api/notices', { cursor, limit }),
  unreadCount: () => client.get('/api/notices/unread-count').then((data) => data.unread),
  /** Opening a notice records the first read. */
  get: (id) => client.get('/api/notices/' + id),
  ack: (id) => client.post('/api/notices/' + id + '/ack'),
  /** { title, body, visibility, audience:{unitIds,memberIds}, requiresAck, pinned, confirmNotClassified } → { id, status, holdReason, recipientCount } */
  create: (notice, idempotencyKey) => client.create('/api/notices', notice, idempotencyKey),
  update: (id, notice) => client.put('/api/notices/' + id, notice),
  withdraw: (id) => client.post('/api/notices/' + id + '/withdraw'),
  approve: (id) => client.post('/api/notices/' + id + '/approve'),
  /** Notices held for approval that the caller may see: [{ id, title, visibility, holdReason, createdAt, authorName, canApprove }] */
  pending: () => client.items('/api/notices/pending'),
  recipients,
  /** Read figures for the committee and the names of those who have not read. */
  stats: async (id) => {
    const unread = await recipients(id, 'unread');
    const f = unread.figures;
    return { read: f.read, unread: f.unread, acked: f.acked, total: f.audience, unreadMembers: unread.members };
  },
  remindUnread: (id) => client.post('/api/notices/' + id + '/remind-unread'),
};
