// Who holds which role (GET /api/org/units/{id}: the committee today) in the branch and its party groups; appoint
// (POST /api/org/units/{id}/appointments; terms default to 3 years) and end an appointment (DELETE /api/appointments/{id}).
const secretary = require('../../logic/secretary');
const pageHandlers = require('../../logic/page-handlers');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const org = require('../../api/org');

const GROUP_LEADER = 'GroupLeader';

function holder(unitName, c) {
  return { id: c.appointmentId, unitName, name: c.memberName, role: c.roleName, term: (c.startsOn || '') + ' 至 ' + (c.endsOn || '') };
}

Page(Object.assign({}, secretary.handlers, pageHandlers.refresh, {
  data: {
    allowed: false, checked: false, branches: [], branchIndex: 0, holders: [], warnings: [],
    people: [], personIndex: 0, roles: org.ROLES, roleIndex: 0, groups: [], groupIndex: 0, startsOn: '', loading: false,
  },

  async onLoad(options) {
    this.setData({ startsOn: format.nowParts().date });
    return secretary.open(this, options);
  },

  async load() {
    const branch = secretary.branchOf(this);
    if (!branch) return;
    const [unit, members] = await Promise.all([kit.guard(this, () => org.unit(branch.id)), kit.guard(this, () => org.members(branch.id))]);
    if (!unit) return;
    const groups = (unit.children || []).filter((c) => c.kind === 'PartyGroup').map((g) => ({ id: g.id, name: g.name }));
    const groupUnits = await Promise.all(groups.map((g) => kit.guard(this, () => org.unit(g.id), { silent: true, onError: () => null })));
    const holders = (unit.committee || []).map((c) => holder(unit.name, c));
    groupUnits.forEach((g) => g && (g.committee || []).forEach((c) => holders.push(holder(g.name, c))));
    this.setData({
      holders,
      warnings: (unit.warnings || []).map((w) => w.message),
      groups,
      people: (members || []).map((m) => ({ id: m.id, label: m.name + ' ' + (m.number || '') })),
    });
  },

  async appoint() {
    const person = this.data.people[this.data.personIndex];
    const role = this.data.roles[this.data.roleIndex];
    const leader = role.value === GROUP_LEADER;
    const unit = leader ? this.data.groups[this.data.groupIndex] : secretary.branchOf(this);
    const problem = !person ? '请选择党员。' : !unit ? '该支部还没有党小组。' : '';
    if (problem) {
      wx.showModal({ title: '无法任命', content: problem, showCancel: false });
      return null;
    }
    const created = await kit.guard(this, () => org.appoint(unit.id, { memberId: person.id, role: role.value, startsOn: this.data.startsOn }, kit.submissionKey(this)));
    if (!created) return null;
    kit.submitted(this);
    kit.toast('已任命');
    await this.load();
    return created;
  },

  async end(e) {
    const { id, name, role } = e.currentTarget.dataset;
    if (!(await kit.confirmed(this, '免去职务', '免去 ' + name + ' 的' + role + '职务后，相应权限立即停止。确定吗？', () => org.endAppointment(id)))) return;
    kit.toast('已免去');
    await this.load();
  },
}));
