// Binding: an unbound WeChat user proves who they are with a branch invitation plus name and number.
const session = require('../../logic/session');
const scene = require('../../logic/scene');
const kit = require('../../logic/page-kit');
const org = require('../../api/org');

Page({
  data: { scene: '', name: '', number: '', bound: false, member: null, loading: false },

  onLoad(options) {
    this.setData({ scene: scene.fromOptions(options) });
    return this.check();
  },

  async check() {
    const me = await kit.guard(this, () => session.load());
    if (me && !me.needsBinding) this.setData({ bound: true, member: me.member });
  },

  scan() {
    wx.scanCode({
      success: (res) => {
        const value = scene.fromScan(res);
        if (!value) {
          wx.showModal({ title: '无法识别', content: '请扫描支部的邀请码。', showCancel: false });
          return;
        }
        this.setData({ scene: value });
      },
    });
  },

  onName(e) {
    this.setData({ name: e.detail.value });
  },

  onNumber(e) {
    this.setData({ number: e.detail.value });
  },

  async submit() {
    const name = String(this.data.name || '').trim();
    const number = String(this.data.number || '').trim();
    if (!this.data.scene) {
      wx.showModal({ title: '缺少邀请码', content: '请先扫描支部书记提供的邀请码，或通过邀请链接打开小程序。', showCancel: false });
      return;
    }
    if (!name || !number) {
      wx.showModal({ title: '信息不完整', content: '请填写姓名和工号/学号。', showCancel: false });
      return;
    }
    const done = await kit.guard(this, () => org.bind({ scene: this.data.scene, name, number }).then(() => true));
    if (!done) return;
    const me = await kit.guard(this, () => session.load(true));
    if (!me || me.needsBinding) return;
    this.setData({ bound: true, member: me.member });
    kit.toast('绑定成功');
    wx.reLaunch({ url: '/pages/home/index' });
  },

  /** A person in development binds to their record in pkg-develop/bind with the same invitation. */
  asApplicant() {
    wx.navigateTo({ url: '/pkg-develop/applicant-bind/index' + (this.data.scene ? '?scene=' + encodeURIComponent(this.data.scene) : '') });
  },

  home() {
    wx.reLaunch({ url: '/pages/home/index' });
  },
});
