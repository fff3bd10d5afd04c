// 审计日志: GET /api/audit?unitId=&actor=&action=&targetType=&text=&from=&to=&limit=&cursor= ({ items, nextCursor },
// newest first). The filters are applied by the server before paging, so "加载更早的记录" continues the same
// filtered list; a refused filter (a malformed date, from after to) shows the API's Chinese message.
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime } = window.sb;
  const unit = document.getElementById('unit');
  const form = document.getElementById('filters');
  const more = document.getElementById('more');
  // Domain/Common/SubjectTypes.cs
  const types = {
    member: '党员', unit: '组织', appointment: '任职', invitation: '绑定邀请', transfer: '组织关系转接', notice: '通知',
    meeting: '会议', minutes: '会议记录', leave: '请假', meeting_cadence: '会议频次', activity: '活动', brand: '品牌',
    story: '先锋事迹', screen_link: '大屏链接', dues: '党费', mailbox: '书记信箱', appraisal: '民主评议', poll: '投票',
    wall: '留言墙', study_material: '学习资料', study_assignment: '学习任务', development: '发展党员', publicity: '公示',
  };
  const PAGE = 50;
  let items = [];
  let cursor = null;
  let query = '';

  document.getElementById('type').insertAdjacentHTML('beforeend',
    Object.entries(types).map(([value, label]) => `<option value="${value}">${esc(label)}</option>`).join(''));

  function filters() {
    const params = new URLSearchParams({ unitId: unit.value });
    for (const name of ['actor', 'action', 'targetType', 'text', 'from', 'to']) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    return params.toString();
  }

  async function load(reset) {
    if (!unit.value) { document.getElementById('log').innerHTML = '<p class="empty">您没有可管理的组织。</p>'; return; }
    if (reset) { items = []; cursor = null; query = filters(); }
    const result = await api('GET', `/api/audit?${query}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    document.getElementById('flash').hidden = true;
    items.push(...result.body.items);
    cursor = result.body.nextCursor;
    more.hidden = !cursor;
    document.getElementById('count').textContent = cursor ? `已显示 ${items.length} 条，还有更早的记录` : `共 ${items.length} 条`;
    document.getElementById('log').innerHTML = table([
      ['时间', (i) => esc(chinaTime(i.at))], ['操作人', (i) => esc(i.actorName)], ['组织', (i) => esc(i.unitName)],
      ['操作', (i) => esc(i.action)], ['对象', (i) => `${esc(types[i.targetType] ?? i.targetType)}${i.targetId ? ` #${i.targetId}` : ''}`], ['内容', (i) => esc(i.summary)],
    ], items, '没有符合条件的记录');
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); load(true); });
  more.addEventListener('click', () => load(false));
  unit.addEventListener('change', () => load(true));
  load(true);
})();
