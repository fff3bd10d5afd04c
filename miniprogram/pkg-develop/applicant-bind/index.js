// Binding as a person in development (POST /api/development/bind): the branch's invitation (the same code members
// scan; scene from the code, a link or the scanner, logic/scene.js) plus the name and student/staff number the branch
// recorded. Someone already bound to a record sees it and goes to their timeline.
const scene = require('../../logic/scene');
const bindForm = require('../../logic/bind-form');
const kit = require('../../logic/page-kit');
const dev = require('../../api/development');
const logic = require('../../logic/development');

Page(Object.assign({}, bindForm.handlers, {
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

  async submit() {
    const form = bindForm.filled(this, '学工号');
    if (!form) return;
    const record = await kit.guard(this, () => dev.bind(form));
    if (!record) return;
    this.setData({ bound: true, record: { name: record.name, stageName: record.stageName } });
    kit.toast('绑定成功');
    wx.redirectTo({ url: '/pkg-develop/timeline/index' });
  },

  timeline() {
    wx.redirectTo({ url: '/pkg-develop/timeline/index' });
  },
}));
