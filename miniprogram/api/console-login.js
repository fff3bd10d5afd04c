// Scan-to-login for the PC console: /api/console-login (Api/Areas/Console/README.md).
const client = require('./client');

const path = (ticket) => `/api/console-login/tickets/${encodeURIComponent(ticket)}`;

module.exports = {
  /** {ticket, memberName, browser, shownAt, expiresAt} */
  view: (ticket) => client.get(path(ticket)),
  confirm: (ticket) => client.post(`${path(ticket)}/confirm`),
  refuse: (ticket) => client.post(`${path(ticket)}/refuse`),
};
