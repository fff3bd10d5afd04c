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

function recipients(id, state) {
  return client.get('/api/notices/' + id + '/recipients', { state }).then((data) => (Array.isArray(data) ? data : (data && data.items) || []));
}

module.exports = {
  list: ({ cursor, limit } = {}) => client.get('/api/notices', { cursor, limit }).then(page),
  unreadCount: () => client.get('/api/notices/unread-count').then(count),
  /** Opening a notice records the first read. */
  get: (id) => client.get('/api/notices/' + id),
  ack: (id) => client.post('/api/notices/' + id + '/ack'),
  /** { title, body, visibility, audience:{unitIds,memberIds}, requiresAck, pinned, confirmedNotClassified } */
  create: (notice) => client.post('/api/notices', notice),
  update: (id, notice) => client.put('/api/notices/' + id, notice),
  withdraw: (id) => client.post('/api/notices/' + id + '/withdraw'),
  approve: (id) => client.post('/api/notices/' + id + '/approve'),
  recipients,
  /** Read figures for the committee, counted from the recipient lists so they always agree with the names. */
  stats: async (id) => {
    const [read, unread, acked] = await Promise.all([recipients(id, 'read'), recipients(id, 'unread'), recipients(id, 'acked')]);
    return { read: read.length, unread: unread.length, acked: acked.length, total: read.length + unread.length, unreadMembers: unread };
  },
  remindUnread: (id) => client.post('/api/notices/' + id + '/remind-unread'),
};
