const secretary = require('../../logic/secretary');
const schedule = require('../../logic/schedule-form');
const audience = require('../../logic/audience');
const kit = require('../../logic/page-kit');
const activities = require('../../api/activities');
const limits = require('../../api/limits');
const pageHandlers = require('../../logic/page-handlers');

const defaults = schedule.defaults();

Page(Object.assign({}, pageHandlers.fields, audience.handlers, {
  data: Object.assign(
    {
      limits: limits.activity,
      title: '',
      description: '',
      place: '',
      capacity: '',
      waitingList: true,
      // Several days: the end falls on endDate. No deadline chosen: sign-up closes when the activity starts.
      endDate: defaults.date,
      signUpDate: '',
      signUpTime: '18:00',
      loading: false,
    },
    defaults,
    secretary.startData(),
    secretary.visibilityData(),
    audience.initial(),
  ),

  /** A start after the end moves the end date along, so a one-day activity stays one day. */
  onStartDate(e) {
    const date = e.detail.value;
    this.setData(this.data.endDate < date ? { date, endDate: date } : { date });
  },

  clearDeadline() {
    this.setData({ signUpDate: '' });
  },

  async submit() {
    const title = String(this.data.title || '').trim();
    const when = schedule.times(this.data);
    const capacity = String(this.data.capacity || '').trim();
    const branch = this.data.branches[this.data.branchIndex];
    const opensAt = new Date().toISOString();
    const closes = when.problem ? {} : schedule.signUpCloses(this.data, when, opensAt);
    const to = audience.build(this.data, branch.id);
    let problem = !title ? '请填写活动名称。' : when.problem || closes.problem || (!this.data.place.trim() ? '请填写活动地点。' : '') || to.problem || '';
    if (!problem && capacity && !(Number(capacity) > 0 && Number.isInteger(Number(capacity)))) problem = '人数上限应为正整数，不限人数请留空。';
    if (problem) {
      wx.showModal({ title: '无法保存', content: problem, showCancel: false });
      return null;
    }
    const created = await kit.guard(this, () =>
      activities.create({
        unitId: branch.id,
        title,
        description: this.data.description.trim(),
        place: this.data.place.trim(),
        startsAt: when.startsAt,
        endsAt: when.endsAt,
        signUpOpensAt: opensAt,
        signUpClosesAt: closes.closesAt,
        capacity: capacity ? Number(capacity) : null,
        waitingList: !!this.data.waitingList,
        visibility: secretary.visibilityOf(this.data),
        audience: to.audience,
      }, kit.submissionKey(this)),
    );
    if (!created) return null;
    kit.submitted(this);
    wx.showToast({ title: '已发起', icon: 'success' });
    wx.redirectTo({ url: '/pages/activity-detail/index?id=' + created.id });
    return created;
  },
}));
