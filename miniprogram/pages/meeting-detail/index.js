const roles = require('../../logic/roles');
const views = require('../../logic/views');
const watermark = require('../../logic/watermark');
const subscribe = require('../../logic/subscribe');
const kit = require('../../logic/page-kit');
const pageHandlers = require('../../logic/page-handlers');
const meetings = require('../../api/meetings');
const limits = require('../../api/limits');

Page(Object.assign({}, pageHandlers.detailPage(() => subscribe.prefetch()), {
  data: { limits: limits, id: null, meeting: null, view: null, watermark: '', actions: [], canManage: false, askingLeave: false, reason: '', loading: false },

  async show(member) {
    const meeting = await kit.guard(this, () => meetings.get(this.data.id));
    if (!meeting) return;
    this.setData({
      meeting,
      view: views.meeting(meeting, meetings.MEETING_TYPES),
      watermark: watermark.watermarkText(meeting.visibility, member),
      actions: roles.itemActions(member, 'meeting', meeting),
      canManage: meeting.canOrganize === true || roles.canManageBranch(member, roles.branchIdOf(meeting)),
    });
  },

  showLeave() {
    this.setData({ askingLeave: true });
  },

  onReason(e) {
    this.setData({ reason: e.detail.value });
  },

  /** Ask for leave; the reminder opt-in (decision, meeting) is asked in the same tap. */
  async askLeave() {
    const reason = String(this.data.reason || '').trim();
    if (!reason) {
      wx.showModal({ title: '请填写请假事由', content: '请假需要写明事由，便于书记审批。', showCancel: false });
      return;
    }
    const asked = subscribe.ask(['LeaveDecision', 'Meeting']);
    const leave = await kit.guard(this, () => meetings.askLeave(this.data.id, reason, kit.submissionKey(this)));
    await asked;
    if (!leave) return;
    kit.submitted(this);
    this.setData({ askingLeave: false, reason: '' });
    kit.toast('已提交请假');
    await this.load();
  },

  checkIn() {
    kit.go('/pages/meeting-checkin/index?id=' + this.data.id);
  },

  minutes() {
    kit.go('/pages/minutes/index?id=' + this.data.id);
  },

  async cancelMeeting() {
    if (await kit.confirmed(this, '取消会议', '取消后将通知所有参会人员，确定取消吗？', () => meetings.cancel(this.data.id))) await this.load();
  },

  open(e) {
    kit.go(e.currentTarget.dataset.url);
  },
}));
