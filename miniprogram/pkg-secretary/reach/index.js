// Reach of the branch's stories and notices (GET /api/org/units/{id}/reach): 关注度 (distinct viewers), 覆盖度 (share
// of the audience reached) and 热度 (weighted, decaying interactions) for a period of China dates, and the items.
const secretary = require('../../logic/secretary');
const pageHandlers = require('../../logic/page-handlers');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const brand = require('../../api/brand');

const PERIODS = [
  { days: 7, label: '近7天' },
  { days: 30, label: '近30天' },
  { days: 90, label: '近90天' },
  { days: 365, label: '近一年' },
];

/** China date `days` before today (inclusive periods: 7 days end today and start 6 days ago). */
function daysAgo(days) {
  return format.nowParts(Date.now() - days * 86400000).date;
}

function figures(f) {
  return {
    attention: f.attention,
    coverage: Math.round((f.coverage || 0) * 1000) / 10 + '%',
    heat: f.heat,
    views: f.views,
    likes: f.likes,
    comments: f.comments,
    shares: f.shares,
  };
}

Page(Object.assign({}, secretary.handlers, pageHandlers.refresh, {
  data: { allowed: false, checked: false, branches: [], branchIndex: 0, periods: PERIODS, periodIndex: 1, total: null, items: [], formula: '', loading: false },

  onPeriod(e) {
    this.setData({ periodIndex: Number(e.detail.value) });
    return this.load();
  },

  async load() {
    const days = this.data.periods[this.data.periodIndex].days;
    const data = await kit.guard(this, () => brand.reach(secretary.branchOf(this).id, daysAgo(days - 1), daysAgo(0)));
    if (!data) return;
    this.setData({
      total: figures(data.total || {}),
      items: (data.items || [])
        .slice()
        .sort((a, b) => b.figures.heat - a.figures.heat)
        .slice(0, 20)
        .map((i) => Object.assign({ key: i.type + i.id, kind: i.type === 'notice' ? '通知' : '事迹', title: i.title }, figures(i.figures))),
      formula: (data.formula && data.formula.text) || '',
    });
  },
}));
