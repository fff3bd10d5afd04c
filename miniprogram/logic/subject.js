// Secretary pages that work on an activity or a meeting (?kind=activity|meeting&id=…).
const activities = require('../api/activities');
const meetings = require('../api/meetings');

function apiFor(kind) {
  return kind === 'meeting' ? meetings : activities;
}

function titleOf(item) {
  return (item && (item.title || item.topic)) || '';
}

module.exports = { apiFor, titleOf };
