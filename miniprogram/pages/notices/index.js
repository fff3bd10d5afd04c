const session = require('../../logic/session');
const views = require('../../logic/views');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');

const PAGE_SIZE = 20;

Page({
  data: { items: [], nextCursor: null, done: false, loading: false },

  onShow() {
    return this.reload();
  },

  onPullDownRefresh() {
    return this.reload().then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    return this.more();
  },

  async reload() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    this.setData({ items: [], nextCursor: null, done: false });
    await this.more();
  },

  async more() {
    if (this.data.done) return;
    const page = await kit.guard(this, () => notices.list({ cursor: this.data.nextCursor, limit: PAGE_SIZE }));
    if (!page) return;
    this.setData({ items: this.data.items.concat(page.items.map(views.notice)), nextCursor: page.nextCursor, done: !page.nextCursor });
  },

  open(e) {
    kit.go('/pages/notice-detail/index?id=' + e.currentTarget.dataset.id);
  },
});
