// 绑定邀请码: POST /api/org/units/{id}/invitations (one per code), GET /api/invitations/{id}/qrcode, POST /api/invitations/{id}/revoke.
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime } = window.sb;
  const unit = document.getElementById('unit');
  const sheet = document.getElementById('sheet');
  const STATE = { Active: '有效', Used: '已使用', Expired: '已过期', Revoked: '已作废' };

  async function list() {
    const result = await api('GET', `/api/org/units/${unit.value}/invitations`);
    document.getElementById('list').innerHTML = result.ok ? table([
      ['编号', (i) => i.id], ['类型', (i) => (i.singleUse ? '一人一码' : '多人共用')], ['使用次数', (i) => i.useCount],
      ['创建', (i) => `${esc(chinaTime(i.createdAt))} ${esc(i.createdBy)}`], ['有效期至', (i) => esc(chinaTime(i.expiresAt))],
      ['状态', (i) => esc(STATE[i.state] ?? i.state)],
      ['', (i) => (i.state === 'Active' ? `<button class="secondary" data-revoke="${i.id}">作废</button>` : '')],
    ], result.body.items, '尚未发放邀请码') : esc(problem(result));
  }

  document.getElementById('create').addEventListener('click', async () => {
    const count = Math.min(60, Math.max(1, Number(document.getElementById('count').value) || 1));
    const single = document.getElementById('single').checked;
    const branch = unit.options[unit.selectedIndex].text;
    const made = [];
    for (let i = 0; i < count; i++) {
      const result = await api('POST', `/api/org/units/${unit.value}/invitations`, { singleUse: single });
      if (!result.ok) { flash(problem(result), 'error'); break; }
      made.push(result.body);
      if (!single) break; // one shared code is enough
    }
    sheet.innerHTML = made.map((inv) => `<figure><img src="${esc(inv.qrCodeUrl)}" alt="邀请码 ${inv.id}"><figcaption>${esc(branch)} · 绑定邀请码 No.${inv.id}<br>有效期至 ${esc(chinaTime(inv.expiresAt))}</figcaption></figure>`).join('');
    if (made.length) flash(`已生成 ${made.length} 个邀请码，可直接打印。`, 'ok');
    list();
  });

  document.getElementById('list').addEventListener('click', async (e) => {
    if (!e.target.dataset.revoke) return;
    const result = await api('POST', `/api/invitations/${e.target.dataset.revoke}/revoke`);
    flash(result.ok ? '已作废' : problem(result), result.ok ? 'ok' : 'error');
    list();
  });

  document.getElementById('print').addEventListener('click', () => window.print());
  unit.addEventListener('change', list);
  list();
})();
