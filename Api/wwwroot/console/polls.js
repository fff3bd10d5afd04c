// 投票: the unit's polls with live results (GET /api/polls?targetKind=Unit&targetId=), starting one (POST /api/polls)
// and ending one early (POST /api/polls/{id}/close). Names of voters only for polls that are not anonymous.
'use strict';
(function () {
  const { api, problem, flash, esc, chinaTime } = window.sb;
  const unit = document.getElementById('unit');
  const form = document.getElementById('new-poll');
  // The API needs a closing time; a week from now unless the secretary picks one (China time).
  const inAWeek = () => new Date(Date.now() + 8 * 3600_000 + 7 * 86400_000).toISOString().slice(0, 16);
  form.closesAt.value = inAWeek();

  async function load() {
    const result = await api('GET', `/api/polls?targetKind=Unit&targetId=${unit.value}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const polls = result.body.items;
    document.getElementById('polls').innerHTML = polls.length ? polls.map((p) => {
      const total = Math.max(1, p.options.reduce((s, o) => s + o.votes, 0));
      return `<div class="card poll" data-testid="poll">
        <h2>${esc(p.question)} <span class="muted">${p.multipleChoice ? '多选' : '单选'}${p.anonymous ? ' · 匿名' : ''} · ${p.open ? `截止 ${esc(chinaTime(p.closesAt))}` : '已结束'} · ${p.voters} 人已投</span></h2>
        <table class="grid"><thead><tr><th>选项</th><th>票数</th><th>占比</th><th>投票人</th></tr></thead><tbody>
        ${p.options.map((o) => `<tr><td>${esc(o.text)}</td><td>${o.votes}</td><td>${Math.round((o.votes * 100) / total)}%</td><td>${o.voters ? o.voters.map(esc).join('、') : '—'}</td></tr>`).join('')}
        </tbody></table>
        ${p.open ? `<p><button type="button" class="secondary" data-close="${p.id}">结束投票</button></p>` : ''}</div>`;
    }).join('') : '<p class="empty">还没有投票</p>';
  }

  document.getElementById('polls').addEventListener('click', async (event) => {
    const id = event.target.dataset?.close;
    if (!id) return;
    const result = await api('POST', `/api/polls/${id}/close`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    flash('投票已结束。', 'ok');
    await load();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const options = form.options.value.split('\n').map((o) => o.trim()).filter(Boolean);
    const closesAt = `${form.closesAt.value || inAWeek()}:00+08:00`;
    const result = await api('POST', '/api/polls', {
      targetKind: 'Unit', targetId: Number(unit.value), question: form.question.value, options,
      multipleChoice: form.multipleChoice.checked, anonymous: form.anonymous.checked, closesAt,
    });
    if (!result.ok) { flash(problem(result), 'error'); return; }
    flash('投票已发起。', 'ok');
    form.reset();
    form.closesAt.value = inAWeek();
    await load();
  });

  unit.addEventListener('change', load);
  load();
})();
