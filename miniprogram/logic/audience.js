// Choosing who a notice or an activity is for: the whole branch, chosen party groups of it, or chosen members
// of it ({ unitIds, memberIds } of the API's AudienceRequest). The pages mix `handlers` into their Page().
const kit = require('./page-kit');
const secretary = require('./secretary');
const org = require('../api/org');

const MODES = [
  { value: 'branch', label: '全支部' },
  { value: 'groups', label: '指定党小组' },
  { value: 'members', label: '指定党员' },
];

/** The initial data of the picker. */
function initial() {
  return { audienceModes: MODES, audienceIndex: 0, groups: [], groupIds: [], people: [], shownPeople: [], memberIds: [], memberQuery: '' };
}

/** The audience to send, or a Chinese problem when the chosen groups or members are missing. */
function build(data, branchId) {
  const mode = MODES[data.audienceIndex || 0].value;
  if (mode === 'groups') {
    if (!data.groupIds.length) return { problem: '请至少选择一个党小组，或改为发给全支部。' };
    return { audience: { unitIds: data.groupIds.map(Number), memberIds: [] } };
  }
  if (mode === 'members') {
    if (!data.memberIds.length) return { problem: '请至少选择一名党员，或改为发给全支部。' };
    return { audience: { unitIds: [], memberIds: data.memberIds.map(Number) } };
  }
  return { audience: { unitIds: [branchId], memberIds: [] } };
}

function matches(person, query) {
  const q = String(query || '').trim();
  return !q || person.name.indexOf(q) >= 0 || String(person.number || '').indexOf(q) >= 0 || String(person.groupName || '').indexOf(q) >= 0;
}

function shown(people, query, memberIds) {
  return people.filter((p) => matches(p, query)).map((p) => Object.assign({}, p, { checked: memberIds.indexOf(p.id) >= 0 }));
}

/**
 * Mixed into the Page() of a form addressed to an audience (notice, activity, study assignment): on load the committee
 * start (?unitId= chooses the branch) and the branch's audience; choosing another branch loads its audience. A page
 * with more to load writes its own onLoad and onBranch.
 */
const handlers = {
  async onLoad(options) {
    if (await secretary.start(this, { unitId: options && options.unitId })) await this.loadAudience();
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
    return this.loadAudience();
  },

  /** Party groups and members of the chosen branch; the choices are cleared when the branch changes. */
  async loadAudience() {
    const branch = this.data.branches[this.data.branchIndex];
    if (!branch) return;
    const [units, members] = await Promise.all([
      kit.guard(this, () => org.units(), { silent: true, onError: () => null }),
      kit.guard(this, () => org.members(branch.id), { silent: true, onError: () => null }),
    ]);
    const people = (members || []).map((m) => ({ id: m.id, name: m.name, number: m.number || '', groupName: (m.partyGroup && m.partyGroup.name) || '' }));
    this.setData({
      groups: units ? secretary.groupsOf(units, branch.id) : [],
      groupIds: [],
      people,
      memberIds: [],
      memberQuery: '',
      shownPeople: shown(people, '', []),
    });
  },

  onAudienceMode(e) {
    this.setData({ audienceIndex: Number(e.detail.value) });
  },

  onGroups(e) {
    this.setData({ groupIds: (e.detail.value || []).map(Number) });
  },

  onMemberQuery(e) {
    this.setData({ memberQuery: e.detail.value, shownPeople: shown(this.data.people, e.detail.value, this.data.memberIds) });
  },

  /** Tapping a member adds or removes them; members hidden by the search stay chosen. */
  toggleMember(e) {
    const id = Number(e.currentTarget.dataset.id);
    const memberIds = this.data.memberIds.indexOf(id) >= 0 ? this.data.memberIds.filter((m) => m !== id) : this.data.memberIds.concat([id]);
    this.setData({ memberIds, shownPeople: shown(this.data.people, this.data.memberQuery, memberIds) });
  },
};

module.exports = { MODES, initial, build, handlers };
