// 发展党员: the worklist of a branch (or of every branch of a general branch) on a day
// (GET /api/development/units/{id}/worklist?on=): overdue tasks, tasks due this month, counts by stage opening into
// names; reminding the owners (POST …/reminders); the ledger's export (GET …/ledger?format=xlsx) and import
// (POST …/ledger?dryRun=, checked first, every bad row listed). The rules are the API's; the page only shows them.
'use strict';
(function () {
  const { api, problem, flash, esc, table } = window.sb;
  const unit = document.getElementById('unit');
  const on = document.getElementById('on');
  const owners = { Committee: '支部委员会', Contacts: '培养联系人', Applicant: '本人' };
  const tasks = { FirstTalk: '入党谈话', Observation: '培养考察', ThoughtReport: '思想汇报', UpperApproval: '上级党委审批', Confirmation: '预备党员转正' };

  if (!on.value) on.value = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  const taskColumns = (general) => [
    ['姓名', (t) => `${esc(t.name)} <span class="muted">${esc(t.number)}</span>`],
    ...(general ? [['支部', (t) => esc(t.branchName)]] : []),
    ['事项', (t) => `${esc(t.taskName)}${t.missing ? ` <span class="state bad">缺 ${t.missing} 次</span>` : ''}`],
    ['到期日', (t) => esc(t.dueOn)],
    ['负责', (t) => esc(`${owners[t.owner] ?? t.owner}${t.ownerNames?.length ? `：${t.ownerNames.join('、')}` : ''}`)],
  ];

  async function load() {
    document.getElementById('unreached').innerHTML = '';
    if (!unit.value) { document.getElementById('overdue').innerHTML = '<p class="empty">您没有可管理的组织。</p>'; return; }
    document.getElementById('ledger-xlsx').href = `/api/development/units/${unit.value}/ledger?format=xlsx`;
    const result = await api('GET', `/api/development/units/${unit.value}/worklist?on=${on.value}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const w = result.body;
    const general = unit.selectedOptions[0]?.dataset.kind !== 'Branch';
    document.getElementById('overdue').innerHTML = table(taskColumns(general), w.overdue, '没有逾期事项');
    document.getElementById('due').innerHTML = table(taskColumns(general), w.dueThisMonth, '本月没有到期事项');
    document.getElementById('stages').innerHTML = w.stages.length
      ? w.stages.map((s) => `<details data-stage="${esc(s.stage)}"><summary>${esc(s.name)} <b>${s.count}</b> 人</summary>${
        s.people.length ? `<p>${s.people.map((p) => `${esc(p.name)}（${esc(p.number)}${general ? `，${esc(p.branchName)}` : ''}）`).join('、')}</p>` : '<p class="empty">无</p>'}</details>`).join('')
      : '<p class="empty">暂无发展对象记录</p>';
  }

  document.getElementById('remind').addEventListener('click', async () => {
    if (!unit.value) return;
    const result = await api('POST', `/api/development/units/${unit.value}/reminders`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const r = result.body;
    flash(`已安排 ${r.scheduled} 条提醒（同一到期日已提醒过的不再重复）。`, 'ok');
    document.getElementById('unreached').innerHTML = r.unreached.length
      ? `<h2>无法通过系统提醒（尚未成为党员，请支部书记当面告知）</h2>${table([
        ['姓名', (u) => esc(u.name)], ['事项', (u) => esc(tasks[u.kind] ?? u.kind)], ['负责', (u) => esc(owners[u.owner] ?? u.owner)],
      ], r.unreached)}`
      : '';
  });

  document.getElementById('ledger-import').addEventListener('submit', async (e) => {
    e.preventDefault();
    const dry = e.submitter?.value === 'dry';
    const out = document.getElementById('ledger-result');
    if (unit.selectedOptions[0]?.dataset.kind !== 'Branch') { out.innerHTML = '<p class="flash error">发展党员台账按党支部导入，请先选择一个党支部。</p>'; return; }
    const result = await api('POST', `/api/development/units/${unit.value}/ledger?dryRun=${dry}`, new FormData(e.target));
    if (result.ok) {
      const r = result.body;
      out.innerHTML = `<p class="flash ok">${dry ? '检查通过：' : '导入完成：'}共 ${r.rows} 行，${dry ? '将新增' : '新增'} ${r.created} 人。${dry ? '确认无误后请点“导入”。' : ''}</p>`;
      if (!dry) load();
      return;
    }
    const rows = result.body?.rows ?? [];
    out.innerHTML = `<p class="flash error">${esc(problem(result))}</p>` + (rows.length
      ? `<table class="grid row-errors" data-testid="ledger-row-errors"><thead><tr><th>行号</th><th>错误</th></tr></thead><tbody>${
        rows.map((r) => `<tr><td>第 ${r.row} 行</td><td>${esc(r.reasons.join('；'))}</td></tr>`).join('')}</tbody></table>`
      : '');
  });

  unit.addEventListener('change', load);
  on.addEventListener('change', load);
  load();
})();
