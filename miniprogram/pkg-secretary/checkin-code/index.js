// The organiser's screen: the rotating check-in code image plus the 6-digit code, refreshed before it expires.
const session = require('../../logic/session');
const roles = require('../../logic/roles');
const subject = require('../../logic/subject');
const client = require('../../api/client');
const kit = require('../../logic/page-kit');

const REFRESH_MS = 30 * 1000;

Page({
  data: { kind: 'activity', id: null, title: '', allowed: false, checked: false, numericCode: '', image: '', loading: false },

  onLoad(options) {
    this.setData({ kind: options.kind === 'meeting' ? 'meeting' : 'activity', id: options.id });
    return this.load();
  },

  onShow() {
    this.schedule();
  },

  onHide() {
    this.stop();
  },

  onUnload() {
    this.stop();
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const api = subject.apiFor(this.data.kind);
    const item = await kit.guard(this, () => api.get(this.data.id));
    if (!item) return;
    const allowed = roles.mayManage(member, item);
    this.setData({ title: subject.titleOf(item), allowed, checked: true });
    if (allowed) await this.refresh();
  },

  async refresh() {
    const code = await kit.guard(this, () => subject.apiFor(this.data.kind).checkInCode(this.data.id), { silent: true });
    if (!code) return;
    this.setData({ numericCode: code.numericCode || code.numeric || '' });
    if (code.imageBase64) {
      this.setData({ image: 'data:image/png;base64,' + code.imageBase64 });
      return;
    }
    const imageUrl = code.imageUrl || code.qrCodeUrl;
    if (imageUrl) {
      const image = await kit.guard(this, () => client.download(imageUrl), { silent: true, onError: () => null });
      if (image) this.setData({ image });
    }
  },

  schedule() {
    this.stop();
    this.timer = setInterval(() => this.data.allowed && this.refresh(), REFRESH_MS);
  },

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  },
});
