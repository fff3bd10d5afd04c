// Links of the big screen in the activity room (POST/GET /api/org/units/{id}/screen-links, DELETE /api/screen-links/{id}):
// create one, copy its address to open full-screen on the display, revoke it when the display goes.
const secretary = require('../../logic/secretary');
const pageHandlers = require('../../logic/page-handlers');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const brand = require('../../api/brand');
const limits = require('../../api/limits');

Page(Object.assign({}, secretary.handlers, pageHandlers.refresh, {
  data: { limits: limits, allowed: false, checked: false, branches: [], branchIndex: 0, label: '', items: [], loading: false },

  async load() {
    const links = await kit.guard(this, () => brand.screenLinks(secretary.branchOf(this).id));
    if (links) this.setData({ items: links.map((l) => ({ id: l.id, label: l.label || '未命名大屏', url: l.url, when: format.dateTime(l.createdAt) })) });
  },

  async create() {
    const label = String(this.data.label || '').trim();
    const created = await kit.guard(this, () => brand.createScreenLink(secretary.branchOf(this).id, label || null, kit.submissionKey(this)));
    if (!created) return null;
    kit.submitted(this);
    this.setData({ label: '' });
    wx.setClipboardData({ data: created.url });
    await this.load();
    return created;
  },

  copy(e) {
    wx.setClipboardData({ data: e.currentTarget.dataset.url });
  },

  async revoke(e) {
    if (!(await kit.confirmed(this, '停用链接', '停用后，使用这个链接的大屏将显示错误页。确定停用吗？', () => brand.revokeScreenLink(e.currentTarget.dataset.id)))) return;
    kit.toast('已停用');
    await this.load();
  },
}));
