// 组织关系转接 (issue 16): the member's own transfers and the committee's queue.
const client = require('./client');
const multipart = require('../logic/multipart');

module.exports = {
  /** Own transfers and those of branches the caller manages; open=true keeps those still waiting. */
  list: (open) => client.items('/api/transfers', { open: open ? true : undefined }),
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
  /**
   * The graduation batch of a branch (POST /api/org/units/{id}/transfers/graduation, multipart field `file`, .xlsx or
   * .csv with 学工号, 姓名, 毕业去向, 转入党组织): { dryRun, rows, created }. dryRun checks only. A bad sheet is
   * refused whole with 400 and the ApiError's `rows` ([{ row, reasons }], row numbers as Excel shows them).
   * file: { name, content } (content an ArrayBuffer or the CSV text).
   */
  graduation: (unitId, file, dryRun, idempotencyKey) => {
    const f = file && typeof file === 'object' ? file : {};
    const ext = /\.xlsx$/i.test(f.name || '') ? '.xlsx' : '.csv';
    const form = multipart.fileForm('file', f.name, f.content, 'graduation' + ext);
    const headers = { 'Content-Type': form.contentType };
    if (!dryRun && idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    return client.request('POST', '/api/org/units/' + unitId + '/transfers/graduation', { query: { dryRun: dryRun ? true : undefined }, data: form.body, headers });
  },
};
