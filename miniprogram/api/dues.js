// Dues area (issue 18): what I owe, paying with WeChat Pay, my payments, the yearly report.
const client = require('./client');

module.exports = {
  /** → { memberId, name, year, basis: { category, baseFen, rateBasisPoints, ruleMonthlyFen, monthlyFen, explanation } | null,
   *      unpaid: [{ month, amountFen }], unpaidFen, payable: [{ month, amountFen }], arrears: { consecutiveMonths, oldestUnpaid, flagged },
   *      paidUpTo, openOrders } (the server queries my open orders first) */
  mine: () => client.get('/api/dues/me'),
  /** → { payment: { id, outTradeNo, amountFen, months, status }, requestPayment: { appId, timeStamp, nonceStr, package, signType, paySign } } */
  pay: (through, idempotencyKey) => client.create('/api/dues/me/payments', { through }, idempotencyKey),
  /** → [{ id, method, status, amountFen, months, receiptNumber, paidAt, … }] (a list page, never paged) */
  payments: () => client.items('/api/dues/me/payments'),
  /** → { year, branches: [{ branchId, name, months: [{ month, membersPaid, receivedFen }], totalFen }], totalFen } */
  report: (year) => client.get('/api/dues/report', { year }),
  /** The committee's month (YYYY-MM) of a branch: { dueFen, paidFen, paid, unpaid, noBase, flagged, disputed } */
  branch: (branchId, month) => client.get('/api/dues/branches/' + branchId, { month }),
  /** Reminds the members who have not paid (at most once a day per branch) → { reminded } */
  remind: (branchId) => client.post('/api/dues/branches/' + branchId + '/remind'),
  /** A cash or bank payment the committee received: { through: 'YYYY-MM', method: Cash | BankTransfer, receiptNumber } */
  record: (memberId, payment, idempotencyKey) => client.create('/api/dues/members/' + memberId + '/payments', payment, idempotencyKey),
  /** The year's base: { category: Salaried | Retired | Student | Unemployed | Relief, monthlyBaseFen } */
  setBase: (memberId, year, base) => client.put('/api/dues/members/' + memberId + '/bases/' + year, base),
  /** 减免: an approved monthly amount below the rule for the year, with the reason → { memberId, year, ruleMonthlyFen, monthlyFen, reason } */
  reduce: (memberId, year, { monthlyFen, reason }) => client.post('/api/dues/members/' + memberId + '/bases/' + year + '/reduction', { monthlyFen, reason }),
  /**
   * 对账: the day's (yyyy-MM-dd, China time; default yesterday) WeChat Pay trade bill against our records →
   * { date, weChatCount, weChatFen, ourCount, ourFen, differences: [{ kind: PaidThereNotHere | HereNotThere | AmountDiffers,
   *   outTradeNo, transactionId, memberId, name, weChatFen, ourFen, ourStatus }] }
   */
  reconciliation: (branchId, date) => client.get('/api/dues/branches/' + branchId + '/reconciliation', { date }),
  /** Settles one difference by WeChat Pay's word → { tradeState, payment } */
  resolve: (branchId, outTradeNo) => client.post('/api/dues/branches/' + branchId + '/reconciliation/resolve', { outTradeNo }),
  /** A member's payments for the committee, newest first (a list page, never paged) → [DuesViewsPayment] */
  memberPayments: (memberId) => client.items('/api/dues/members/' + memberId + '/payments'),
  /** Refunds a paid or disputed WeChat Pay payment in full (Refunding until WeChat Pay confirms) → the payment */
  refund: (paymentId, reason) => client.post('/api/dues/payments/' + paymentId + '/refund', { reason }),
};
