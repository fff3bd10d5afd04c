// Reminders area (issue 6): subscription quota and the in-app inbox.
const client = require('./client');

const KIND_LABELS = { Meeting: '会议提醒', Activity: '活动提醒', Notice: '通知提醒', LeaveDecision: '请假审批结果' };

/** The templates the server has configured, one per reminder kind, with the sends banked for the member. */
function normalizeSubscriptions(data) {
  const list = Array.isArray(data) ? data : (data && (data.items || data.templates || data.kinds)) || [];
  return list.map((t) => ({
    kind: t.kind,
    templateId: t.templateId || t.tmplId || t.id,
    title: t.kindName || t.title || KIND_LABELS[t.kind] || t.kind,
    remaining: Number(t.remaining !== undefined ? t.remaining : t.quota !== undefined ? t.quota : t.banked || 0),
  }));
}

function page(data) {
  if (Array.isArray(data)) return { items: data, nextCursor: null };
  return { items: (data && data.items) || [], nextCursor: (data && data.nextCursor) || null };
}

module.exports = {
  KIND_LABELS,
  normalizeSubscriptions,
  subscriptions: () => client.get('/api/subscriptions').then(normalizeSubscriptions),
  /** results: { "<templateId>": "accept|reject|ban|filter" } */
  reportSubscriptions: (results) => client.post('/api/subscriptions', { results }),
  inbox: (cursor) => client.get('/api/inbox', { cursor }).then(page),
  inboxUnreadCount: () => client.get('/api/inbox/unread-count').then((d) => (typeof d === 'number' ? d : (d && (d.unread !== undefined ? d.unread : d.count)) || 0)),
  markRead: (id) => client.post('/api/inbox/' + id + '/read'),
  reminders: (subjectType, subjectId) => client.get('/api/reminders', { subjectType, subjectId }),
};
