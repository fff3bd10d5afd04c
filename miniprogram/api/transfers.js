// 组织关系转接 (issue 16): the member's own transfers and the committee's queue.
const client = require('./client');

module.exports = {
  /** Own transfers and those of branches the caller manages; open=true keeps those still waiting. */
  list: (open) => client.get('/api/transfers', { open: open ? true : undefined }).then((page) => page.items),
  get: (id) => client.get('/api/transfers/' + id),
  /** Inside: { kind: 'Inside', toBranchId }; outgoing: { kind: 'Outgoing', toOrganization }. */
  request: ({ memberId, kind, toBranchId, toOrganization, reason }, idempotencyKey) =>
    client.create('/api/transfers', { memberId, kind, toBranchId, toOrganization, reason }, idempotencyKey),
  approve: (id, duesPaidUpTo) => client.post('/api/transfers/' + id + '/approve', { duesPaidUpTo: duesPaidUpTo || null }),
  accept: (id) => client.post('/api/transfers/' + id + '/accept', {}),
  returnWithReason: (id, reason) => client.post('/api/transfers/' + id + '/return', { reason }),
  /** The letter (介绍信): { sex: Male | Female, ethnicity, birthDate, idNumber, validDays? } → the transfer with letterNumber, validUntil */
  issueLetter: (id, letter) => client.post('/api/transfers/' + id + '/letter', letter),
  /** The printable letter as a temp file (PDF). */
  letterPdf: (id) => client.download('/api/transfers/' + id + '/letter.pdf'),
  /** The receipt (回执) came back: { receivedOn (China date), note } */
  recordReceipt: (id, receipt) => client.post('/api/transfers/' + id + '/receipt', receipt),
};
