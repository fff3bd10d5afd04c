// 数据看板: charts drawn with ECharts (/lib/echarts/echarts.min.js, vendored), each with its numbers in a table beside
// it: attendance at meetings by month (GET /api/org/units/{id}/attendance-trend), reach of stories and notices by day
// (GET /api/org/units/{id}/reach), dues received by month (GET /api/dues/report?year=), and the development pipeline:
// people in development by stage today (GET /api/development/units/{id}/worklist).
'use strict';
(function () {
  const { api, problem, flash, esc, table } = window.sb;
  const unit = document.getElementById('unit');
  const charts = {};
  const theme = ['#c8161d', '#e6a23c', '#409eff', '#67c23a', '#909399', '#8e44ad'];

  function draw(id, option) {
    const el = document.getElementById(id);
    charts[id] ??= window.echarts.init(el, null, { renderer: 'svg' });
    charts[id].setOption({ color: theme, animation: false, tooltip: { trigger: 'axis' }, grid: { left: 48, right: 48, top: 40, bottom: 30 }, ...option }, true);
  }

  function state(id, text) { document.getElementById(id).dataset.state = text; }

  async function attendance() {
    const result = await api('GET', `/api/org/units/${unit.value}/attendance-trend?months=12`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const months = result.body.months;
    draw('attendance-chart', {
      legend: { top: 0, data: ['会议次数', '出席率'] },
      xAxis: { type: 'category', data: months.map((m) => m.name) },
      yAxis: [{ type: 'value', name: '次', minInterval: 1 }, { type: 'value', name: '%', max: 100 }],
      series: [
        { name: '会议次数', type: 'bar', data: months.map((m) => m.meetings) },
        { name: '出席率', type: 'line', yAxisIndex: 1, data: months.map((m) => Math.round(m.rate * 1000) / 10) },
      ],
    });
    document.getElementById('attendance-table').innerHTML = table([
      ['月份', (m) => esc(m.name)], ['会议', (m) => m.meetings], ['应到', (m) => m.expected], ['实到', (m) => m.present],
      ['请假', (m) => m.onLeave], ['出席率', (m) => `${(m.rate * 100).toFixed(1)}%`],
    ], months);
    state('attendance-chart', 'drawn');
  }

  async function reach() {
    const result = await api('GET', `/api/org/units/${unit.value}/reach`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const days = result.body.days;
    draw('reach-chart', {
      legend: { top: 0, data: ['关注人数', '互动次数'] },
      xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '关注人数', type: 'line', data: days.map((d) => d.attention) },
        { name: '互动次数', type: 'bar', data: days.map((d) => d.interactions) },
      ],
    });
    const total = result.body.total;
    document.getElementById('reach-total').textContent =
      `${result.body.from} 至 ${result.body.to}：关注 ${total.attention} 人，覆盖率 ${(total.coverage * 100).toFixed(1)}%，热度 ${total.heat}`;
    document.getElementById('reach-table').innerHTML = table([
      ['日期', (d) => esc(d.date)], ['关注人数', (d) => d.attention], ['互动次数', (d) => d.interactions], ['热度', (d) => d.heat],
    ], days);
    state('reach-chart', 'drawn');
  }

  async function dues() {
    const option = unit.options[unit.selectedIndex];
    const year = document.getElementById('year').value;
    const result = await api('GET', `/api/dues/report?year=${year}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const unitId = Number(unit.value);
    // A branch shows itself; a general branch every branch under it that the report holds.
    const branches = result.body.branches.filter((b) => option.dataset.kind !== 'Branch' || b.branchId === unitId);
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const fen = (b, month) => b.months.find((m) => m.month === month)?.receivedFen ?? 0;
    draw('dues-chart', {
      legend: { top: 0, data: branches.map((b) => b.name) },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.slice(5))}月`) },
      yAxis: { type: 'value', name: '元' },
      series: branches.map((b) => ({ name: b.name, type: 'bar', stack: 'dues', data: months.map((m) => fen(b, m) / 100) })),
    });
    const rows = months.map((month) => ({ month, cells: branches.map((b) => fen(b, month)) }));
    document.getElementById('dues-table').innerHTML = table([
      ['月份', (r) => esc(r.month)],
      ...branches.map((b, i) => [`${b.name}（元）`, (r) => (r.cells[i] / 100).toFixed(2)]),
      ['合计（元）', (r) => (r.cells.reduce((s, c) => s + c, 0) / 100).toFixed(2)],
    ], branches.length ? rows : [], '本年度没有党费数据');
    state('dues-chart', 'drawn');
  }

  async function development() {
    const result = await api('GET', `/api/development/units/${unit.value}/worklist`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const stages = result.body.stages;
    draw('development-chart', {
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: stages.map((s) => s.name) },
      yAxis: { type: 'value', name: '人', minInterval: 1 },
      series: [{ name: '人数', type: 'bar', data: stages.map((s) => s.count) }],
    });
    document.getElementById('development-table').innerHTML = table([
      ['阶段', (s) => esc(s.name)], ['人数', (s) => s.count],
    ], stages);
    state('development-chart', 'drawn');
  }

  function load() { attendance(); reach(); dues(); development(); }
  document.getElementById('year').value = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  unit.addEventListener('change', load);
  document.getElementById('year').addEventListener('change', dues);
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  load();
})();
