const roles = require('../../logic/roles');
const views = require('../../logic/views');
const watermark = require('../../logic/watermark');
const subscribe = require('../../logic/subscribe');
const kit = require('../../logic/page-kit');
const pageHandlers = require('../../logic/page-handlers');
const activities = require('../../api/activities');

Page(Object.assign({}, pageHandlers.detailPage(() => subscribe.prefetch()), {
  data: { id: null, activity: null, view: null, watermark: '', actions: [], canManage: false, loading: false },

  async show(member) {
    const activity = await kit.guard(this, () => activities.get(this.data.id));
    if (!activity) return;
    this.setData({
      activity,
      view: views.activity(activity),
      watermark: watermark.watermarkText(activity.visibility, member),
      actions: roles.itemActions(member, 'activity', activity),
      canManage: roles.canManageBranch(member, roles.branchIdOf(activity)),
    });
  },

  /** Sign up; the reminder opt-in is asked in the same tap, as WeChat requires. */
  async signUp() {
    const asked = subscribe.ask(['Activity']);
    const enrollment = await kit.guard(this, () => activities.enroll(this.data.id));
    await asked;
    if (!enrollment) return;
    kit.toast(enrollment.status === 'Waitlisted' ? '已进入候补' : '报名成功');
    await this.load();
  },

  async cancelSignUp() {
    if (!(await kit.confirmed(this, '取消报名', '确定取消报名吗？名额将让给候补的同志。', () => activities.cancelEnrollment(this.data.id)))) return;
    kit.toast('已取消报名');
    await this.load();
  },

  checkIn() {
    kit.go('/pages/activity-checkin/index?id=' + this.data.id);
  },

  async cancelActivity() {
    if (await kit.confirmed(this, '取消活动', '取消后将通知所有已报名和候补的党员，确定取消吗？', () => activities.cancel(this.data.id))) await this.load();
  },

  open(e) {
    kit.go(e.currentTarget.dataset.url);
  },
}));
