// Organisation area (issue 3): units, binding, invitations.
const client = require('./client');

module.exports = {
  /** The visible unit tree's roots (a list page, never paged): [{ id, name, kind, category, closed, children }] */
  units: () => client.get('/api/org/units').then((page) => page.items),
  unit: (id) => client.get('/api/org/units/' + id),
  members: (unitId) => client.get('/api/org/units/' + unitId + '/members').then((data) => data.members),
  /** Binds the signed-in WeChat account to a roster entry through an invitation scene. */
  bind: ({ scene, name, number }) => client.post('/api/members/bind', { scene, name, number }),
  /** → { id, scene, expiresAt, qrCodeUrl } */
  createInvitation: (unitId, { expiresAt, singleUse }) =>
    client.post('/api/org/units/' + unitId + '/invitations', { expiresAt, singleUse }),
};
