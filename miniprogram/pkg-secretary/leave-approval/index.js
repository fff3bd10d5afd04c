const roles = require('../../logic/roles');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const meetings = require('../../api/meetings');
const pageHandlers = require('../../logic/page-handlers');

/** Leave requests from the meeting, or from the attendees of its attendance (each with its `leave`). */
function leaveRows(meeting, attendance) {
  let list = (meeting && meeting.leaveRequests) || (attendance && attendance.leaveRequests);
  if (!list) {
    list = ((attendance && attendance.attendees) || []).filter((a) => a.leave).map((a) => Object.assign({ name: a.name }, a.leave));
  }
  return list.map((l) => ({
    id: l.id,
    name: l.name || (l.member && l.member.name) || '',
    reason: l.reason || '',
    status: l.status,
    statusText: format.leaveText(l.status),
    pending: !l.status || l.status === 'Pending',
  }));
}

Page(Object.assign({}, pageHandlers.detailPage(), pageHandlers.refresh, {
  data: { id: null, title: '', allowed: false, checked: false, requests: [], loading: false },

  async show(member) {
    const meeting = await kit.guard(this, () => meetings.get(this.data.id));
    if (!meeting) return;
    const allowed = roles.mayManage(member, meeting);
    this.setData({ title: meeting.topic || meeting.title, allowed, checked: true });
    if (!allowed) return;
    const attendance = meeting.leaveRequests ? null : await kit.guard(this, () => meetings.attendance(this.data.id));
    this.setData({ requests: leaveRows(meeting, attendance) });
  },

  async decide(e) {
    const { id, verdict } = e.currentTarget.dataset;
    const done = await kit.guard(this, () => (verdict === 'approve' ? meetings.approveLeave(id) : meetings.rejectLeave(id, '')).then(() => true));
    if (!done) return;
    kit.toast(verdict === 'approve' ? '已批准' : '已驳回');
    await this.load();
  },
}));
