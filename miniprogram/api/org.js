// Organisation area (issue 3): units, roster, appointments, invitations, binding.
const client = require('./client');

/** Committee roles with the names shown in the mini-program (Domain CommitteeRole). */
const ROLES = [
  { value: 'Secretary', label: '书记' },
  { value: 'DeputySecretary', label: '副书记' },
  { value: 'OrganizationCommissioner', label: '组织委员' },
  { value: 'PublicityCommissioner', label: '宣传委员' },
  { value: 'DisciplineCommissioner', label: '纪检委员' },
  { value: 'GroupLeader', label: '党小组长' },
];

/** Status changes a committee records (Domain MemberStatusChange); the last three archive the member. */
const STATUS_CHANGES = [
  { value: 'BecameFull', label: '按期转正' },
  { value: 'ProbationExtended', label: '延长预备期' },
  { value: 'Retired', label: '退休' },
  { value: 'MembershipStopped', label: '停止党籍' },
  { value: 'Expelled', label: '出党' },
  { value: 'Deceased', label: '去世' },
];

const INVITATION_STATES = { Active: '有效', Used: '已使用', Expired: '已过期', Revoked: '已撤销' };

module.exports = {
  ROLES,
  STATUS_CHANGES,
  INVITATION_STATES,
  /** The visible unit tree's roots (a list page, never paged): [{ id, name, kind, category, closed, children }] */
  units: () => client.items('/api/org/units'),
  /** → { id, name, kind, parent, children, committee: [{ appointmentId, memberId, memberName, role, roleName, startsOn, endsOn }], memberCount, canManage, warnings } */
  unit: (id) => client.get('/api/org/units/' + id),
  /** The unit's roster (a list page, never paged): [{ id, name, branch, partyGroup, roles, phone, number, status, … }] */
  members: (unitId) => client.items('/api/org/units/' + unitId + '/members'),
  /** Archived members (停止党籍, 出党, …), for the unit's managers. */
  archivedMembers: (unitId) => client.items('/api/org/units/' + unitId + '/members', { archived: true }),
  /** The member's Party-life events, oldest first (a list page, never paged): [{ id, change, changeName, occurredOn, reason, recordedBy, recordedAt }] */
  statusEvents: (memberId) => client.items('/api/members/' + memberId + '/status'),
  /** { change, occurredOn (China date), reason, extendedTo? } */
  recordStatus: (memberId, change, idempotencyKey) => client.create('/api/members/' + memberId + '/status', change, idempotencyKey),
  moveToGroup: (memberId, partyGroupId) => client.put('/api/members/' + memberId + '/group', { partyGroupId }),
  /** { memberId, role, startsOn?, endsOn? } → { id, unitId, memberId, memberName, role, roleName, startsOn, endsOn } */
  appoint: (unitId, appointment, idempotencyKey) => client.create('/api/org/units/' + unitId + '/appointments', appointment, idempotencyKey),
  endAppointment: (id) => client.del('/api/appointments/' + id),
  /** Binds the signed-in WeChat account to a roster entry through an invitation scene. */
  bind: ({ scene, name, number }) => client.post('/api/members/bind', { scene, name, number }),
  /** → { id, scene, expiresAt, qrCodeUrl } */
  createInvitation: (unitId, { expiresAt, singleUse }, idempotencyKey) =>
    client.create('/api/org/units/' + unitId + '/invitations', { expiresAt, singleUse }, idempotencyKey || client.newIdempotencyKey()),
  /** The unit's invitations (a list page, never paged): [{ id, scene, singleUse, useCount, createdAt, createdBy, expiresAt, revokedAt, state }] */
  invitations: (unitId) => client.items('/api/org/units/' + unitId + '/invitations'),
  revokeInvitation: (id) => client.post('/api/invitations/' + id + '/revoke'),
  /** The invitation's mini-program code (PNG) as a temp file an <image> shows. */
  invitationCode: (id) => client.download('/api/invitations/' + id + '/qrcode'),
};
