const session = require('../../logic/session');
const format = require('../../logic/format');
const scene = require('../../logic/scene');
const kit = require('../../logic/page-kit');
const reminders = require('../../api/reminders');

function view(m) {
  return {
    id: m.id,
    title: m.title,
    body: m.body || m.text || '',
    when: format.dateTime(m.createdAt || m.sentAt),
    unread: m.read === undefined ? !m.readAt : !m.read,
    page: scene.pageOf(m),
  };
}

Page({
  data: { items: [], nextCursor: null, done: false, loading: false },

  onShow() {
    return this.reload();
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
    const page = await kit.guard(this, () => reminders.inbox(this.data.nextCursor));
    if (!page) return;
    this.setData({ items: this.data.items.concat(page.items.map(view)), nextCursor: page.nextCursor, done: !page.nextCursor });
  },

  async open(e) {
    const index = e.currentTarget.dataset.index;
    const item = this.data.items[index];
    if (item.unread) {
      await kit.guard(this, () => reminders.markRead(item.id), { silent: true, onError: () => null });
      this.setData({ ['items[' + index + '].unread']: false });
    }
    if (item.page) kit.go(item.page);
  },
});
