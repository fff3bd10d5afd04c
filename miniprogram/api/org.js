// Organisation area (issue 3): units, binding, invitations.
const client = require('./client');

function items(data) {
  if (Array.isArray(data)) return data;
  return (data && (data.items || data.units || data.members)) || [];
}

module.exports = {
  units: () => client.get('/api/org/units').then(items),
  unit: (id) => client.get('/api/org/units/' + id),
  members: (unitId) => client.get('/api/org/units/' + unitId + '/members').then(items),
  /** Binds the signed-in WeChat account to a roster entry through an invitation scene. */
  bind: ({ scene, name, number }) => client.post('/api/members/bind', { scene, name, number }),
  /** → { id, scene, expiresAt, qrCodeUrl } */
  createInvitation: (unitId, { expiresAt, singleUse }) =>
    client.post('/api/org/units/' + unitId + '/invitations', { expiresAt, singleUse }),
};
