// The yearly dues report (GET /api/dues/report?year=): what each month brought in and how many paid, per branch, as
// the branch publishes it once a year (Domain/README.md, 党费). Members see their own branch, committees theirs.
const session = require('../../logic/session');
const format = require('../../logic/format');
const dues = require('../../logic/dues');
const kit = require('../../logic/page-kit');
const api = require('../../api/dues');
const pageHandlers = require('../../logic/page-handlers');

function view(data) {
  return {
    total: dues.yuan(data.totalFen),
    branches: (data.branches || []).map((b) => ({
      id: b.branchId,
      name: b.name,
      total: dues.yuan(b.totalFen),
      months: (b.months || []).map((m) => ({ month: m.month, paid: m.membersPaid, amount: dues.yuan(m.receivedFen) })),
    })),
  };
}

Page(Object.assign({}, pageHandlers.refresh, {
  data: { years: [], yearIndex: 0, report: null, loading: false },

  onLoad() {
    const year = Number(format.nowParts().date.slice(0, 4));
    this.setData({ years: [year, year - 1, year - 2].map(String) });
    return this.load();
  },

  onYear(e) {
    this.setData({ yearIndex: Number(e.detail.value) });
    return this.load();
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const data = await kit.guard(this, () => api.report(this.data.years[this.data.yearIndex]));
    if (data) this.setData({ report: view(data) });
  },
}));
