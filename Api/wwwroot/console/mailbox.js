// 书记信箱: messages the signed-in member answers (GET /api/mailbox?status=&overdueOnly=&cursor=, every page), overdue and escalated ones
// flagged, answered with POST /api/mailbox/{id}/answer { text } (the writer is reminded). Anonymous writers stay anonymous.
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime } = window.sb;
  const categories = { Suggestion: '意见建议', Question: '咨询', Difficulty: '困难帮扶', Report: '问题反映' };
  const states = { Open: '待答复', Answered: '已答复', Resolved: '已解决' };
  const status = document.getElementById('status');
  const overdueOnly = document.getElementById('overdue-only');
  const dialog = document.getElementById('answer-dialog');
  let items = [];

  async function load() {
    const query = new URLSearchParams();
    if (status.value) query.set('status', status.value);
    if (overdueOnly.checked) query.set('overdueOnly', 'true');
    const result = await api('GET', `/api/mailbox?${query}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    // The figures come with every page; the table shows every page (20 a page, following nextCursor).
    const shown = [...result.body.items];
    for (let cursor = result.body.nextCursor; cursor;) {
      query.set('cursor', cursor);
      const next = await api('GET', `/api/mailbox?${query}`);
      if (!next.ok) { flash(problem(next), 'error'); return; }
      shown.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    items = shown;
    document.getElementById('mailbox-figures').innerHTML =
      `<div class="figures"><span>逾期未答复 <b data-testid="overdue">${result.body.overdue}</b></span><span>已上报党总支 <b>${result.body.escalated}</b></span><span>列表 <b>${items.length}</b></span></div>`;
    document.getElementById('messages').innerHTML = table([
      ['来信时间', (m) => esc(chinaTime(m.sentAt))],
      ['类别', (m) => esc(categories[m.category] ?? m.category)],
      ['来信人', (m) => (m.anonymous ? '匿名' : esc(`${m.author?.name ?? ''}（${m.author?.branchName ?? ''}）`))],
      ['内容', (m) => `<pre>${esc(m.text)}</pre>${m.replies.map((r) => `<div class="hint">${esc(r.answeredBy)} ${esc(chinaTime(r.answeredAt))} 答复：${esc(r.text)}</div>`).join('')}`],
      ['状态', (m) => `${esc(states[m.status] ?? m.status)}${m.overdue ? ' <span class="state bad">逾期</span>' : ''}${m.escalated ? ' <span class="state bad">已上报</span>' : ''}`],
      ['答复期限', (m) => esc(chinaTime(m.replyDueAt))],
      ['', (m) => (m.status === 'Resolved' ? '' : `<button type="button" data-answer="${m.id}">答复</button>`)],
    ], items, '没有需要答复的来信');
  }

  document.getElementById('messages').addEventListener('click', (event) => {
    const id = Number(event.target.dataset?.answer);
    if (!id) return;
    const message = items.find((m) => m.id === id);
    document.getElementById('answer-id').value = id;
    document.getElementById('answer-original').textContent = message.text;
    document.getElementById('answer-text').value = '';
    dialog.showModal();
  });

  document.getElementById('answer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = document.getElementById('answer-id').value;
    const result = await api('POST', `/api/mailbox/${id}/answer`, { text: document.getElementById('answer-text').value });
    if (!result.ok) { flash(problem(result), 'error'); return; }
    dialog.close();
    flash('已答复，来信人会收到提醒。', 'ok');
    await load();
  });
  document.getElementById('answer-cancel').addEventListener('click', () => dialog.close());

  status.addEventListener('change', load);
  overdueOnly.addEventListener('change', load);
  load();
})();
