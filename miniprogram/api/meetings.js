// Meetings area (issue 7).
const client = require('./client');

/** Meeting types (三会一课 and more) with the names shown to members. */
const MEETING_TYPES = [
  { value: 'BranchGeneralMeeting', label: '支部党员大会' },
  { value: 'CommitteeMeeting', label: '支委会' },
  { value: 'PartyGroupMeeting', label: '党小组会' },
  { value: 'PartyLesson', label: '党课' },
  { value: 'ThemedPartyDay', label: '主题党日' },
  { value: 'OrganizationalLifeMeeting', label: '组织生活会' },
  { value: 'MemberAppraisal', label: '民主评议党员' },
];

module.exports = {
  MEETING_TYPES,
  /** scope: upcoming | past | mine */
  list: (scope) => client.items('/api/meetings', { scope }),
  /** One page of a scope: { items, nextCursor }. The API answers a scope whole (at most 200, nextCursor null), so there is no cursor to send. */
  page: (scope) => client.get('/api/meetings', { scope }),
  get: (id) => client.get('/api/meetings/' + id),
  /** { unitId, type, topic, startsAt, endsAt, place, onlineLink, agenda, visibility } */
  create: (meeting, idempotencyKey) => client.create('/api/meetings', meeting, idempotencyKey),
  update: (id, meeting) => client.put('/api/meetings/' + id, meeting),
  cancel: (id, reason) => client.post('/api/meetings/' + id + '/cancel', { reason }),
  askLeave: (id, reason, idempotencyKey) => client.create('/api/meetings/' + id + '/leave-requests', { reason }, idempotencyKey),
  approveLeave: (leaveId) => client.post('/api/leave-requests/' + leaveId + '/approve'),
  rejectLeave: (leaveId, note) => client.post('/api/leave-requests/' + leaveId + '/reject', { note }),
  checkInCode: (id) => client.get('/api/meetings/' + id + '/check-in-code'),
  checkIn: (id, code) => client.post('/api/meetings/' + id + '/check-in', { code }),
  checkInMember: (id, memberId) => client.post('/api/meetings/' + id + '/attendees/' + memberId + '/check-in'),
  attendance: (id) => client.get('/api/meetings/' + id + '/attendance'),
  /** General meeting only: { title, yes, no, abstain } → { id, title, yes, no, abstain, voters, votersPresent, passed } (409 when not quorate). */
  recordResolution: (id, resolution, idempotencyKey) => client.create('/api/meetings/' + id + '/resolutions', resolution, idempotencyKey),
  minutes: (id) => client.get('/api/meetings/' + id + '/minutes'),
  /** Published minutes are kept as append-only revisions. */
  saveMinutes: (id, content) => client.put('/api/meetings/' + id + '/minutes', { content, publish: true }),
  /** → { unitId, unitName, from, to, branches: [{ branchId, branchName, inactive, rows: [{ type, typeName, required, held, missing }] }] } */
  compliance: (unitId, from, to) => client.get('/api/org/units/' + unitId + '/compliance', { from, to }),
};
