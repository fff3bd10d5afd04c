// Refunding a WeChat Pay payment (POST /api/dues/payments/{id}/refund: full amount, a reason within api/limits.js
// duesReason; Refunding until WeChat Pay confirms, then its months are unpaid again). Shared by the
// branch page (a member's payments) and the reconciliation page (disputed and just-settled payments): both mix
// `handlers` into their Page() and define refunded(payment) to show the outcome.
const dues = require('../logic/dues');
const kit = require('../logic/page-kit');
const api = require('../api/dues');
const limits = require('../api/limits');


/** A payment as the committee pages list it; refundable: WeChat Pay's, paid or disputed (the API refuses the rest with 409). */
function view(p, name) {
  return Object.assign(dues.payment(p), {
    name: name || '',
    outTradeNo: p.outTradeNo,
    problem: p.problem || '',
    refundable: p.method === 'WeChatPay' && (p.status === 'Paid' || p.status === 'Disputed'),
  });
}

function data() {
  return { refunding: null, reason: '' };
}

const handlers = {
  chooseRefund(e) {
    const d = e.currentTarget.dataset;
    this.setData({ refunding: { id: d.id, name: d.name || '', amount: d.amount }, reason: '' });
  },

  cancelRefund() {
    this.setData({ refunding: null, reason: '' });
  },

  onReason(e) {
    this.setData({ reason: e.detail.value });
  },

  async refund() {
    const reason = String(this.data.reason || '').trim();
    if (!reason || reason.length > limits.duesReason.reason) {
      wx.showModal({ title: '无法退款', content: reason ? '退款原因不能超过' + limits.duesReason.reason + '个字。' : '请填写退款原因（如 重复支付）。', showCancel: false });
      return null;
    }
    const target = this.data.refunding;
    if (!(await kit.confirm('确认退款', '将原路退回 ' + target.name + ' ¥' + target.amount + '。确定吗？'))) return null;
    const result = await kit.guard(this, () => api.refund(target.id, reason), { onError: kit.refusal(this) });
    if (!result) return null;
    this.setData({ refunding: null, reason: '' });
    kit.toast('已申请退款');
    await this.refunded(view(result, target.name));
    return result;
  },
};

module.exports = { view, data, handlers };
