// Binding as a person in development (POST /api/development/bind): the branch's invitation (the same code members
// scan; scene from the code, a link or the scanner, logic/scene.js) plus the name and student/staff number the branch
// recorded. Someone already bound to a record sees it and goes to their timeline.
const scene = require('../../logic/scene');
const kit = require('../../logic/page-kit');
const dev = require('../../api/development');
const logic = require('../../logic/development');

Page({
  data: { scene: '', name: '', number: '', bound: false, record: null, limits: logic.LIMITS, loading: false },

  onLoad(options) {
    this.setData({ scene: scene.fromOptions(options) });
    return this.check();
  },

  /** Already bound (GET /me answers): show whose record it is. 404 is the normal case here, not an error. */
  async check() {
    const record = await kit.guard(this, () => dev.me(), { onError: () => null });
    if (record) this.setData({ bound: true, record: { name: record.name, stageName: record.stageName } });
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
      wx.showModal({ title: '缺少邀请码', content: '请先扫描支部提供的邀请码，或通过邀请链接打开小程序。', showCancel: false });
      return;
    }
    if (!name || !number) {
      wx.showModal({ title: '信息不完整', content: '请填写姓名和学工号。', showCancel: false });
      return;
    }
    const record = await kit.guard(this, () => dev.bind({ scene: this.data.scene, name, number }));
    if (!record) return;
    this.setData({ bound: true, record: { name: record.name, stageName: record.stageName } });
    kit.toast('绑定成功');
    wx.redirectTo({ url: '/pkg-develop/timeline/index' });
  },

  timeline() {
    wx.redirectTo({ url: '/pkg-develop/timeline/index' });
  },
});
