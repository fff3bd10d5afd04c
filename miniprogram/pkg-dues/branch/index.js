// The committee's dues page for a month (GET /api/dues/branches/{id}?month=): who paid, who has not, who has no base
// for the year, who is flagged for six months unpaid; remind the unpaid, record a cash or bank payment with its
// receipt, set a member's base for the year, approve a reduction or exemption (减免: a monthly amount below the rule,
// 0 for exemption, with the reason; its length limit from api/limits.js), and see the member's
// payments (GET /api/dues/members/{id}/payments) to refund one paid by WeChat Pay in error (../refund.js).
// The base's 起交月份 (owedFrom, the first month owed under it, in the base's year) is sent only when the secretary
// picked one; left out, the server's default applies (Api/Features/Dues/README.md §Rules). The selected member's current
// first owed month comes from the branch view's `bases`.
// Amounts in yuan from fen.
const secretary = require('../../logic/secretary');
const pageHandlers = require('../../logic/page-handlers');
const format = require('../../logic/format');
const dues = require('../../logic/dues');
const kit = require('../../logic/page-kit');
const api = require('../../api/dues');
const refunds = require('../refund');
const limits = require('../../api/limits');

const CATEGORIES = [
  { value: 'Salaried', label: '在职（按工资收入）' },
  { value: 'Retired', label: '离退休（按离退休费）' },
  { value: 'Student', label: '学生' },
  { value: 'Unemployed', label: '下岗失业' },
  { value: 'Relief', label: '享受最低生活保障' },
];
const METHODS = [
  { value: 'Cash', label: '现金' },
  { value: 'BankTransfer', label: '银行转账' },
];

function person(p) {
  return { id: p.memberId, name: p.name, amount: p.amountFen !== undefined ? dues.yuan(p.amountFen) : '', oldest: p.oldestUnpaid || '' };
}

/** "123.45" → 12345 fen, or null when it is not an amount. */
function fen(text) {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text || '').trim());
  return m ? Number(m[1]) * 100 + Number((m[2] || '0').padEnd(2, '0')) : null;
}

Page(Object.assign({}, secretary.handlers, pageHandlers.refresh, refunds.handlers, {
  data: Object.assign({
    limits: limits,
    allowed: false, checked: false, denied: '', branches: [], branchIndex: 0, month: '', figures: null, unpaid: [], paid: [], noBase: [], flagged: [],
    selected: null, methods: METHODS, methodIndex: 0, receiptNumber: '', categories: CATEGORIES, categoryIndex: 0, baseYuan: '', owedFrom: '', baseYear: '', owedFromNow: {}, reducedYuan: '', reductionReason: '',
    payments: [], loading: false,
  }, refunds.data()),

  async onLoad(options) {
    const month = format.nowParts().date.slice(0, 7);
    this.setData({ month, baseYear: month.slice(0, 4) });
    return secretary.open(this, options);
  },

  /** Another month; a chosen 起交月份 of another year no longer fits the base's year and is dropped. */
  onMonth(e) {
    const month = e.detail.value;
    const year = month.slice(0, 4);
    this.setData({ month, baseYear: year, owedFrom: this.data.owedFrom.slice(0, 4) === year ? this.data.owedFrom : '' });
    return this.load();
  },

  /** 起交月份 for the base (a month of the base's year); clearOwedFrom goes back to the server's default. */
  onOwedFrom(e) {
    this.setData({ owedFrom: e.detail.value });
  },

  clearOwedFrom() {
    this.setData({ owedFrom: '' });
  },

  async load() {
    const data = await kit.guard(this, () => api.branch(secretary.branchOf(this).id, this.data.month));
    if (!data) return;
    this.setData({
      figures: { due: dues.yuan(data.dueFen), paid: dues.yuan(data.paidFen), paidCount: (data.paid || []).length, unpaidCount: (data.unpaid || []).length },
      paid: (data.paid || []).map(person),
      unpaid: (data.unpaid || []).map(person),
      noBase: (data.noBase || []).map(person),
      flagged: (data.flagged || []).map(person),
      owedFromNow: (data.bases || []).reduce((all, b) => Object.assign(all, { [b.memberId]: b.owedFrom }), {}),
    });
  },

  /** A member chosen: the forms for them, and their payments (to refund one). */
  async select(e) {
    const id = e.currentTarget.dataset.id;
    const selected = { id, name: e.currentTarget.dataset.name, owedFrom: this.data.owedFromNow[id] || '' };
    this.setData({ selected, receiptNumber: '', baseYuan: '', owedFrom: '', reducedYuan: '', reductionReason: '', payments: [], refunding: null });
    const payments = await kit.guard(this, () => api.memberPayments(selected.id), { silent: true, onError: kit.refusal(this) });
    if (payments && this.data.selected && this.data.selected.id === selected.id) this.setData({ payments: payments.map((p) => refunds.view(p, selected.name)) });
  },

  /** After a refund: the member's payments show it as 退款中. */
  async refunded(payment) {
    this.setData({ payments: this.data.payments.map((p) => (p.id === payment.id ? payment : p)) });
  },

  async remind() {
    const result = await kit.guard(this, () => api.remind(secretary.branchOf(this).id));
    if (result) kit.toast('已提醒 ' + result.reminded + ' 人');
  },

  /** Records the selected member's payment up to the month shown, with the receipt number. */
  async record() {
    const receipt = String(this.data.receiptNumber || '').trim();
    if (!receipt) {
      wx.showModal({ title: '无法登记', content: '请填写收据编号。', showCancel: false });
      return null;
    }
    const saved = await kit.guard(this, () =>
      api.record(this.data.selected.id, { through: this.data.month, method: this.data.methods[this.data.methodIndex].value, receiptNumber: receipt }, kit.submissionKey(this)),
    );
    if (!saved) return null;
    kit.submitted(this);
    kit.toast('已登记 ¥' + dues.yuan(saved.amountFen));
    this.setData({ selected: null });
    await this.load();
    return saved;
  },

  async setBase() {
    const category = this.data.categories[this.data.categoryIndex].value;
    const needsBase = category === 'Salaried' || category === 'Retired';
    const base = fen(this.data.baseYuan);
    if (needsBase && base === null) {
      wx.showModal({ title: '无法保存', content: '请填写每月税后收入（元）。', showCancel: false });
      return null;
    }
    const body = { category, monthlyBaseFen: needsBase ? base : null };
    if (this.data.owedFrom) body.owedFrom = this.data.owedFrom;
    const saved = await kit.guard(this, () => api.setBase(this.data.selected.id, this.data.month.slice(0, 4), body));
    if (!saved) return null;
    const explanation = saved.explanation || '每月应交 ¥' + dues.yuan(saved.monthlyFen);
    wx.showModal({ title: '已保存', content: saved.owedFrom ? explanation + '\n自 ' + saved.owedFrom + ' 起交' : explanation, showCancel: false });
    this.setData({ selected: null });
    await this.load();
    return saved;
  },

  /** 减免: the approved monthly amount for the year below what the rule asks (0 = exempt), with the reason; audited. */
  async reduce() {
    const monthlyFen = fen(this.data.reducedYuan);
    const reason = String(this.data.reductionReason || '').trim();
    const problem = monthlyFen === null ? '请填写减免后的每月交纳额（元，免交填 0）。' : !reason ? '请填写减免原因（如 生活困难，经支部委员会研究同意）。' : reason.length > limits.duesReason.reason ? '减免原因不能超过' + limits.duesReason.reason + '个字。' : null;
    if (problem) {
      wx.showModal({ title: '无法减免', content: problem, showCancel: false });
      return null;
    }
    const saved = await kit.guard(this, () => api.reduce(this.data.selected.id, this.data.month.slice(0, 4), { monthlyFen, reason }));
    if (!saved) return null;
    wx.showModal({ title: '已减免', content: saved.year + ' 年每月应交 ¥' + dues.yuan(saved.monthlyFen) + '（按规定 ¥' + dues.yuan(saved.ruleMonthlyFen) + '）：' + saved.reason, showCancel: false });
    this.setData({ selected: null });
    await this.load();
    return saved;
  },
}));

module.exports = { fen };
