const session = require('../../logic/session');
const roles = require('../../logic/roles');
const views = require('../../logic/views');
const watermark = require('../../logic/watermark');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');

Page({
  data: { id: null, notice: null, view: null, body: '', watermark: '', actions: [], loading: false },

  onLoad(options) {
    this.setData({ id: options.id });
    return this.load();
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    // Opening the notice is what records the member's first read.
    const notice = await kit.guard(this, () => notices.get(this.data.id));
    if (!notice) return;
    this.setData({
      notice,
      view: views.notice(notice),
      body: notice.body || notice.html || '',
      watermark: watermark.watermarkText(notice.visibility, member),
      actions: roles.itemActions(member, 'notice', notice),
    });
  },

  async ack() {
    const done = await kit.guard(this, () => notices.ack(this.data.id).then(() => true));
    if (!done) return;
    this.setData({ 'view.acked': true });
    kit.toast('已签收');
  },

  open(e) {
    kit.go(e.currentTarget.dataset.url);
  },
});
