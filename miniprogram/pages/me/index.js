const views = require('../../logic/views');
const kit = require('../../logic/page-kit');
const auth = require('../../api/auth');
const activities = require('../../api/activities');
const meetings = require('../../api/meetings');
const development = require('../../api/development');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.memberPage('onShow'), pageHandlers.refresh, {
  data: { member: null, statusText: '', roles: [], development: null, myActivities: [], myMeetings: [], loading: false },

  async show(member) {
    this.setData({ member, statusText: views.memberStatus(member.status), roles: member.roles || [] });
    // A probationary member is still in development (confirmation, step 23, is ahead): they get the link to their
    // timeline. Full members have no open record, so they are not asked (the API would answer 404).
    const inDevelopment = member.status === 'Probationary'
      ? development.me().then((r) => ({ stageName: r.stageName }), () => null)
      : Promise.resolve(null);
    await kit.sections(this, {
      myActivities: () => activities.list('mine').then((l) => l.map(views.activity)),
      myMeetings: () => meetings.list('mine').then((l) => l.map((m) => views.meeting(m, meetings.MEETING_TYPES))),
    });
    this.setData({ development: await inDevelopment });
  },

  open(e) {
    kit.go(e.currentTarget.dataset.url);
  },

  /** A new secret calendar address; the old one stops working. */
  async resetCalendar() {
    if (!(await kit.confirm('日历订阅', '将生成新的日历订阅地址，旧地址随即失效。继续吗？'))) return;
    const res = await kit.guard(this, () => auth.resetCalendar());
    if (!res) return;
    const url = res.url || res.calendarUrl || '';
    if (url) wx.setClipboardData({ data: url });
    wx.showModal({ title: '日历订阅地址', content: url ? '已复制到剪贴板，可在手机日历中添加订阅。' : '地址已重置。', showCancel: false });
  },
}));
