const session = require('../../logic/session');
const roles = require('../../logic/roles');
const views = require('../../logic/views');
const watermark = require('../../logic/watermark');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');
const brand = require('../../api/brand');

Page({
  data: { id: null, notice: null, view: null, body: '', watermark: '', actions: [], loading: false },

  onLoad(options) {
    this.setData({ id: options.id });
    // Opened from a shared card: count the opening for the notice's reach (best effort, never blocks reading).
    if (options.share) brand.opened(options.share).catch(() => {});
    return this.load();
  },

  onShareAppMessage() {
    const notice = this.data.notice;
    const fallback = { title: notice ? notice.title : '通知公告', path: '/pages/notice-detail/index?id=' + this.data.id };
    // Only public notices may leave the organisation; the share id in the path lets openings be counted.
    if (!notice || notice.visibility !== 'Public') return fallback;
    return {
      title: fallback.title,
      path: fallback.path,
      promise: brand.shareNotice(this.data.id).then((s) => ({ title: fallback.title, path: '/' + s.path }), () => fallback),
    };
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
