// Sign-in area: /api/auth, /api/me.
const client = require('./client');

module.exports = {
  /** {needsBinding, member:{id,name,number,status,hasVote,branch{id,name,kind},partyGroup,roles[]}} */
  me: () => client.get('/api/me'),
  login: () => client.login(),
  logout: () => client.post('/api/auth/logout'),
  resetCalendar: () => client.post('/api/me/calendar/reset'),
};
