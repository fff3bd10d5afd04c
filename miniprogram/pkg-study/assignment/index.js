// The committee's view of one assignment (GET /api/study/assignments/{id}/completion): who finished, who is
// studying, who has not started (by state then name, never by hours), and a reminder for exactly those not finished.
const secretary = require('../../logic/secretary');
const study = require('../../logic/study');
const kit = require('../../logic/page-kit');
const api = require('../../api/study');

Page({
  data: { allowed: false, checked: false, id: null, view: null, loading: false },

  async onLoad(options) {
    this.setData({ id: options && options.id });
    if (await secretary.start(this, { unitId: options && options.unitId })) await this.load();
  },

  onPullDownRefresh() {
    return (this.data.allowed ? this.load() : Promise.resolve()).then(() => wx.stopPullDownRefresh());
  },

  async load() {
    const completion = await kit.guard(this, () => api.completion(this.data.id));
    if (completion) this.setData({ view: study.completionView(completion) });
  },

  async remind() {
    const count = this.data.view ? this.data.view.figures.assigned - this.data.view.figures.finished : 0;
    if (!(await kit.confirm('提醒未完成党员', '将向 ' + count + ' 名未完成的党员发送学习提醒，一小时内只能提醒一次。确定吗？'))) return null;
    const result = await kit.guard(this, () => api.remind(this.data.id));
    if (result) kit.toast('已提醒 ' + result.reminded + ' 人');
    return result || null;
  },
});
