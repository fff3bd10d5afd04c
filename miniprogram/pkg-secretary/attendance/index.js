const roles = require('../../logic/roles');
const subject = require('../../logic/subject');
const views = require('../../logic/views');
const watermark = require('../../logic/watermark');
const kit = require('../../logic/page-kit');
const pageHandlers = require('../../logic/page-handlers');

/** ?kind=meeting or activity (the default). */
function keepKind(options) {
  this.setData({ kind: options.kind === 'meeting' ? 'meeting' : 'activity' });
}

Page(Object.assign({}, pageHandlers.detailPage(keepKind), {
  data: { kind: 'activity', id: null, title: '', allowed: false, checked: false, attendance: null, watermark: '', loading: false },

  onPullDownRefresh() {
    return this.refresh().then(() => wx.stopPullDownRefresh());
  },

  async show(member) {
    const item = await kit.guard(this, () => subject.apiFor(this.data.kind).get(this.data.id));
    if (!item) return;
    const allowed = roles.mayManage(member, item);
    // Attendance names members: it is internal to the organisation whatever the activity's own level.
    this.setData({ title: subject.titleOf(item), allowed, checked: true, watermark: watermark.watermarkText('Internal', member) });
    if (allowed) await this.refresh();
  },

  async refresh() {
    const data = await kit.guard(this, () => subject.apiFor(this.data.kind).attendance(this.data.id));
    if (data) this.setData({ attendance: views.attendance(data) });
  },

  /** Check someone in by hand (forgot the phone, could not scan). */
  async checkIn(e) {
    const { id, name } = e.currentTarget.dataset;
    if (!(await kit.confirmed(this, '代为签到', '确认为 ' + name + ' 签到吗？', () => subject.apiFor(this.data.kind).checkInMember(this.data.id, id)))) return;
    kit.toast('已签到');
    await this.refresh();
  },
}));
