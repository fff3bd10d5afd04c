const subscribe = require('../../logic/subscribe');
const kit = require('../../logic/page-kit');
const reminders = require('../../api/reminders');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.memberPage('onShow'), {
  data: { items: [], loading: false },

  async show(member) {
    const items = await kit.guard(this, () => subscribe.prefetch().then(() => reminders.subscriptions()));
    if (!items) return;
    this.setData({
      items: items.map((t) => ({
        kind: t.kind,
        title: t.title,
        remaining: t.remaining,
        text: t.remaining > 0 ? '微信提醒 ' + t.remaining + ' 次' : '仅站内消息',
      })),
    });
  },

  /** Each "允许" banks one more WeChat reminder of that kind; without any, reminders arrive in the inbox only. */
  async enable() {
    const results = await subscribe.ask(['Meeting', 'Activity', 'Notice']);
    if (results) kit.toast('已更新');
    await this.load();
  },
}));
