// 党员名册: GET /api/org/units/{id}/members, PUT /api/members/{id}, POST /api/members/{id}/status,
// POST /api/org/units/{id}/members/import?dryRun=, GET /api/org/units/{id}/members/export.
'use strict';
(function () {
  const { api, problem, flash, esc, table } = window.sb;
  const unit = document.getElementById('unit');
  const search = document.getElementById('search');
  const archived = document.getElementById('archived');
  const list = document.getElementById('members');
  const STATUS = { Full: '正式党员', Probationary: '预备党员' };
  let members = [];
  let current = null;

  async function load() {
    const result = await api('GET', `/api/org/units/${unit.value}/members${archived.checked ? '?archived=true' : ''}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    members = result.body.items;
    document.getElementById('export-xlsx').href = `/api/org/units/${unit.value}/members/export?format=xlsx`;
    document.getElementById('export-csv').href = `/api/org/units/${unit.value}/members/export?format=csv`;
    render();
  }

  function render() {
    const q = search.value.trim();
    const shown = members.filter((m) => !q || [m.name, m.number, m.phone].some((v) => (v ?? '').includes(q)));
    document.getElementById('count').textContent = `共 ${shown.length} 人`;
    list.innerHTML = table([
      ['姓名', (m) => esc(m.name)],
      ['学工号', (m) => esc(m.number)],
      ['支部 / 党小组', (m) => esc(m.branch.name) + (m.partyGroup ? ` / ${esc(m.partyGroup.name)}` : '')],
      ['状态', (m) => esc(STATUS[m.status] ?? m.status ?? '')],
      ['手机号', (m) => esc(m.phone)],
      ['职务', (m) => esc(m.roles.map((r) => r.roleName).join('、'))],
      ['微信', (m) => (m.isBound ? '已绑定' : '未绑定')],
      ['操作', (m) => `<button class="secondary" data-edit="${m.id}">编辑</button> <button class="secondary" data-status="${m.id}">状态变动</button>`],
    ], shown, '没有符合条件的党员');
  }

  async function groups() {
    const result = await api('GET', `/api/org/units/${unit.value}`);
    const children = result.ok ? (result.body.children ?? []).filter((c) => c.kind === 'PartyGroup') : [];
    return [['', '（无）'], ...children.map((c) => [c.id, c.name])];
  }

  list.addEventListener('click', async (e) => {
    const id = Number(e.target.dataset.edit || e.target.dataset.status);
    if (!id) return;
    current = members.find((m) => m.id === id);
    if (e.target.dataset.edit) {
      const form = document.getElementById('edit-form');
      const options = await groups();
      form.partyGroupId.innerHTML = options.map(([v, t]) => `<option value="${v}">${esc(t)}</option>`).join('');
      for (const key of ['name', 'number', 'phone', 'status', 'admittedOn', 'fullSince']) form[key].value = current[key] ?? '';
      form.partyGroupId.value = current.partyGroup?.id ?? '';
      document.getElementById('edit').showModal();
    } else {
      const history = await api('GET', `/api/members/${id}/status`);
      document.getElementById('status-history').innerHTML = history.ok
        ? table([['变动', (s) => esc(s.changeName)], ['日期', (s) => esc(s.occurredOn)], ['原因', (s) => esc(s.reason)], ['记录人', (s) => esc(s.recordedBy)]], history.body.items)
        : esc(problem(history));
      document.getElementById('status').showModal();
    }
  });

  document.getElementById('edit').addEventListener('close', async (e) => {
    if (e.target.returnValue !== 'save') return;
    const f = document.getElementById('edit-form');
    const body = {
      name: f.name.value, number: f.number.value, phone: f.phone.value || null, status: f.status.value,
      admittedOn: f.admittedOn.value || null, fullSince: f.fullSince.value || null, partyGroupId: f.partyGroupId.value ? Number(f.partyGroupId.value) : null,
    };
    const result = await api('PUT', `/api/members/${current.id}`, body);
    flash(result.ok ? `已保存 ${body.name}` : problem(result), result.ok ? 'ok' : 'error');
    if (result.ok) load();
  });

  document.getElementById('status').addEventListener('close', async (e) => {
    if (e.target.returnValue !== 'save') return;
    const f = document.getElementById('status-form');
    const body = { change: f.change.value, occurredOn: f.occurredOn.value || null, reason: f.reason.value, resolutionId: null, extendedTo: f.extendedTo.value || null };
    const result = await api('POST', `/api/members/${current.id}/status`, body);
    flash(result.ok ? `已记录 ${current.name} 的状态变动` : problem(result), result.ok ? 'ok' : 'error');
    if (result.ok) load();
  });

  document.getElementById('import').addEventListener('submit', async (e) => {
    e.preventDefault();
    const dry = e.submitter?.value === 'dry';
    const out = document.getElementById('import-result');
    const form = new FormData(e.target);
    const result = await api('POST', `/api/org/units/${unit.value}/members/import?dryRun=${dry}`, form);
    if (result.ok) {
      const r = result.body;
      out.innerHTML = `<p class="flash ok">${dry ? '检查通过：' : '导入完成：'}共 ${r.rows} 行，新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}。</p>`;
      if (!dry) load();
      return;
    }
    const rows = result.body?.rows ?? [];
    out.innerHTML = `<p class="flash error">${esc(problem(result))}</p>` + (rows.length
      ? `<table class="grid row-errors" data-testid="row-errors"><thead><tr><th>行号</th><th>错误</th></tr></thead><tbody>${
        rows.map((r) => `<tr><td>第 ${r.row} 行</td><td>${esc(r.reasons.join('；'))}</td></tr>`).join('')}</tbody></table>`
      : '');
  });

  unit.addEventListener('change', load);
  archived.addEventListener('change', load);
  search.addEventListener('input', render);
  load();
})();
