const roles = require('../../logic/roles');
const watermark = require('../../logic/watermark');
const kit = require('../../logic/page-kit');
const pageHandlers = require('../../logic/page-handlers');
const notices = require('../../api/notices');

Page(Object.assign({}, pageHandlers.detailPage(), {
  data: { id: null, allowed: false, checked: false, title: '', stats: null, unreadMembers: [], watermark: '', loading: false },

  onPullDownRefresh() {
    return this.refresh().then(() => wx.stopPullDownRefresh());
  },

  async show(member) {
    const notice = await kit.guard(this, () => notices.get(this.data.id));
    if (!notice) return;
    const allowed = roles.mayManage(member, notice);
    this.setData({ allowed, checked: true, title: notice.title, watermark: watermark.watermarkText(notice.visibility, member) });
    if (allowed) await this.refresh();
  },

  async refresh() {
    const stats = await kit.guard(this, () => notices.stats(this.data.id));
    if (!stats) return;
    this.setData({
      stats: { read: stats.read, unread: stats.unread, acked: stats.acked, total: stats.total },
      unreadMembers: stats.unreadMembers.map((m) => ({ id: m.memberId || m.id, name: m.name, number: m.number || '' })),
    });
  },

  /** Reminds exactly those who have not read (WeChat where they have quota, otherwise their inbox). */
  async remind() {
    const count = this.data.unreadMembers.length;
    if (!count) return;
    if (await kit.confirmed(this, '提醒未读', '将提醒 ' + count + ' 位尚未阅读的同志，确定吗？', () => notices.remindUnread(this.data.id))) kit.toast('已提醒 ' + count + ' 人');
  },
}));
