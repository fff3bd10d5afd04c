// 审计日志: GET /api/audit?unitId=&before=&take= (newest first); the filters apply to the pages loaded so far.
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime } = window.sb;
  const unit = document.getElementById('unit');
  const more = document.getElementById('more');
  let items = [];
  let before = null;

  async function load(reset) {
    if (reset) { items = []; before = null; }
    const result = await api('GET', `/api/audit?unitId=${unit.value}&take=100${before ? `&before=${before}` : ''}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    items.push(...result.body.items);
    before = result.body.nextBefore;
    more.hidden = !before;
    const types = [...new Set(items.map((i) => i.targetType))].sort();
    const select = document.getElementById('type');
    const chosen = select.value;
    select.innerHTML = '<option value="">全部对象</option>' + types.map((t) => `<option>${esc(t)}</option>`).join('');
    select.value = chosen;
    render();
  }

  function render() {
    const actor = document.getElementById('actor').value.trim();
    const text = document.getElementById('text').value.trim();
    const type = document.getElementById('type').value;
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    const shown = items.filter((i) => {
      const day = chinaTime(i.at).slice(0, 10);
      return (!actor || i.actorName.includes(actor)) && (!text || i.summary.includes(text) || i.action.includes(text))
        && (!type || i.targetType === type) && (!from || day >= from) && (!to || day <= to);
    });
    document.getElementById('count').textContent = `显示 ${shown.length} / 已加载 ${items.length} 条`;
    document.getElementById('log').innerHTML = table([
      ['时间', (i) => esc(chinaTime(i.at))], ['操作人', (i) => esc(i.actorName)], ['组织', (i) => esc(i.unitName)],
      ['操作', (i) => esc(i.action)], ['对象', (i) => `${esc(i.targetType)}${i.targetId ? ` #${i.targetId}` : ''}`], ['内容', (i) => esc(i.summary)],
    ], shown, '没有符合条件的记录');
  }

  for (const id of ['actor', 'text', 'type', 'from', 'to']) document.getElementById(id).addEventListener('input', render);
  more.addEventListener('click', () => load(false));
  unit.addEventListener('change', () => load(true));
  load(true);
})();
