// The check-in page of activities and meetings: by scanning the organiser's code or typing the numeric code.
const session = require('./session');
const scene = require('./scene');
const kit = require('./page-kit');

/** Page definition for kind 'activity' or 'meeting'; api is the area module with checkIn(id, code). */
function checkInPage(kind, api) {
  return {
    data: { kind, id: null, code: '', done: false, result: '', loading: false },

    onLoad(options) {
      const opts = options || {};
      const target = scene.checkInTarget(scene.fromOptions(opts));
      this.setData({ id: opts.id || (target && target.id) || null });
      // Opened by the camera or the scan button: the scene is the code, check in at once.
      if (target && target.kind === kind) return this.submitCode(target.code, target.id);
      return kit.guard(this, () => session.ensureMember());
    },

    onInput(e) {
      this.setData({ code: e.detail.value });
    },

    scan() {
      wx.scanCode({
        success: (res) => {
          const target = scene.checkInTarget(scene.fromScan(res));
          if (!target) {
            wx.showModal({ title: '无法识别', content: '这不是签到码，请扫描组织者展示的签到码。', showCancel: false });
            return;
          }
          if (target.kind !== kind) {
            wx.redirectTo({ url: '/pages/' + target.kind + '-checkin/index?id=' + target.id + '&scene=' + encodeURIComponent(target.code) });
            return;
          }
          this.submitCode(target.code, target.id);
        },
      });
    },

    submit() {
      const code = String(this.data.code || '').trim();
      if (!/^\d{6}$/.test(code)) {
        wx.showModal({ title: '签到码有误', content: '请输入组织者展示的6位数字签到码。', showCancel: false });
        return Promise.resolve();
      }
      return this.submitCode(code, this.data.id);
    },

    async submitCode(code, id) {
      const member = await kit.guard(this, () => session.ensureMember());
      if (!member) return;
      const result = await kit.guard(this, () => api.checkIn(id, code).then((r) => r || {}));
      if (!result) return;
      const late = result.late || result.status === 'Late';
      this.setData({ id, done: true, result: late ? '签到成功（迟到）' : '签到成功' });
      kit.toast('签到成功');
    },
  };
}

module.exports = { checkInPage };
