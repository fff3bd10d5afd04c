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
  poll: (id) => client.get('/api/polls/' + id),
  vote: (id, optionIds, idempotencyKey) => client.create('/api/polls/' + id + '/votes', { optionIds }, idempotencyKey),
};
