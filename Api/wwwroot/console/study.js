// 学习教育: the selected unit's assignments (GET /api/study/assignments, those the member manages), an assignment's
// completion (GET /api/study/assignments/{id}/completion: finished / in progress / not started, by state then name,
// never ranked) with the reminder to those not finished (POST …/remind), the unit's materials
// (GET /api/study/materials), and the branch's yearly hours (GET /api/study/branches/{id}/hours?year=&format=xlsx).
'use strict';
(function () {
  const { api, problem, flash, esc, table, all } = window.sb;
  const unit = document.getElementById('unit');
  const year = document.getElementById('year');
  const states = { Finished: '已完成', InProgress: '学习中', NotStarted: '未开始' };
  const kinds = { Text: '图文', Audio: '音频', Video: '视频', Pdf: 'PDF' };
  const visibilities = { Public: '公开', Internal: '本组织', Committee: '仅支委' };
  const statuses = { PendingApproval: '待审核', Published: '已发布', Withdrawn: '已撤回' };
  let current = null;

  if (!year.value) year.value = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

  function hoursLink() {
    const link = document.getElementById('hours-xlsx');
    const branch = unit.selectedOptions[0]?.dataset.kind === 'Branch';
    link.hidden = !branch;
    link.href = branch ? `/api/study/branches/${unit.value}/hours?year=${year.value}&format=xlsx` : '#';
    document.getElementById('hours-hint').textContent = branch ? '' : '年度学时按党支部导出，请选择一个党支部。';
  }

  async function load() {
    hoursLink();
    document.getElementById('completion-card').hidden = true;
    current = null;
    if (!unit.value) { document.getElementById('assignments').innerHTML = '<p class="empty">您没有可管理的组织。</p>'; return; }
    const unitId = Number(unit.value);
    let assignments;
    let materials;
    try {
      [assignments, materials] = await Promise.all([all('/api/study/assignments'), all('/api/study/materials')]);
    } catch (error) {
      flash(error.message, 'error');
      return;
    }
    const titles = new Map(materials.map((m) => [m.id, m.title]));
    document.getElementById('assignments').innerHTML = table([
      ['任务', (a) => esc(a.title)],
      ['资料', (a) => esc(a.materialIds.map((id) => titles.get(id) ?? `#${id}`).join('、'))],
      ['截止日期', (a) => esc(a.dueOn)],
      ['', (a) => `<button type="button" data-completion="${a.id}">完成情况</button>`],
    ], assignments.filter((a) => a.manageable && a.unitId === unitId), '本组织没有学习任务');
    document.getElementById('materials').innerHTML = table([
      ['标题', (m) => esc(m.title)],
      ['专题', (m) => esc(m.topic)],
      ['形式', (m) => esc(kinds[m.kind] ?? m.kind)],
      ['范围', (m) => esc(visibilities[m.visibility] ?? m.visibility)],
      ['状态', (m) => esc(statuses[m.status] ?? m.status)],
      ['学时', (m) => esc(m.hours)],
    ], materials.filter((m) => m.unitId === unitId), '本组织没有发布学习资料');
  }

  async function showCompletion(id) {
    const result = await api('GET', `/api/study/assignments/${id}/completion`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const c = result.body;
    current = c.id;
    document.getElementById('completion-card').hidden = false;
    document.getElementById('completion-title').textContent = `完成情况：${c.title}（截止 ${c.dueOn}）`;
    document.getElementById('completion-figures').innerHTML = `<div class="figures">
      <span>应学 <b data-testid="assigned">${c.assigned}</b> 人</span>
      <span>已完成 <b data-testid="finished">${c.finished}</b></span>
      <span>学习中 <b data-testid="in-progress">${c.inProgress}</b></span>
      <span>未开始 <b data-testid="not-started">${c.notStarted}</b></span></div>`;
    document.getElementById('completion').innerHTML = table([
      ['姓名', (m) => esc(m.name)],
      ['状态', (m) => `<span class="state${m.state === 'Finished' ? '' : ' bad'}">${esc(states[m.state] ?? m.state)}</span>`],
      ['已完成资料', (m) => `${m.completedMaterials} / ${c.materialCount}`],
    ], c.members, '没有应学党员');
  }

  document.getElementById('assignments').addEventListener('click', (event) => {
    const id = Number(event.target.dataset?.completion);
    if (id) showCompletion(id);
  });

  document.getElementById('remind').addEventListener('click', async () => {
    if (!current) return;
    const result = await api('POST', `/api/study/assignments/${current}/remind`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    flash(`已提醒 ${result.body.reminded} 名未完成的党员。`, 'ok');
  });

  unit.addEventListener('change', load);
  year.addEventListener('change', hoursLink);
  load();
})();
