// 通知公告: POST /api/notices (Idempotency-Key), GET /api/notices, GET /api/notices/{id}/recipients?state=unread,
// POST /api/notices/{id}/remind-unread. The body is Quill's HTML; the API sanitises it (NoticeHtml) as for every client.
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime, all } = window.sb;
  const editor = new Quill('#editor', {
    theme: 'snow',
    modules: { toolbar: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['link'], ['clean']] },
  });
  const VIS = { Public: '公开', Internal: '党内', Committee: '支委' };
  let openId = null;
  let timer = null;

  async function list() {
    let items;
    try { items = await all('/api/notices?limit=50'); } catch (err) { flash(err.message, 'error'); return; }
    document.getElementById('notices').innerHTML = table([
      ['标题', (n) => `<a href="#" data-open="${n.id}">${esc(n.title)}</a>${n.pinned ? ' <span class="muted">置顶</span>' : ''}`],
      ['发布单位', (n) => esc(n.unitName)], ['级别', (n) => VIS[n.visibility] ?? n.visibility],
      ['发布时间', (n) => esc(chinaTime(n.publishedAt))], ['签收', (n) => (n.requiresAck ? '需要' : '')],
    ], items, '暂无通知');
  }

  async function figures() {
    clearTimeout(timer);
    if (!openId) return;
    const box = document.getElementById('figures');
    const result = await api('GET', `/api/notices/${openId}/recipients?state=unread`);
    if (!result.ok) { box.innerHTML = `<p class="flash error">${esc(problem(result))}</p>`; return; }
    const f = result.body.figures;
    box.innerHTML =
      `<div class="figures"><span>对象 <b data-testid="audience">${f.audience}</b></span><span>已读 <b data-testid="read-count">${f.read}</b></span>` +
      `<span>未读 <b data-testid="unread-count">${f.unread}</b></span>${f.notAcked !== null ? `<span>已签收 <b>${f.acked}</b></span><span>未签收 <b>${f.notAcked}</b></span>` : ''}</div>` +
      `<h2>未读名单</h2>` + table([['姓名', (m) => esc(m.name)], ['学工号', (m) => esc(m.number)], ['支部', (m) => esc(m.branchName)]], result.body.members, '全部已读') +
      (f.unread > 0 ? '<p><button id="remind" data-testid="remind">提醒未读的人</button></p>' : '');
    timer = setTimeout(figures, 5000); // the figures follow the readers while the notice is open
  }

  document.getElementById('notices').addEventListener('click', (e) => {
    if (!e.target.dataset.open) return;
    e.preventDefault();
    openId = Number(e.target.dataset.open);
    figures();
  });

  document.getElementById('figures').addEventListener('click', async (e) => {
    if (e.target.id !== 'remind') return;
    const result = await api('POST', `/api/notices/${openId}/remind-unread`);
    flash(result.ok ? `已提醒 ${result.body.reminded} 人` : problem(result), result.ok ? 'ok' : 'error');
  });

  document.getElementById('post').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const body = {
      title: f.title.value,
      body: editor.root.innerHTML,
      visibility: f.visibility.value,
      audience: { unitIds: [...f.querySelectorAll('[name=unitIds]:checked')].map((c) => Number(c.value)), memberIds: [] },
      requiresAck: f.requiresAck.checked,
      pinned: f.pinned.checked,
      confirmNotClassified: f.confirmNotClassified.checked,
    };
    const result = await api('POST', '/api/notices', body, { idempotent: true });
    if (!result.ok) { flash(problem(result), 'error'); return; }
    flash(result.body.status === 'Published' ? `已发布，共 ${result.body.recipientCount} 人` : '已提交，等待审核', 'ok');
    f.reset();
    editor.setText('');
    openId = result.body.id;
    await list();
    figures();
  });

  list();
})();
