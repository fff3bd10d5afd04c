// The binding form shared by members (pages/bind) and people in development (pkg-develop/applicant-bind): the branch's
// invitation (from the code, a link or the scanner; logic/scene.js), the name and the number, checked before sending.
const scene = require('./scene');

/** scan / onName / onNumber for a Page() keeping { scene, name, number } in its data. */
const handlers = {
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
};

/** The form's { scene, name, number } (trimmed), or null after telling the user what is missing; numberLabel names the number field. */
function filled(page, numberLabel) {
  const name = String(page.data.name || '').trim();
  const number = String(page.data.number || '').trim();
  if (!page.data.scene) {
    wx.showModal({ title: '缺少邀请码', content: '请先扫描支部书记提供的邀请码，或通过邀请链接打开小程序。', showCancel: false });
    return null;
  }
  if (!name || !number) {
    wx.showModal({ title: '信息不完整', content: '请填写姓名和' + numberLabel + '。', showCancel: false });
    return null;
  }
  return { scene: page.data.scene, name, number };
}

module.exports = { handlers, filled };
