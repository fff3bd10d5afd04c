// Reminders area (issue 6): subscription quota and the in-app inbox.
const client = require('./client');

const KIND_LABELS = { Meeting: '会议提醒', Activity: '活动提醒', Notice: '通知提醒', LeaveDecision: '请假审批结果' };

/** The templates the server has configured, one per reminder kind (a list page), with the sends banked for the member. */
function normalizeSubscriptions(page) {
  return page.items.map((t) => ({
    kind: t.kind,
    templateId: t.templateId,
    title: t.kindName,
    remaining: t.banked,
  }));
}

module.exports = {
  KIND_LABELS,
  normalizeSubscriptions,
  subscriptions: () => client.get('/api/subscriptions').then(normalizeSubscriptions),
  /** results: { "<templateId>": "accept|reject|ban|filter" } */
  reportSubscriptions: (results) => client.post('/api/subscriptions', { results }),
  /** A list page: { items, nextCursor }. */
  inbox: (cursor) => client.get('/api/inbox', { cursor }),
  inboxUnreadCount: () => client.get('/api/inbox/unread-count').then((data) => data.unread),
  markRead: (id) => client.post('/api/inbox/' + id + '/read'),
  reminders: (subjectType, subjectId) => client.get('/api/reminders', { subjectType, subjectId }),
};
