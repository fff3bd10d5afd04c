// The branch roster (GET /api/org/units/{id}/members): search by name, number or party group; open a member.
const secretary = require('../../logic/secretary');
const pageHandlers = require('../../logic/page-handlers');
const views = require('../../logic/views');
const kit = require('../../logic/page-kit');
const org = require('../../api/org');

function view(m) {
  return {
    id: m.id,
    name: m.name,
    number: m.number || '',
    group: (m.partyGroup && m.partyGroup.name) || '未分党小组',
    statusText: views.memberStatus(m.status),
    roles: (m.roles || []).map((r) => r.roleName).join('、'),
    bound: m.isBound !== false,
  };
}

function matches(m, query) {
  const q = String(query || '').trim();
  return !q || m.name.indexOf(q) >= 0 || m.number.indexOf(q) >= 0 || m.group.indexOf(q) >= 0;
}

Page(Object.assign({}, secretary.handlers, pageHandlers.refresh, {
  data: { allowed: false, checked: false, branches: [], branchIndex: 0, people: [], shown: [], query: '', figures: null, loading: false },

  async load() {
    const branch = secretary.branchOf(this);
    if (!branch) return;
    const members = await kit.guard(this, () => org.members(branch.id));
    if (!members) return;
    const people = members.map(view);
    this.setData({
      people,
      shown: people.filter((p) => matches(p, this.data.query)),
      figures: {
        total: people.length,
        full: people.filter((p) => p.statusText === '正式党员').length,
        probationary: people.filter((p) => p.statusText === '预备党员').length,
        unbound: people.filter((p) => !p.bound).length,
      },
    });
  },

  onQuery(e) {
    this.setData({ query: e.detail.value, shown: this.data.people.filter((p) => matches(p, e.detail.value)) });
  },

  open(e) {
    kit.go('/pkg-secretary/member/index?id=' + e.currentTarget.dataset.id + '&unitId=' + secretary.branchOf(this).id);
  },
}));
