// A new record for someone who handed in a written application (POST /api/development/records, step 1), for the
// branch committee: the branch, name (≤ 50), student/staff number (≤ 32), date of birth (the server refuses an
// application before the 18th birthday, with the day it becomes possible), the day the application was received and
// a note (≤ 500). Opens the new record; the submission keeps its Idempotency-Key until it succeeds.
const secretary = require('../../logic/secretary');
const kit = require('../../logic/page-kit');
const format = require('../../logic/format');
const dev = require('../../api/development');
const logic = require('../../logic/development');

Page({
  data: {
    allowed: false, checked: false, branches: [], branchIndex: 0, today: '',
    form: { name: '', number: '', birthDate: '', appliedOn: '', note: '' }, limits: logic.LIMITS, error: null, loading: false,
  },

  async onLoad(options) {
    const today = format.nowParts().date;
    this.setData({ today, 'form.appliedOn': today });
    await secretary.start(this, { unitId: options && options.unitId });
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
  },

  onField(e) {
    this.setData({ ['form.' + e.currentTarget.dataset.field]: e.detail.value });
  },

  async submit() {
    const branch = secretary.branchOf(this);
    const f = this.data.form;
    const name = String(f.name || '').trim();
    const number = String(f.number || '').trim();
    let problem = '';
    if (!name || !number) problem = '请填写姓名和学工号。';
    else if (!f.birthDate) problem = '请选择出生日期（递交入党申请时须年满18周岁）。';
    else if (!f.appliedOn) problem = '请选择递交入党申请书的日期。';
    if (problem) {
      this.setData({ error: { title: '请补充信息', detail: problem } });
      return;
    }
    this.setData({ error: null });
    const key = kit.submissionKey(this);
    const record = await kit.guard(this, () => dev.createRecord({ branchId: branch.id, name, number, birthDate: f.birthDate, appliedOn: f.appliedOn, note: String(f.note || '').trim() || undefined }, key), {
      onError: (err) => this.setData({ error: logic.refusal(err) }),
    });
    if (!record) return;
    kit.submitted(this);
    kit.toast('已登记');
    wx.redirectTo({ url: '/pkg-develop/person/index?id=' + record.id });
  },
});
