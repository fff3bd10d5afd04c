// 对账与退款 (Api/Features/Dues/README.md, "Committee"): a day's WeChat Pay trade bill against our records
// (GET /api/dues/branches/{id}/reconciliation?date=, China time, default yesterday: the bill of a day exists from the
// next day). Each difference (paid there not here, here not there, amounts differ) is settled by WeChat Pay's word
// (POST …/reconciliation/resolve). Refunds (POST /api/dues/payments/{id}/refund, full amount, a reason of at most 200
// characters) for the month's disputed payments and for a payment just settled. Amounts in yuan from fen.
const secretary = require('../../logic/secretary');
const format = require('../../logic/format');
const dues = require('../../logic/dues');
const kit = require('../../logic/page-kit');
const api = require('../../api/dues');
const refunds = require('../refund');
const limits = require('../../api/limits');

const KINDS = { PaidThereNotHere: '微信支付已收款，本系统未记为已交', HereNotThere: '本系统记为已交，微信支付账单中没有', AmountDiffers: '金额不一致' };

/** Yesterday in China time (YYYY-MM-DD). */
function yesterday() {
  const d = new Date(format.nowParts().date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function difference(d) {
  return {
    outTradeNo: d.outTradeNo,
    kind: KINDS[d.kind] || d.kind,
    name: d.name || '（无对应党员）',
    weChat: d.weChatFen !== null && d.weChatFen !== undefined ? dues.yuan(d.weChatFen) : '—',
    ours: d.ourFen !== null && d.ourFen !== undefined ? dues.yuan(d.ourFen) : '—',
    status: d.ourStatus ? dues.STATUS[d.ourStatus] || d.ourStatus : '无记录',
  };
}

Page(Object.assign({}, refunds.handlers, {
  data: Object.assign(
    { limits: limits, allowed: false, checked: false, denied: '', branches: [], branchIndex: 0, date: '', latest: '', figures: null, differences: [], disputed: [], settled: [], loading: false },
    refunds.data(),
  ),

  async onLoad(options) {
    this.setData({ date: yesterday(), latest: yesterday() });
    if (await secretary.start(this, { unitId: options && options.unitId })) await this.load();
  },

  onPullDownRefresh() {
    return (this.data.allowed ? this.load() : Promise.resolve()).then(() => wx.stopPullDownRefresh());
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value), settled: [], refunding: null });
    return this.load();
  },

  onDate(e) {
    this.setData({ date: e.detail.value });
    return this.load();
  },

  /** The day's comparison and the month's disputed payments. */
  async load() {
    const branchId = secretary.branchOf(this).id;
    const [bill, month] = await Promise.all([
      kit.guard(this, () => api.reconciliation(branchId, this.data.date), { onError: kit.refusal(this) }),
      kit.guard(this, () => api.branch(branchId, format.nowParts().date.slice(0, 7)), { silent: true, onError: () => null }),
    ]);
    if (bill) {
      this.setData({
        figures: { weChatCount: bill.weChatCount, weChat: dues.yuan(bill.weChatFen), ourCount: bill.ourCount, ours: dues.yuan(bill.ourFen) },
        differences: bill.differences.map(difference),
      });
    }
    if (month) this.setData({ disputed: month.disputed.map((p) => refunds.view(p)) });
  },

  /** Asks WeChat Pay about the order and applies its answer (audited); the comparison is then made again. */
  async resolve(e) {
    const outTradeNo = e.currentTarget.dataset.no;
    if (!(await kit.confirm('按微信支付结果处理', '将向微信支付查询订单 ' + outTradeNo + '，并按其结果更新本系统记录。确定吗？'))) return null;
    const result = await kit.guard(this, () => api.resolve(secretary.branchOf(this).id, outTradeNo), { onError: kit.refusal(this) });
    if (!result) return null;
    const settled = refunds.view(result.payment, (this.data.differences.filter((d) => d.outTradeNo === outTradeNo)[0] || {}).name);
    this.setData({ settled: this.data.settled.filter((p) => p.id !== settled.id).concat([Object.assign(settled, { tradeState: result.tradeState })]) });
    wx.showModal({ title: '已处理', content: '微信支付订单状态：' + result.tradeState + '；本系统记录：' + settled.status + '。', showCancel: false });
    await this.load();
    return result;
  },

  /** After a refund: the settled list shows the payment's new state, and the page is loaded again. */
  async refunded(payment) {
    this.setData({ settled: this.data.settled.map((p) => (p.id === payment.id ? Object.assign({}, p, payment, { name: p.name }) : p)) });
    await this.load();
  },
}));

module.exports = { yesterday };
