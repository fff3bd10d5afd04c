// 民主评议: the branch's rounds (GET /api/appraisals?branchId=), opening one (POST /api/appraisals), closing it
// (POST …/{id}/close) and its results (GET …/{id}/results; xlsx at …/results.xlsx). Ballots stay secret: only counts.
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime } = window.sb;
  const unit = document.getElementById('unit');
  const grades = [['Excellent', '优秀'], ['Qualified', '合格'], ['BasicallyQualified', '基本合格'], ['Unqualified', '不合格']];
  for (const option of [...unit.options]) if (option.dataset.kind !== 'Branch') option.remove();
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const form = document.getElementById('open-round');
  form.elements.title.value = `${year}年度民主评议党员`;
  form.periodStart.value = `${year}-01-01`;
  form.periodEnd.value = `${year}-12-31`;

  // Everyone on the branch roster is appraised unless the secretary unticks them.
  async function loadMembers() {
    const box = document.getElementById('appraised');
    const result = await api('GET', `/api/org/units/${unit.value}/members`);
    if (!result.ok) { box.innerHTML = ''; flash(problem(result), 'error'); return; }
    box.innerHTML = result.body.items.map((m) => `<label><input type="checkbox" name="appraised" value="${m.id}" checked> ${esc(m.name)}</label>`).join(' ');
  }

  async function load() {
    if (!unit.value) { document.getElementById('rounds').innerHTML = '<p class="empty">您没有可组织民主评议的党支部。</p>'; return; }
    loadMembers();
    const result = await api('GET', `/api/appraisals?branchId=${unit.value}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    document.getElementById('rounds').innerHTML = table([
      ['评议', (r) => esc(r.title)], ['期间', (r) => `${esc(r.periodStart)} 至 ${esc(r.periodEnd)}`],
      ['状态', (r) => (r.status === 'Open' ? '投票中' : '已结束')], ['开始', (r) => esc(chinaTime(r.openedAt))],
      ['', (r) => (r.status === 'Open'
        ? `<button type="button" data-close="${r.id}">结束投票</button>`
        : `<button type="button" class="secondary" data-results="${r.id}">查看结果</button> <a href="/api/appraisals/${r.id}/results.xlsx">导出</a>`)],
    ], result.body.items, '还没有民主评议');
  }

  document.getElementById('rounds').addEventListener('click', async (event) => {
    const close = event.target.dataset?.close;
    const results = event.target.dataset?.results;
    if (close) {
      if (!confirm('结束投票后不能再投票，确定结束？')) return;
      const result = await api('POST', `/api/appraisals/${close}/close`);
      if (!result.ok) { flash(problem(result), 'error'); return; }
      flash('投票已结束。', 'ok');
      await load();
      await show(close);
    } else if (results) {
      await show(results);
    }
  });

  async function show(id) {
    const result = await api('GET', `/api/appraisals/${id}/results`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const r = result.body;
    document.getElementById('results').innerHTML = `<h2>${esc(r.title)}</h2>
      <p>应投 ${r.voters} 人，已投 ${r.voted} 人，参评率 ${r.turnoutPercent}%</p>` + table([
      ['党员', (a) => esc(a.name)], ['票数', (a) => a.ballots],
      ...grades.map(([key, name]) => [name, (a) => (a.grades ? a.grades[key] ?? 0 : '—')]),
    ], r.appraised) + (r.nonVoters.length ? `<p class="muted">未投票：${r.nonVoters.map((n) => esc(n.name)).join('、')}</p>` : '');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api('POST', '/api/appraisals', {
      branchId: Number(unit.value), title: form.elements.title.value, periodStart: form.periodStart.value, periodEnd: form.periodEnd.value,
      appraisedMemberIds: [...form.querySelectorAll('input[name=appraised]:checked')].map((c) => Number(c.value)),
    });
    if (!result.ok) { flash(problem(result), 'error'); return; }
    flash(`已开启评议：${result.body.appraised} 名党员参评，${result.body.voters} 人有表决权。`, 'ok');
    await load();
  });

  unit.addEventListener('change', () => { document.getElementById('results').innerHTML = ''; load(); });
  load();
})();
