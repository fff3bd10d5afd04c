const secretary = require('../../logic/secretary');
const schedule = require('../../logic/schedule-form');
const kit = require('../../logic/page-kit');
const limits = require('../../api/limits');
const meetings = require('../../api/meetings');
const org = require('../../api/org');
const pageHandlers = require('../../logic/page-handlers');

const GROUP_MEETING = 'PartyGroupMeeting';

/**
 * The party groups the caller may convene a 党小组会 for: the groups of the chosen branch (committee, admin)
 * and the groups they lead (党小组长), without repeats.
 */
function groupChoices(units, branch, ledGroups) {
  const result = branch && units ? secretary.groupsOf(units, branch.id) : [];
  (ledGroups || []).forEach((g) => {
    if (!result.some((r) => String(r.id) === String(g.id))) result.push({ id: g.id, name: g.name });
  });
  return result;
}

/** The unit that holds the meeting: the chosen party group for a 党小组会, the branch otherwise (ScheduleMeeting's unitId). */
function holdingUnit(form) {
  const type = form.types[form.typeIndex];
  if (type && type.value === GROUP_MEETING) {
    const group = form.groups[form.groupIndex];
    return group ? { unitId: group.id } : { problem: form.groups.length ? '请选择党小组。' : '该支部还没有党小组，无法安排党小组会。' };
  }
  const branch = form.branches[form.branchIndex];
  return branch ? { unitId: branch.id } : { problem: '请选择支部。' };
}

Page(Object.assign({}, pageHandlers.fields, {
  data: Object.assign(
    {
      limits: limits,
      ledGroups: [],
      types: meetings.MEETING_TYPES,
      typeIndex: 0,
      groups: [],
      groupIndex: 0,
      groupMeeting: false,
      topic: '',
      place: '',
      onlineLink: '',
      agenda: '',
      loading: false,
    },
    secretary.startData(),
    secretary.visibilityData(),
    schedule.defaults(),
  ),

  async onLoad(options) {
    const member = await secretary.start(this, { groupLeaders: true });
    if (!member) return;
    // A group leader who sits on no committee holds group meetings only.
    const types = this.data.branches.length ? meetings.MEETING_TYPES : meetings.MEETING_TYPES.filter((t) => t.value === GROUP_MEETING);
    const wanted = (options && options.type) || '';
    const typeIndex = Math.max(0, types.findIndex((t) => t.value === wanted));
    this.setData({ types, typeIndex, groupMeeting: types[typeIndex].value === GROUP_MEETING });
    if (this.data.branches.length) this.units = await kit.guard(this, () => org.units(), { silent: true, onError: () => null });
    this.refreshGroups();
  },

  refreshGroups() {
    const branch = this.data.branches[this.data.branchIndex];
    this.setData({ groups: groupChoices(this.units, branch, this.data.ledGroups), groupIndex: 0 });
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
    this.refreshGroups();
  },

  onType(e) {
    const typeIndex = Number(e.detail.value);
    this.setData({ typeIndex, groupMeeting: this.data.types[typeIndex].value === GROUP_MEETING });
  },

  async submit() {
    const topic = String(this.data.topic || '').trim();
    const when = schedule.times(this.data);
    const unit = holdingUnit(this.data);
    const problem = !topic ? '请填写会议主题。' : when.problem || unit.problem || (!this.data.place.trim() && !this.data.onlineLink.trim() ? '请填写会议地点或线上会议链接。' : '');
    if (problem) {
      wx.showModal({ title: '无法保存', content: problem, showCancel: false });
      return null;
    }
    const created = await kit.guard(this, () =>
      meetings.create({
        unitId: unit.unitId,
        type: this.data.types[this.data.typeIndex].value,
        topic,
        startsAt: when.startsAt,
        endsAt: when.endsAt,
        place: this.data.place.trim(),
        onlineLink: this.data.onlineLink.trim() || null,
        agenda: this.data.agenda.trim(),
        visibility: secretary.visibilityOf(this.data),
      }, kit.submissionKey(this)),
    );
    if (!created) return null;
    kit.submitted(this);
    wx.showToast({ title: '已安排', icon: 'success' });
    wx.redirectTo({ url: '/pages/meeting-detail/index?id=' + created.id });
    return created;
  },
}));

module.exports = { groupChoices, holdingUnit };
