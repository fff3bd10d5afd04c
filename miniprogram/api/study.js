// Study area (issue 20, Api/Features/Study): materials, progress reports, my hours, assignments and their completion.
const client = require('./client');

module.exports = {
  /** Materials I may read, newest first, with my progress: { items: [StudyMaterialView], nextCursor } */
  materials: ({ topic, cursor } = {}) => client.get('/api/study/materials', { topic, cursor }),
  /** One material: body, signed mediaUrl/posterUrl (valid for a few hours), durationSeconds, my progress. */
  material: (id) => client.get('/api/study/materials/' + id),
  /** event: Start | Progress | Pause | End; position: the player's seconds (0 for text) → { progress, creditedNow, completedNow } */
  report: (id, event, position) => client.post('/api/study/materials/' + id + '/progress', { event, position }),
  /** → { year, targetHours, totalHours, remainingHours, materialHours, meetingHours, byTopic: [{ topic, hours }], entries } */
  myHours: (year) => client.get('/api/study/hours/me', { year }),
  /** Assignments given to me (myState) and those of units I manage (manageable): a list page. */
  assignments: () => client.items('/api/study/assignments'),
  /** The committee's view: { id, title, dueOn, materialCount, assigned, finished, inProgress, notStarted, members } */
  completion: (id) => client.get('/api/study/assignments/' + id + '/completion'),
  /** Reminds the assignees who have not finished (once an hour) → { reminded } */
  remind: (id) => client.post('/api/study/assignments/' + id + '/remind').then((r) => ({ reminded: r.reminded })),
  /**
   * The committee publishes: starts a chunked upload { fileName, size (bytes), chunkSize (bytes) } → the upload's state
   * { id, fileName, size, chunkSize, chunkCount, missing: [indexes], status, kind, contentType, durationSeconds, sha256, hasPoster }.
   */
  startUpload: ({ fileName, size, chunkSize }, idempotencyKey) => client.create('/api/study/uploads', { fileName, size, chunkSize }, idempotencyKey),
  /** The upload's state: which chunks are still missing. */
  upload: (id) => client.get('/api/study/uploads/' + id),
  /** One chunk's raw bytes (an ArrayBuffer); sending a chunk again replaces it with the same bytes. */
  putChunk: (id, index, bytes) =>
    client.request('PUT', '/api/study/uploads/' + id + '/chunks/' + index, { data: bytes, headers: { 'Content-Type': 'application/octet-stream' } }),
  /** Assembles the chunks; the type is decided by the content (409 while chunks are missing, 413 too large, 415 not audio/video/PDF). */
  completeUpload: (id) => client.post('/api/study/uploads/' + id + '/complete'),
  /**
   * { unitId, title, topic, kind: Text | Audio | Video | Pdf, body?, mediaId?, visibility, estimatedMinutes (1–480), confirmNotClassified }
   * → { id, status: Published | PendingApproval }
   */
  publish: (material, idempotencyKey) => client.create('/api/study/materials', material, idempotencyKey),
  /** A held material published by another committee member (403 for its author) → { id, status } */
  approve: (id) => client.post('/api/study/materials/' + id + '/approve'),
  /** { title, materialIds, audience: { unitIds, memberIds }, dueOn: 'YYYY-MM-DD' } → { id, assigneeCount } */
  assign: (assignment, idempotencyKey) => client.create('/api/study/assignments', assignment, idempotencyKey),
};
