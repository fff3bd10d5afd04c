// 会议: POST /api/meetings (Idempotency-Key), GET /api/meetings?scope=&unitId=&cursor= (the chosen unit's meetings, filtered by
// the server, 20 a page; "更多" follows nextCursor with the same scope and unit),
// GET /api/meetings/{id}, …/attendance, …/attendance-sheet (PDF), POST /api/leave-requests/{id}/approve|reject (请假),
// POST …/attendees/{memberId}/check-in (签到 by hand), GET/PUT …/minutes (published only once the meeting has started),
// POST …/resolutions, GET /api/org/units/{id}/compliance, and GET /api/org/units for the party groups a 党小组会 can be held by.
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime, all } = window.sb;
  const unit = document.getElementById('unit');
  const scope = document.getElementById('scope');
  const STATUS = { Scheduled: '已安排', Held: '已召开', Cancelled: '已取消', InProgress: '进行中' };
  const LEAVE = { Pending: '待审批', Approved: '已批准', Rejected: '已驳回' };
  const more = document.getElementById('more');
  const detail = document.getElementById('detail');
  let openId = null;
  let shown = []; // the meetings of the pages loaded so far
  let cursor = null;
  let listing = 0; // the latest list load; an older answer arriving late is dropped
  let revisions = [];

  const schedule = document.getElementById('schedule');
  const group = document.getElementById('group');
  let groups = []; // the open party groups the member may manage: { id, name, path (ids of the units above) }

  /** "2026-03-02T09:00" typed as China time → ISO instant. */
  const fromChina = (local) => new Date(`${local}:00+08:00`).toISOString();

  /** The first page of the scope and unit (reset), or the next page appended ("更多", same scope and unit). */
  async function list(reset = true) {
    const generation = reset ? ++listing : listing;
    const from = reset ? null : cursor;
    // The server keeps the chosen unit's meetings (a branch: its own and its party groups'; a general branch: its
    // branches'), so every page but the last is full.
    const result = await api('GET', `/api/meetings?scope=${scope.value}&unitId=${encodeURIComponent(unit.value)}${from ? `&cursor=${encodeURIComponent(from)}` : ''}`);
    if (generation !== listing) return;
    if (!result.ok) { flash(problem(result), 'error'); return; }
    shown = reset ? result.body.items : shown.concat(result.body.items);
    cursor = result.body.nextCursor;
    more.hidden = !cursor;
    document.getElementById('meetings').innerHTML = table([
      ['时间', (m) => esc(chinaTime(m.startsAt))], ['类型', (m) => esc(m.typeName)],
      ['主题', (m) => `<a href="#" data-open="${m.id}">${esc(m.topic)}</a>`], ['状态', (m) => esc(STATUS[m.status] ?? m.status)],
    ], shown, '暂无会议');
  }

  async function open(id) {
    openId = id;
    const [answer, roll, minutes] = await Promise.all([
      api('GET', `/api/meetings/${id}`), api('GET', `/api/meetings/${id}/attendance`), api('GET', `/api/meetings/${id}/minutes`),
    ]);
    const box = detail;
    box.hidden = false;
    if (!answer.ok) { box.innerHTML = esc(problem(answer)); return; }
    const m = answer.body;
    const r = roll.ok ? roll.body : null;
    const organize = m.canOrganize && m.status !== 'Cancelled';
    const noteMax = Number(box.dataset.noteMax);
    // Checking in by hand is offered once check-in opens (an hour before the start, as the members' own check-in):
    // a record before that would count the meeting as held.
    const checkInOpen = Date.now() >= new Date(m.startsAt).getTime() - 3600_000;
    box.innerHTML = `<h2>${esc(m.typeName)}：${esc(m.topic)}</h2>` +
      `<p>${esc(m.unitName)} · ${esc(chinaTime(m.startsAt))} — ${esc(chinaTime(m.endsAt))} · ${esc(m.place ?? m.onlineLink ?? '')} · 召集人 ${esc(m.convener.name)}</p>` +
      (r ? `<div class="figures"><span>应到 <b>${r.expected}</b></span><span>出席 <b>${r.present}</b></span><span>迟到 <b>${r.late}</b></span><span>请假 <b>${r.onLeave}</b></span><span>缺席 <b>${r.absent}</b></span>` +
        (r.quorum ? `<span>${r.quorum.isQuorate ? '已达法定人数' : '未达法定人数'}（${r.quorum.present}/${r.quorum.required}）</span>` : '') + '</div>' : '') +
      `<p><a href="/api/meetings/${id}/attendance-sheet" target="_blank" data-testid="attendance-sheet">打印签到表（PDF）</a></p>` +
      (r ? table([
        ['姓名', (a) => esc(a.name)], ['学工号', (a) => esc(a.number)], ['表决权', (a) => (a.hasVote ? '有' : '无')], ['出勤', (a) => esc(a.statusName ?? '')],
        ['请假', (a) => (a.leave ? `${esc(a.leave.reason)}（${esc(LEAVE[a.leave.status] ?? a.leave.status)}${a.leave.decisionNote ? `：${esc(a.leave.decisionNote)}` : ''}）` : '')],
        ...(organize ? [['操作', (a) => actions(a, noteMax, checkInOpen)]] : []),
      ], r.attendees) : '');
    document.getElementById('minutes-card').hidden = !minutes.ok && minutes.status !== 404;
    showMinutes(minutes.ok ? minutes.body : null);
    // Minutes record what the meeting did: the API refuses publishing before the start, so the button waits for it.
    const early = new Date(m.startsAt) > new Date() && !(minutes.ok && minutes.body.isPublished);
    document.getElementById('publish-minutes').disabled = early;
    document.getElementById('minutes-early').hidden = !early;
    document.getElementById('resolutions-card').hidden = false;
    document.getElementById('resolutions').innerHTML = table([
      ['事项', (x) => esc(x.title)], ['赞成/反对/弃权', (x) => `${x.yes}/${x.no}/${x.abstain}`], ['结果', (x) => (x.passed ? '通过' : '未通过')],
    ], m.resolutions, '暂无决议');
  }

  /** The organiser's buttons on a roll row: decide a pending leave request (with an optional note), check in by hand. */
  function actions(a, noteMax, checkInOpen) {
    const leave = a.leave?.status === 'Pending'
      ? `<input data-note="${a.leave.id}" placeholder="审批意见（可选）" maxlength="${noteMax}" style="width:130px" data-testid="leave-note">` +
        ` <button class="secondary" data-leave="${a.leave.id}" data-decision="approve" data-testid="leave-approve">批准请假</button>` +
        ` <button class="secondary" data-leave="${a.leave.id}" data-decision="reject" data-testid="leave-reject">驳回</button>`
      : '';
    const checkIn = a.checkedInAt || !checkInOpen ? '' : ` <button class="secondary" data-check-in="${a.memberId}" data-name="${esc(a.name)}" data-testid="check-in">签到</button>`;
    return leave + checkIn;
  }

  function showMinutes(view) {
    document.getElementById('minutes').value = view?.content ?? '';
    document.getElementById('minutes-state').textContent = view ? (view.isPublished ? `已发布，共 ${view.revisions.length} 个修订` : '草稿') : '尚无记录';
    revisions = view?.revisions ?? [];
    const options = revisions.map((r) => `<option value="${r.number}">第 ${r.number} 版 · ${esc(r.author.name)} · ${esc(chinaTime(r.at))}</option>`).join('');
    const left = document.getElementById('rev-left');
    const right = document.getElementById('rev-right');
    left.innerHTML = options;
    right.innerHTML = options;
    if (revisions.length > 1) left.value = revisions[revisions.length - 2].number;
    if (revisions.length) right.value = revisions[revisions.length - 1].number;
    compare();
  }

  /** Two revisions side by side; lines only in one side are marked. */
  function compare() {
    const pick = (id) => revisions.find((r) => r.number === Number(document.getElementById(id).value));
    const a = pick('rev-left');
    const b = pick('rev-right');
    const box = document.getElementById('revisions');
    if (!a || !b) { box.innerHTML = '<p class="empty">发布后的每次修改都会保留修订，可在此对照。</p>'; return; }
    const la = a.content.split('\n');
    const lb = b.content.split('\n');
    const side = (lines, other, cls) => `<pre style="white-space:pre-wrap">${lines.map((l) => (other.includes(l) ? esc(l) : `<mark class="${cls}">${esc(l)}</mark>`)).join('\n')}</pre>`;
    box.innerHTML = `<div><h2>第 ${a.number} 版</h2>${side(la, lb, 'removed')}</div><div><h2>第 ${b.number} 版</h2>${side(lb, la, 'added')}</div>`;
  }

  async function saveMinutes(publish) {
    const result = await api('PUT', `/api/meetings/${openId}/minutes`, { content: document.getElementById('minutes').value, publish });
    flash(result.ok ? (publish ? '会议记录已发布' : '草稿已保存') : problem(result), result.ok ? 'ok' : 'error');
    if (result.ok) showMinutes(result.body);
  }

  // A 党小组会 is held by a party group (the API refuses one held by the branch), so the form asks which one.
  async function loadGroups() {
    const walk = (nodes, path) => nodes.flatMap((n) => [
      ...(n.kind === 'PartyGroup' && n.canManage && !n.closedOn ? [{ id: n.id, name: n.name, path }] : []),
      ...walk(n.children ?? [], [...path, n.id]),
    ]);
    try { groups = walk(await all('/api/org/units'), []); } catch (err) { flash(err.message, 'error'); }
    showGroups();
  }

  function showGroups() {
    const wanted = schedule.type.value === 'PartyGroupMeeting';
    const within = groups.filter((g) => g.path.includes(Number(unit.value)));
    group.innerHTML = within.length
      ? within.map((g) => `<option value="${g.id}">${esc(g.name)}</option>`).join('')
      : '<option value="">本组织没有可管理的党小组</option>';
    group.hidden = !wanted;
    group.required = wanted;
    document.getElementById('group-label').hidden = !wanted;
  }

  async function compliance() {
    const result = await api('GET', `/api/org/units/${unit.value}/compliance`);
    const box = document.getElementById('compliance');
    if (!result.ok) { box.innerHTML = esc(problem(result)); return; }
    box.innerHTML = result.body.branches.map((b) => `<h2>${esc(b.branchName)}${b.inactive ? ' <span class="flash error">长期无活动</span>' : ''}</h2>` + table([
      ['会议类型', (r) => esc(r.typeName) + (r.unitId !== b.branchId ? `（${esc(r.unitName)}）` : '')], ['频次', (r) => esc(r.cadenceName)], ['应开', (r) => r.required], ['已开', (r) => r.held],
      ['缺少', (r) => esc(r.missing.join('、'))],
    ], b.rows)).join('');
  }

  document.getElementById('meetings').addEventListener('click', (e) => {
    if (!e.target.dataset.open) return;
    e.preventDefault();
    open(Number(e.target.dataset.open));
  });
  more.addEventListener('click', () => list(false));
  detail.addEventListener('click', async (e) => {
    const button = e.target.closest('button');
    if (!button) return;
    if (button.dataset.leave) {
      const id = button.dataset.leave;
      const approve = button.dataset.decision === 'approve';
      const note = detail.querySelector(`[data-note="${id}"]`)?.value.trim() || null;
      const result = await api('POST', `/api/leave-requests/${id}/${approve ? 'approve' : 'reject'}`, { note });
      flash(result.ok ? (approve ? '已批准请假' : '已驳回请假') : problem(result), result.ok ? 'ok' : 'error');
      if (result.ok) await open(openId);
    } else if (button.dataset.checkIn) {
      const result = await api('POST', `/api/meetings/${openId}/attendees/${button.dataset.checkIn}/check-in`, {});
      flash(result.ok ? `已为${button.dataset.name}签到（${result.body.statusName}）` : problem(result), result.ok ? 'ok' : 'error');
      if (result.ok) await open(openId);
    }
  });
  document.getElementById('save-minutes').addEventListener('click', () => saveMinutes(false));
  document.getElementById('publish-minutes').addEventListener('click', () => saveMinutes(true));
  document.getElementById('rev-left').addEventListener('change', compare);
  document.getElementById('rev-right').addEventListener('change', compare);

  document.getElementById('resolution').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const result = await api('POST', `/api/meetings/${openId}/resolutions`, { title: f.title.value, yes: Number(f.yes.value), no: Number(f.no.value), abstain: Number(f.abstain.value) });
    flash(result.ok ? '决议已记录' : problem(result), result.ok ? 'ok' : 'error');
    if (result.ok) { f.reset(); open(openId); }
  });

  document.getElementById('schedule').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const body = {
      type: f.type.value, unitId: Number(f.type.value === 'PartyGroupMeeting' ? f.groupId.value : unit.value), topic: f.topic.value, startsAt: fromChina(f.startsAt.value), endsAt: fromChina(f.endsAt.value),
      place: f.place.value || null, onlineLink: null, convenerId: null, recorderId: null, agenda: f.agenda.value || null, visibility: null, addMemberIds: [], removeMemberIds: [],
    };
    const result = await api('POST', '/api/meetings', body, { idempotent: true });
    if (!result.ok) { flash(problem(result), 'error'); return; }
    flash(`已安排：${result.body.topic}`, 'ok');
    f.reset();
    showGroups();
    // A meeting entered after the fact is listed with the past ones.
    scope.value = new Date(result.body.startsAt) < new Date() ? 'past' : 'upcoming';
    await list();
    open(result.body.id);
  });

  unit.addEventListener('change', () => { list(); compliance(); showGroups(); });
  schedule.type.addEventListener('change', showGroups);
  scope.addEventListener('change', () => list());
  list();
  compliance();
  loadGroups();
})();
