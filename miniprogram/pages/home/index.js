const session = require('../../logic/session');
const roles = require('../../logic/roles');
const views = require('../../logic/views');
const scene = require('../../logic/scene');
const subscribe = require('../../logic/subscribe');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');
const activities = require('../../api/activities');
const meetings = require('../../api/meetings');
const reminders = require('../../api/reminders');

Page({
  data: {
    member: null,
    roleText: '',
    secretaryActions: [],
    unread: 0,
    inboxUnread: 0,
    meetings: [],
    activities: [],
    loading: false,
  },

  /** A code whose page is the home page still works: check-in scenes go to check-in, others to binding. */
  onLoad(options) {
    const value = scene.fromOptions(options);
    if (!value) return;
    const target = scene.checkInTarget(value);
    if (target) kit.go('/pages/' + target.kind + '-checkin/index?id=' + target.id + '&scene=' + encodeURIComponent(target.code));
    else {
      this.leaving = true;
      wx.reLaunch({ url: '/pages/bind/index?scene=' + encodeURIComponent(value) });
    }
  },

  onShow() {
    if (this.leaving) return undefined;
    return this.refresh();
  },

  onPullDownRefresh() {
    return this.refresh().then(() => wx.stopPullDownRefresh());
  },

  async refresh() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    this.setData({
      member,
      roleText: (member.roles || []).map((r) => r.unitName + ' ' + r.roleName).join('、'),
      secretaryActions: roles.secretaryActions(member),
    });
    subscribe.prefetch();
    await kit.sections(this, {
      unread: () => notices.unreadCount(),
      inboxUnread: () => reminders.inboxUnreadCount(),
      meetings: () => meetings.list('upcoming').then((list) => list.slice(0, 3).map((m) => views.meeting(m, meetings.MEETING_TYPES))),
      activities: () => activities.list('open').then((list) => list.slice(0, 3).map(views.activity)),
    });
  },

  open(e) {
    kit.go(e.currentTarget.dataset.url);
  },

  /** Scan an activity or meeting check-in code from anywhere. */
  scan() {
    wx.scanCode({
      onlyFromCamera: false,
      success: (res) => {
        const target = scene.checkInTarget(scene.fromScan(res));
        if (!target) {
          wx.showModal({ title: '无法识别', content: '这不是活动或会议的签到码。', showCancel: false });
          return;
        }
        kit.go('/pages/' + target.kind + '-checkin/index?id=' + target.id + '&scene=' + encodeURIComponent(target.code));
      },
    });
  },
});
