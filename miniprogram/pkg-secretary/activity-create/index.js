const secretary = require('../../logic/secretary');
const schedule = require('../../logic/schedule-form');
const kit = require('../../logic/page-kit');
const activities = require('../../api/activities');

Page({
  data: Object.assign(
    {
      allowed: false,
      checked: false,
      branches: [],
      branchIndex: 0,
      visibilities: secretary.VISIBILITIES,
      visibilityIndex: 0,
      title: '',
      description: '',
      place: '',
      capacity: '',
      waitingList: true,
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
    const title = String(this.data.title || '').trim();
    const when = schedule.times(this.data);
    const capacity = String(this.data.capacity || '').trim();
    let problem = !title ? '请填写活动名称。' : when.problem || (!this.data.place.trim() ? '请填写活动地点。' : '');
    if (!problem && capacity && !(Number(capacity) > 0 && Number.isInteger(Number(capacity)))) problem = '人数上限应为正整数，不限人数请留空。';
    if (problem) {
      wx.showModal({ title: '无法保存', content: problem, showCancel: false });
      return null;
    }
    const branch = this.data.branches[this.data.branchIndex];
    const created = await kit.guard(this, () =>
      activities.create({
        unitId: branch.id,
        title,
        description: this.data.description.trim(),
        place: this.data.place.trim(),
        startsAt: when.startsAt,
        endsAt: when.endsAt,
        // Sign-up opens now and closes when the activity starts.
        signUpOpensAt: new Date().toISOString(),
        signUpClosesAt: when.startsAt,
        capacity: capacity ? Number(capacity) : null,
        waitingList: !!this.data.waitingList,
        visibility: this.data.visibilities[this.data.visibilityIndex].value,
        audience: { unitIds: [branch.id], memberIds: [] },
      }, kit.submissionKey(this)),
    );
    if (!created) return null;
    kit.submitted(this);
    wx.showToast({ title: '已发起', icon: 'success' });
    wx.redirectTo({ url: '/pages/activity-detail/index?id=' + created.id });
    return created;
  },
});

