// Binding: an unbound WeChat user proves who they are with a branch invitation plus name and number.
const session = require('../../logic/session');
const scene = require('../../logic/scene');
const bindForm = require('../../logic/bind-form');
const kit = require('../../logic/page-kit');
const org = require('../../api/org');

Page(Object.assign({}, bindForm.handlers, {
  data: { scene: '', name: '', number: '', bound: false, member: null, loading: false },

  onLoad(options) {
    this.setData({ scene: scene.fromOptions(options) });
    return this.check();
  },

  async check() {
    const me = await kit.guard(this, () => session.load());
    if (me && !me.needsBinding) this.setData({ bound: true, member: me.member });
  },

  async submit() {
    const form = bindForm.filled(this, '工号/学号');
    if (!form) return;
    const done = await kit.guard(this, () => org.bind(form).then(() => true));
    if (!done) return;
    const me = await kit.guard(this, () => session.load(true));
    if (!me || me.needsBinding) return;
    this.setData({ bound: true, member: me.member });
    kit.toast('绑定成功');
    wx.reLaunch({ url: '/pages/home/index' });
  },

  /** A person in development binds to their record in pkg-develop/applicant-bind with the same invitation. */
  asApplicant() {
    wx.navigateTo({ url: '/pkg-develop/applicant-bind/index' + (this.data.scene ? '?scene=' + encodeURIComponent(this.data.scene) : '') });
  },

  home() {
    wx.reLaunch({ url: '/pages/home/index' });
  },
}));
