// Confirms or refuses signing in to the PC console with the ticket scanned from the PC's screen.
const scene = require('../../logic/scene');
const kit = require('../../logic/page-kit');
const consoleLogin = require('../../api/console-login');

/** "HH:mm" in China time (UTC+8, no daylight saving). */
function chinaClock(iso) {
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

Page({
  data: { ticket: '', info: null, shownAt: '', state: 'loading', message: '', loading: false },

  onLoad(options) {
    this.setData({ ticket: scene.fromOptions(options) || (options && options.ticket) || '' });
    return this.load();
  },

  async load() {
    if (!this.data.ticket) {
      this.setData({ state: 'done', message: '未识别到登录二维码，请在电脑上重新扫码。' });
      return;
    }
    const info = await kit.guard(this, () => consoleLogin.view(this.data.ticket), {
      onError: (err) => this.setData({ state: 'done', message: (err && err.detail) || '登录二维码已失效。' }),
    });
    if (info) this.setData({ info, shownAt: chinaClock(info.shownAt), state: 'ask' });
  },

  async confirm() {
    const done = await kit.guard(this, () => consoleLogin.confirm(this.data.ticket).then(() => true));
    if (done) this.setData({ state: 'done', message: '已确认，电脑端正在登录。' });
  },

  async refuse() {
    const done = await kit.guard(this, () => consoleLogin.refuse(this.data.ticket).then(() => true));
    if (done) this.setData({ state: 'done', message: '已拒绝本次登录。' });
  },

  home() {
    wx.reLaunch({ url: '/pages/home/index' });
  },
});
