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
  payments: () => client.get('/api/dues/me/payments').then((page) => page.items),
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
};
