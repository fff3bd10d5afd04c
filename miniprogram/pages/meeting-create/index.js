const secretary = require('../../logic/secretary');
const schedule = require('../../logic/schedule-form');
const kit = require('../../logic/page-kit');
const meetings = require('../../api/meetings');

Page({
  data: Object.assign(
    {
      allowed: false,
      checked: false,
      branches: [],
      branchIndex: 0,
      types: meetings.MEETING_TYPES,
      typeIndex: 0,
      visibilities: secretary.VISIBILITIES,
      visibilityIndex: 0,
      topic: '',
      place: '',
      onlineLink: '',
      agenda: '',
      loading: false,
    },
    schedule.defaults(),
  ),

  onLoad() {
    return secretary.start(this);
  },

  onField(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  onIndex(e) {
    this.setData({ [e.currentTarget.dataset.field]: Number(e.detail.value) });
  },

  async submit() {
    const topic = String(this.data.topic || '').trim();
    const when = schedule.times(this.data);
    const problem = !topic ? '请填写会议主题。' : when.problem || (!this.data.place.trim() && !this.data.onlineLink.trim() ? '请填写会议地点或线上会议链接。' : '');
    if (problem) {
      wx.showModal({ title: '无法保存', content: problem, showCancel: false });
      return null;
    }
    const branch = this.data.branches[this.data.branchIndex];
    const created = await kit.guard(this, () =>
      meetings.create({
        unitId: branch.id,
        type: this.data.types[this.data.typeIndex].value,
        topic,
        startsAt: when.startsAt,
        endsAt: when.endsAt,
        place: this.data.place.trim(),
        onlineLink: this.data.onlineLink.trim() || null,
        agenda: this.data.agenda.trim(),
        visibility: this.data.visibilities[this.data.visibilityIndex].value,
      }, kit.submissionKey(this)),
    );
    if (!created) return null;
    kit.submitted(this);
    wx.showToast({ title: '已安排', icon: 'success' });
    wx.redirectTo({ url: '/pages/meeting-detail/index?id=' + created.id });
    return created;
  },
});
