// 发展党员 (Api/Features/Development, README there): the person's own record, binding and thought reports, and the
// committee's worklist, records, steps and publicity.
const client = require('./client');
const config = require('../config/env');

/**
 * wx.uploadFile of one file (multipart field "file" plus form fields) with the session token, signing in again once on
 * a 401, as client.download does. Resolves with the parsed JSON answer, rejects with the server's ProblemDetails text.
 */
async function upload(path, filePath, formData) {
  const attempt = (token) =>
    new Promise((resolve, reject) => {
      wx.uploadFile({
        url: config.baseUrl() + path,
        filePath,
        name: 'file',
        formData,
        header: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
        success: resolve,
        fail: () => reject(new client.ApiError({ network: true, title: '网络连接失败', detail: '附件上传失败，请检查网络后重试。' })),
      });
    });
  if (!client.getToken()) await client.login();
  let res = await attempt(client.getToken());
  if (res.statusCode === 401) {
    client.setToken(null);
    await client.login();
    res = await attempt(client.getToken());
  }
  let data = res.data;
  try {
    data = typeof data === 'string' && data ? JSON.parse(data) : data;
  } catch (e) {
    // not JSON (a proxy's error page): the status decides below and the client's Chinese fallback is shown
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return data;
  throw client.toError({ statusCode: res.statusCode, data });
}

module.exports = {
  /** Own record (RecordView): steps, next (step, possibleFrom, reason), tasks, contacts, introducers, attachments; 404 when bound to none. */
  me: () => client.get('/api/development/me'),
  /** Binds the signed-in account to a record with the branch's invitation: { scene, name, number } → RecordView. */
  bind: ({ scene, name, number }) => client.post('/api/development/bind', { scene, name, number }),
  /** Hands in a thought report: { text (≤ 500), writtenOn (yyyy-MM-dd, default today) } → RecordView. */
  submitThoughtReport: ({ text, writtenOn }, idempotencyKey) => client.create('/api/development/me/thought-reports', { text, writtenOn }, idempotencyKey),
  /** Uploads a file (PDF or image, ≤ Media:MaxBytes) to one's own record; kind ApplicationLetter | ThoughtReport | PoliticalCheck | Other → AttachmentView. */
  uploadMine: (filePath, kind) => upload('/api/development/me/attachments', filePath, { kind }),
  /** The worklist of a branch (or general branch) on a China date (yyyy-MM-dd, default today): overdue, dueThisMonth, stages. */
  worklist: (unitId, on) => client.get('/api/development/units/' + unitId + '/worklist', { on: typeof on === 'string' ? on : undefined }),
  /** A record for the committee and the assigned contacts (RecordView). */
  record: (id) => client.get('/api/development/records/' + id),
  /** A new record with step 1: { branchId, name, number, birthDate, appliedOn, note } → RecordView. */
  createRecord: ({ branchId, name, number, birthDate, appliedOn, note }, idempotencyKey) =>
    client.create('/api/development/records', { branchId, name, number, birthDate, appliedOn, note }, idempotencyKey),
  /** One event: { kind, occurredOn, note, talkPartnerIds, contactIds, introducerIds, resolutionId, trainingDays, trainingHours, extensionMonths } → RecordView; too early → 400 with possibleOn. */
  recordStep: (id, { kind, occurredOn, note, talkPartnerIds, contactIds, introducerIds, resolutionId, trainingDays, trainingHours, extensionMonths }, idempotencyKey) =>
    client.create('/api/development/records/' + id + '/steps', { kind, occurredOn, note, talkPartnerIds, contactIds, introducerIds, resolutionId, trainingDays, trainingHours, extensionMonths }, idempotencyKey),
  /** Publicity (公示): { before: Admission | Confirmation, startsOn } → PublicityView. */
  startPublicity: (id, { before, startsOn }, idempotencyKey) => client.create('/api/development/records/' + id + '/publicity', { before, startsOn }, idempotencyKey),
  /** The people I am assigned to as training contact or introducer: { items: [{ id, name, branchId, stage, stageName, role }], nextCursor }. */
  assigned: () => client.get('/api/development/assigned'),
  /** Publicities (公示) running today in the caller's organisation: { items: [PublicityView], nextCursor }. */
  publicities: () => client.get('/api/development/publicity'),
  /** An objection (异议, ≤ 1000 characters) to a running publicity; only the committee reads it: → { id, createdAt }; 409 when it is not running. */
  object: (publicityId, text) => client.post('/api/development/publicity/' + publicityId + '/objections', { text }),
  /** The objections to a publicity, oldest first (committee only): { items: [{ id, text, fromName, createdAt }], nextCursor }. */
  objections: (publicityId) => client.get('/api/development/publicity/' + publicityId + '/objections'),
};
