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
  /** scope: upcoming | past | mine → the first page's items (20; upcoming soonest first, past and mine latest first). */
  list: (scope) => client.items('/api/meetings', { scope }),
  /** One page of a scope: { items, nextCursor } (pass nextCursor back as cursor, same scope; null on the last page). */
  page: (scope, cursor) => client.get('/api/meetings', { scope, cursor }),
  /**
   * Every page of a scope, following nextCursor (at most 50 pages, 1,000 meetings): the items in order. With unitId,
   * only that unit's meetings, filtered by the server (a branch: its own and its party groups'; a party group: its own).
   */
  async all(scope, unitId) {
    const items = [];
    let cursor = null;
    for (let i = 0; i < 50; i++) {
      const page = await client.get('/api/meetings', { scope, unitId, cursor });
      items.push(...page.items);
      if (!page.nextCursor || page.nextCursor === cursor) break;
      cursor = page.nextCursor;
    }
    return items;
  },
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
  /** Published minutes are kept as append-only revisions. Before the meeting starts only a draft may be saved (publish false; the API answers 409 minutes.before_meeting to publishing). */
  saveMinutes: (id, content, publish = true) => client.put('/api/meetings/' + id + '/minutes', { content, publish }),
  /** → { unitId, unitName, from, to, branches: [{ branchId, branchName, inactive, rows: [{ type, typeName, required, held, missing }] }] } */
  compliance: (unitId, from, to) => client.get('/api/org/units/' + unitId + '/compliance', { from, to }),
};
