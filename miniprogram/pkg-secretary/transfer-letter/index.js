// The sending committee's paperwork of a transfer (组织关系转接): issue the letter (介绍信, POST /api/transfers/{id}/letter)
// with the personal details it needs, open the printable PDF, and record the receipt (回执) when it comes back.
const session = require('../../logic/session');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const transfers = require('../../api/transfers');
const pageHandlers = require('../../logic/page-handlers');
const limits = require('../../api/limits');

const SEXES = [
  { value: 'Male', label: '男' },
  { value: 'Female', label: '女' },
];

function summary(t) {
  return {
    name: t.memberName,
    route: (t.from ? t.from.name : t.fromOrganization || '') + ' → ' + (t.to ? t.to.name : t.toOrganization || ''),
    state: t.stateName,
    letterNumber: t.letterNumber || '',
    validUntil: t.validUntil || '',
    receiptOn: t.receiptOn || '',
  };
}

Page(Object.assign({}, pageHandlers.fields, {
  data: {
    id: null, allowed: false, checked: false, transfer: null, canIssue: false, canReceipt: false, hasLetter: false,
    sexes: SEXES, sexIndex: 0, ethnicity: '汉族', birthDate: '', idNumber: '', validDays: '30', receivedOn: '', note: '', loading: false,
  },

  onLoad(options) {
    this.setData({ id: options.id, receivedOn: format.nowParts().date });
    return this.load();
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const t = await kit.guard(this, () => transfers.get(this.data.id));
    if (!t) return;
    const canIssue = !!t.canIssueLetter;
    const canReceipt = !!t.canRecordReceipt;
    this.show(t, canIssue || canReceipt);
  },

  show(t, allowed) {
    this.setData({
      allowed,
      checked: true,
      transfer: summary(t),
      canIssue: !!t.canIssueLetter,
      canReceipt: !!t.canRecordReceipt,
      hasLetter: !!t.letterNumber,
    });
  },

  async issue() {
    const idNumber = String(this.data.idNumber || '').trim().toUpperCase();
    const days = String(this.data.validDays || '').trim();
    let problem = !this.data.birthDate ? '请选择出生日期。' : !String(this.data.ethnicity || '').trim() ? '请填写民族。' : !/^\d{17}[\dX]$/.test(idNumber) ? '身份证号码应为18位。' : '';
    const range = limits.transferLetter.validDays;
    if (!problem && days && !(/^\d+$/.test(days) && Number(days) >= range.minimum && Number(days) <= range.maximum)) problem = '有效期应为' + range.minimum + '至' + range.maximum + '天。';
    if (problem) {
      wx.showModal({ title: '无法开具', content: problem, showCancel: false });
      return null;
    }
    const t = await kit.guard(this, () =>
      transfers.issueLetter(this.data.id, {
        sex: this.data.sexes[this.data.sexIndex].value,
        ethnicity: this.data.ethnicity.trim(),
        birthDate: this.data.birthDate,
        idNumber,
        validDays: days ? Number(days) : null,
      }),
    );
    if (!t) return null;
    this.setData({ idNumber: '' });
    this.show(t, true);
    kit.toast('介绍信已开具');
    return t;
  },

  /** Opens the letter PDF for printing or forwarding. */
  async openLetter() {
    const file = await kit.guard(this, () => transfers.letterPdf(this.data.id));
    if (file) wx.openDocument({ filePath: file, fileType: 'pdf', showMenu: true });
  },

  async receipt() {
    const t = await kit.guard(this, () => transfers.recordReceipt(this.data.id, { receivedOn: this.data.receivedOn, note: String(this.data.note || '').trim() || null }));
    if (!t) return null;
    this.show(t, true);
    kit.toast('回执已登记');
    return t;
  },
}));
