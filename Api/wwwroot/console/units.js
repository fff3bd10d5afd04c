// 组织与任职: GET /api/org/units/{id}, GET …/members, POST …/appointments, DELETE /api/appointments/{id}, POST /api/org/units.
'use strict';
(function () {
  const { api, problem, flash, esc, table } = window.sb;
  const picker = document.getElementById('unit');
  const KIND = { GeneralBranch: '党总支', Branch: '党支部', PartyGroup: '党小组' };
  let unitId = Number(picker.value);

  async function load() {
    // The member list belongs to the unit shown: empty it first, so nobody picks from the previous unit's list while
    // this one loads (the pick would be lost, or go to a member outside this unit, when the new list arrives).
    document.querySelector('#appoint [name=memberId]').innerHTML = '';
    const result = await api('GET', `/api/org/units/${unitId}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const u = result.body;
    document.getElementById('unit-card').innerHTML =
      `<h2>${esc(u.name)} <span class="muted">${KIND[u.kind] ?? ''}</span></h2>` +
      `<p>在册党员 ${u.memberCount} 人${u.parent ? `，上级：<a href="#" data-unit="${u.parent.id}">${esc(u.parent.name)}</a>` : ''}</p>` +
      (u.warnings.length ? `<ul class="flash error">${u.warnings.map((w) => `<li>${esc(w.message ?? w.detail ?? w.code)}</li>`).join('')}</ul>` : '');
    document.getElementById('committee').innerHTML = table([
      ['职务', (s) => esc(s.roleName)], ['姓名', (s) => esc(s.memberName)], ['任期', (s) => `${esc(s.startsOn)} 至 ${esc(s.endsOn)}`],
      ['', (s) => `<button class="secondary" data-end="${s.appointmentId}">结束任期</button>`],
    ], u.committee, '暂无在任人员');
    document.getElementById('children').innerHTML = table([
      ['名称', (c) => `<a href="#" data-unit="${c.id}">${esc(c.name)}</a>`], ['类型', (c) => KIND[c.kind] ?? c.kind],
    ], u.children, '没有下级组织');
    document.getElementById('add-child').hidden = u.kind !== 'Branch';
    // Only the roles held in this kind of unit: a 党小组长 in a party group, committee roles in a branch (the API refuses others).
    const roles = document.querySelector('#appoint [name=role]');
    for (const option of roles.options) option.hidden = option.disabled = option.dataset.kind !== u.kind;
    if (roles.selectedOptions[0]?.disabled) roles.value = [...roles.options].find((o) => !o.disabled)?.value ?? '';
    const members = await api('GET', `/api/org/units/${unitId}/members`);
    const select = document.querySelector('#appoint [name=memberId]');
    select.innerHTML = members.ok ? members.body.items.map((m) => `<option value="${m.id}">${esc(m.name)}（${esc(m.number ?? '')}）</option>`).join('') : '';
  }

  document.body.addEventListener('click', async (e) => {
    if (e.target.dataset.unit) { e.preventDefault(); unitId = Number(e.target.dataset.unit); load(); }
    if (e.target.dataset.end) {
      if (!confirm('确定结束该任期？结束后其权限立即失效。')) return;
      const result = await api('DELETE', `/api/appointments/${e.target.dataset.end}`);
      flash(result.ok ? '已结束任期' : problem(result), result.ok ? 'ok' : 'error');
      load();
    }
  });

  document.getElementById('appoint').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const result = await api('POST', `/api/org/units/${unitId}/appointments`, {
      memberId: Number(f.memberId.value), role: f.role.value, startsOn: f.startsOn.value || null, endsOn: f.endsOn.value || null,
    });
    flash(result.ok ? `已任命 ${result.body.memberName} 为${result.body.roleName}` : problem(result), result.ok ? 'ok' : 'error');
    if (result.ok) load();
  });

  document.getElementById('add-child').addEventListener('submit', async (e) => {
    e.preventDefault();
    const result = await api('POST', '/api/org/units', { name: e.target.name.value, kind: 'PartyGroup', parentId: unitId });
    flash(result.ok ? '已新建党小组' : problem(result), result.ok ? 'ok' : 'error');
    if (result.ok) { e.target.reset(); load(); }
  });

  picker.addEventListener('change', () => { unitId = Number(picker.value); load(); });
  load();
})();
