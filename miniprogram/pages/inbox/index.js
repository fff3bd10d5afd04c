const format = require('../../logic/format');
const scene = require('../../logic/scene');
const kit = require('../../logic/page-kit');
const list = require('../../logic/paged-list');
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

Page(Object.assign({}, list.handlers({ fetch: (cursor) => reminders.inbox(cursor), map: view }), {
  data: list.data(),

  onShow() {
    return this.reload();
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
}));
