// 组织关系转接 (issue 16): the member's own transfers and the committee's queue.
const client = require('./client');

module.exports = {
  /** Own transfers and those of branches the caller manages; open=true keeps those still waiting. */
  list: (open) => client.get('/api/transfers', { open: open ? true : undefined }).then((page) => page.items),
  get: (id) => client.get('/api/transfers/' + id),
  /** Inside: { kind: 'Inside', toBranchId }; outgoing: { kind: 'Outgoing', toOrganization }. */
  request: ({ memberId, kind, toBranchId, toOrganization, reason }) =>
    client.post('/api/transfers', { memberId, kind, toBranchId, toOrganization, reason }),
  approve: (id, duesPaidUpTo) => client.post('/api/transfers/' + id + '/approve', { duesPaidUpTo: duesPaidUpTo || null }),
  accept: (id) => client.post('/api/transfers/' + id + '/accept', {}),
  returnWithReason: (id, reason) => client.post('/api/transfers/' + id + '/return', { reason }),
};
