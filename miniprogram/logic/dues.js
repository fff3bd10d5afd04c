// Dues shown to a member: money in yuan from fen, the pay choices, payment states in Chinese.

/** 1234 fen → "12.34". */
function yuan(fen) {
  const n = Number(fen) || 0;
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  return sign + Math.floor(abs / 100) + '.' + String(abs % 100).padStart(2, '0');
}

/**
 * The pay choices over the payable months (oldest first): the oldest month alone, three months, up to the
 * year's end; each pays every month up to its `through` and says how much.
 */
function choices(payable) {
  const list = payable || [];
  if (!list.length) return [];
  const sum = (n) => list.slice(0, n).reduce((s, m) => s + m.amountFen, 0);
  const options = [
    { label: '交纳 ' + list[0].month, count: 1 },
    { label: '交纳三个月（至 ' + list[Math.min(2, list.length - 1)].month + '）', count: Math.min(3, list.length) },
    { label: '交纳至年底（' + list[list.length - 1].month + '）', count: list.length },
  ];
  const seen = {};
  return options
    .filter((o) => (seen[o.count] ? false : (seen[o.count] = true)))
    .map((o) => ({ label: o.label, through: list[o.count - 1].month, months: o.count, amount: yuan(sum(o.count)) }));
}

const STATUS = { Pending: '待支付', Paid: '已交纳', Closed: '已关闭', Disputed: '核对中', Refunding: '退款中', Refunded: '已退款' };
const METHOD = { WeChatPay: '微信支付', Cash: '现金', BankTransfer: '银行转账' };

function payment(p) {
  const months = p.months || [];
  return {
    id: p.id,
    months: months.length > 1 ? months[0] + ' 至 ' + months[months.length - 1] : months[0] || '',
    amount: yuan(p.amountFen),
    status: STATUS[p.status] || p.status,
    method: METHOD[p.method] || p.method,
    receipt: p.receiptNumber || '',
  };
}

/** Calls wx.requestPayment with the server's parameters; resolves 'paid', 'cancelled' or 'failed'. */
function requestPayment(params) {
  return new Promise((resolve) => {
    wx.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType,
      paySign: params.paySign,
      success: () => resolve('paid'),
      fail: (err) => resolve(err && /cancel/.test(err.errMsg || '') ? 'cancelled' : 'failed'),
    });
  });
}

module.exports = { STATUS, yuan, choices, payment, requestPayment };
