// Dues area (issue 18): what I owe, paying with WeChat Pay, my payments, the yearly report.
const client = require('./client');

module.exports = {
  /** → { memberId, name, year, basis: { category, baseFen, rateBasisPoints, ruleMonthlyFen, monthlyFen, explanation } | null,
   *      unpaid: [{ month, amountFen }], unpaidFen, payable: [{ month, amountFen }], arrears: { consecutiveMonths, oldestUnpaid, flagged },
   *      paidUpTo, openOrders } (the server queries my open orders first) */
  mine: () => client.get('/api/dues/me'),
  /** → { payment: { id, outTradeNo, amountFen, months, status }, requestPayment: { appId, timeStamp, nonceStr, package, signType, paySign } } */
  pay: (through) => client.post('/api/dues/me/payments', { through }),
  /** → [{ id, method, status, amountFen, months, receiptNumber, paidAt, … }] (a list page, never paged) */
  payments: () => client.get('/api/dues/me/payments').then((page) => page.items),
  /** → { year, branches: [{ branchId, name, months: [{ month, membersPaid, receivedFen }], totalFen }], totalFen } */
  report: (year) => client.get('/api/dues/report', { year }),
};
