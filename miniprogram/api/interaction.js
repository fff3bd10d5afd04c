// Interaction (issue 19): 书记信箱, 民主评议 ballots, polls.
const client = require('./client');

const CATEGORIES = [
  { value: 'Suggestion', label: '意见建议' },
  { value: 'Question', label: '咨询' },
  { value: 'Difficulty', label: '困难帮扶' },
  { value: 'Report', label: '问题反映' },
];

const GRADES = [
  { value: 'Excellent', label: '优秀' },
  { value: 'Qualified', label: '合格' },
  { value: 'BasicallyQualified', label: '基本合格' },
  { value: 'Unqualified', label: '不合格' },
];

const STATUS_LABELS = { Open: '待答复', Answered: '已答复', Resolved: '已解决' };

module.exports = {
  CATEGORIES,
  GRADES,
  STATUS_LABELS,
  writeToMailbox: (message, idempotencyKey) => client.create('/api/mailbox', message, idempotencyKey),
  myMailbox: () => client.get('/api/mailbox/mine'),
  markResolution: (id, resolved) => client.post('/api/mailbox/' + id + '/resolution', { resolved }),
  appraisal: (id) => client.get('/api/appraisals/' + id),
  castBallots: (id, choices, idempotencyKey) => client.create('/api/appraisals/' + id + '/ballots', { choices }, idempotencyKey),
  /** The committee's mailbox, 20 a page: { overdue, escalated, items, nextCursor } (status: Open | Answered | Resolved; pass nextCursor back as cursor). */
  mailbox: (status, cursor) => client.get('/api/mailbox', { status, cursor }),
  answer: (id, text) => client.post('/api/mailbox/' + id + '/answer', { text }),
  /** → { items: [{ id, branchId, title, periodStart, periodEnd, status: Open | Closed, canVote, hasVoted }] } */
  appraisals: (branchId) => client.items('/api/appraisals', { branchId }),
  /** { branchId, title, periodStart, periodEnd, appraisedMemberIds } → { id, appraised, voters } */
  openAppraisal: (round, idempotencyKey) => client.create('/api/appraisals', round, idempotencyKey),
  closeAppraisal: (id) => client.post('/api/appraisals/' + id + '/close'),
  /** After closing: { voters, voted, turnoutPercent, appraised: [{ name, ballots, grades | null, comments }], nonVoters } */
  appraisalResults: (id) => client.get('/api/appraisals/' + id + '/results'),
  selfAppraisal: (id, text) => client.put('/api/appraisals/' + id + '/self-appraisal', { text }),
  /** targetKind: Unit | Meeting | Activity */
  polls: (targetKind, targetId) => client.items('/api/polls', { targetKind, targetId }),
  /** { targetKind, targetId, question, options[2–20], multipleChoice, anonymous, closesAt } */
  createPoll: (poll, idempotencyKey) => client.create('/api/polls', poll, idempotencyKey),
  closePoll: (id) => client.post('/api/polls/' + id + '/close'),
  /** The wall of a meeting or activity (404 while none is open). */
  wallOf: (targetKind, targetId) => client.get('/api/walls', { targetKind, targetId }),
  wall: (id, afterId) => client.get('/api/walls/' + id, { afterId }),
  openWall: (targetKind, targetId, requiresApproval, idempotencyKey) => client.create('/api/walls', { targetKind, targetId, requiresApproval }, idempotencyKey),
  postToWall: (id, text, idempotencyKey) => client.create('/api/walls/' + id + '/messages', { text }, idempotencyKey),
  decideWallMessage: (id, messageId, approve) => client.post('/api/walls/' + id + '/messages/' + messageId + '/decision', { approve }),
  closeWall: (id) => client.post('/api/walls/' + id + '/close'),
  poll: (id) => client.get('/api/polls/' + id),
  vote: (id, optionIds, idempotencyKey) => client.create('/api/polls/' + id + '/votes', { optionIds }, idempotencyKey),
};
