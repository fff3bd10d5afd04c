// 党费: what I owe and why, paying with WeChat Pay, my payments with receipts.
// wx.requestPayment's success proves nothing: the page reloads, and the server asks WeChat Pay before it says "paid".
const kit = require('../../logic/page-kit');
const dues = require('../../logic/dues');
const api = require('../../api/dues');

Page({
  data: { basis: null, explanation: '', monthly: '', unpaid: [], unpaidTotal: '0.00', arrears: null, choices: [], payments: [], paying: false, loading: false },

  onShow() {
    return this.load();
  },

  async load() {
    const owed = await kit.guard(this, () => api.mine());
    if (!owed) return;
    const history = await kit.guard(this, () => api.payments(), { silent: true });
    this.setData({
      basis: owed.basis,
      explanation: owed.basis ? owed.basis.explanation : '本年度党费基数尚未确定，请联系组织委员。',
      monthly: owed.basis ? dues.yuan(owed.basis.monthlyFen) : '',
      unpaid: (owed.unpaid || []).map((m) => ({ month: m.month, amount: dues.yuan(m.amountFen) })),
      unpaidTotal: dues.yuan(owed.unpaidFen),
      arrears: owed.arrears && owed.arrears.consecutiveMonths >= 3 ? '已连续' + owed.arrears.consecutiveMonths + '个月未交纳党费' : null,
      choices: dues.choices(owed.payable),
      payments: (history || []).map(dues.payment),
    });
  },

  async pay(e) {
    if (this.data.paying) return;
    const through = e.currentTarget.dataset.through;
    this.setData({ paying: true });
    // One key per payment asked for: a retry of the same months reuses it, another choice gets its own.
    if (this.payingThrough !== through) kit.submitted(this);
    this.payingThrough = through;
    try {
      const order = await kit.guard(this, () => api.pay(through, kit.submissionKey(this)));
      if (!order) return;
      kit.submitted(this);
      this.payingThrough = null;
      const outcome = await dues.requestPayment(order.requestPayment);
      if (outcome === 'paid') kit.toast('支付成功');
      else if (outcome === 'failed') wx.showModal({ title: '支付未完成', content: '支付没有成功，可稍后重试。', showCancel: false });
      await this.load();
    } finally {
      this.setData({ paying: false });
    }
  },
});
