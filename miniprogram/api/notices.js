// Notices area (issue 4).
const client = require('./client');

function page(data) {
  if (Array.isArray(data)) return { items: data, nextCursor: null };
  return { items: (data && data.items) || [], nextCursor: (data && (data.nextCursor || data.cursor)) || null };
}

function count(data) {
  if (typeof data === 'number') return data;
  return (data && (data.count !== undefined ? data.count : data.unread)) || 0;
}

function members(data) {
  return Array.isArray(data) ? data : (data && (data.members || data.items)) || [];
}

/** → { figures: {audience, read, unread, acked, notAcked} | null, members: [{memberId, name, number, readAt, ackedAt}] } */
function recipients(id, state) {
  return client.get('/api/notices/' + id + '/recipients', { state }).then((data) => ({ figures: (data && data.figures) || null, members: members(data) }));
}

module.exports = {
  list: ({ cursor, limit } = {}) => client.get('/api/notices', { cursor, limit }).then(page),
  unreadCount: () => client.get('/api/notices/unread-count').then(count),
  /** Opening a notice records the first read. */
  get: (id) => client.get('/api/notices/' + id),
  ack: (id) => client.post('/api/notices/' + id + '/ack'),
  /** { title, body, visibility, audience:{unitIds,memberIds}, requiresAck, pinned, confirmNotClassified } → { id, status, holdReason, recipientCount } */
  create: (notice, idempotencyKey) => client.create('/api/notices', notice, idempotencyKey),
  update: (id, notice) => client.put('/api/notices/' + id, notice),
  withdraw: (id) => client.post('/api/notices/' + id + '/withdraw'),
  approve: (id) => client.post('/api/notices/' + id + '/approve'),
  /** Notices held for approval that the caller may see: [{ id, title, visibility, holdReason, createdAt, authorName, canApprove }] */
  pending: () => client.get('/api/notices/pending').then((data) => (Array.isArray(data) ? data : (data && data.items) || [])),
  recipients,
  /** Read figures for the committee and the names of those who have not read. */
  stats: async (id) => {
    const unread = await recipients(id, 'unread');
    const f = unread.figures;
    if (f) return { read: f.read, unread: f.unread, acked: f.acked, total: f.audience, unreadMembers: unread.members };
    // Without figures, count the lists so the numbers always agree with the names.
    const [read, acked] = await Promise.all([recipients(id, 'read'), recipients(id, 'acked')]);
    const r = read.members.length;
    const u = unread.members.length;
    return { read: r, unread: u, acked: acked.members.length, total: r + u, unreadMembers: unread.members };
  },
  remindUnread: (id) => client.post('/api/notices/' + id + '/remind-unread'),
};
