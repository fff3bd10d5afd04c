// 学习教育: the selected unit's assignments (GET /api/study/assignments, those the member manages), an assignment's
// completion (GET /api/study/assignments/{id}/completion: finished / in progress / not started, by state then name,
// never ranked) with the reminder to those not finished (POST …/remind), the unit's materials
// (GET /api/study/materials), and the branch's yearly hours (GET /api/study/branches/{id}/hours?year=&format=xlsx).
// Publishing: a text goes straight to POST /api/study/materials; a PDF, audio or video file first goes through the
// chunked upload (POST /api/study/uploads, PUT …/chunks/{index} with the raw bytes, POST …/complete → the media id),
// then the material names it. An assignment: POST /api/study/assignments { title, materialIds, audience, dueOn }.
// Every refusal (400 validation, 409, 413, 415, 422) is shown as the API words it, in Chinese.
'use strict';
(function () {
  const { api, problem, flash, esc, table, all } = window.sb;
  const editor = new Quill('#editor', {
    theme: 'snow',
    modules: { toolbar: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['clean']] },
  });
  const chunkSize = 4 * 1024 * 1024; // within Study:MinChunkBytes–MaxChunkBytes (256 KB–8 MB)
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
    const assignable = materials.filter((m) => m.unitId === unitId && m.status === 'Published');
    document.getElementById('assign-materials').innerHTML = assignable.length
      ? assignable.map((m) => `<label><input type="checkbox" name="materialIds" value="${m.id}"> ${esc(m.title)}</label>`).join(' ')
      : '<p class="empty">本组织还没有已发布的资料。</p>';
    loadMembers(unitId);
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

  async function loadMembers(unitId) {
    const box = document.getElementById('assign-members');
    const result = await api('GET', `/api/org/units/${unitId}/members`);
    if (!result.ok) { box.innerHTML = ''; return; }
    box.innerHTML = result.body.items.map((m) => `<label><input type="checkbox" name="memberIds" value="${m.id}"> ${esc(m.name)}</label>`).join(' ');
  }

  const publish = document.getElementById('publish');
  function kindChanged() {
    const media = publish.kind.value !== 'Text';
    document.getElementById('file-label').hidden = !media;
    document.getElementById('file-row').hidden = !media;
    document.getElementById('editor-label').textContent = media ? '说明（可选）' : '正文';
  }
  publish.kind.addEventListener('change', kindChanged);

  /** Uploads the file in chunks and completes it: the media id, or null after showing the refusal. */
  async function upload(file) {
    const progress = document.getElementById('upload-progress');
    const started = await api('POST', '/api/study/uploads', { fileName: file.name, size: file.size, chunkSize });
    if (!started.ok) { flash(problem(started), 'error'); return null; }
    const id = started.body.id;
    const count = Math.max(1, Math.ceil(file.size / chunkSize));
    for (let i = 0; i < count; i++) {
      progress.textContent = `正在上传 ${i + 1} / ${count}…`;
      const chunk = await api('PUT', `/api/study/uploads/${id}/chunks/${i}`, file.slice(i * chunkSize, Math.min(file.size, (i + 1) * chunkSize)));
      if (!chunk.ok) { progress.textContent = ''; flash(problem(chunk), 'error'); return null; }
    }
    progress.textContent = '正在检查文件…';
    const completed = await api('POST', `/api/study/uploads/${id}/complete`);
    progress.textContent = completed.ok ? `已上传：${file.name}` : '';
    if (!completed.ok) { flash(problem(completed), 'error'); return null; }
    return completed.body.id;
  }

  publish.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!unit.value) return;
    const kind = publish.kind.value;
    let mediaId = null;
    if (kind !== 'Text') {
      const file = publish.file.files[0];
      if (!file) { flash('请选择要上传的 PDF、音频或视频文件。', 'error'); return; }
      mediaId = await upload(file);
      if (!mediaId) return;
    }
    const written = editor.getText().trim().length > 0;
    const body = {
      unitId: Number(unit.value),
      title: publish.title.value,
      topic: publish.topic.value,
      kind,
      body: written ? editor.root.innerHTML : (kind === 'Text' ? '' : null),
      mediaId,
      visibility: publish.visibility.value,
      estimatedMinutes: Number(publish.estimatedMinutes.value),
      confirmNotClassified: publish.confirmNotClassified.checked,
    };
    const result = await api('POST', '/api/study/materials', body, { idempotent: true });
    if (!result.ok) { flash(problem(result), 'error'); return; }
    flash(result.body.status === 'Published' ? `已发布《${body.title}》。` : `《${body.title}》已提交，等待另一位支委审核后发布。`, 'ok');
    publish.reset();
    editor.setText('');
    document.getElementById('upload-progress').textContent = '';
    kindChanged();
    await load();
  });

  const assign = document.getElementById('assign');
  assign.addEventListener('change', (event) => {
    if (event.target.name === 'audience') document.getElementById('assign-members').hidden = assign.audience.value !== 'members';
  });

  assign.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!unit.value) return;
    const chosen = assign.audience.value === 'members';
    const ids = (name) => [...assign.querySelectorAll(`[name=${name}]:checked`)].map((c) => Number(c.value));
    const body = {
      title: assign.title.value,
      materialIds: ids('materialIds'),
      audience: { unitIds: chosen ? [] : [Number(unit.value)], memberIds: chosen ? ids('memberIds') : [] },
      dueOn: assign.dueOn.value || null,
    };
    const result = await api('POST', '/api/study/assignments', body, { idempotent: true });
    if (!result.ok) { flash(problem(result), 'error'); return; }
    flash(`已布置学习任务《${body.title}》，共 ${result.body.assigneeCount} 人。`, 'ok');
    assign.reset();
    document.getElementById('assign-members').hidden = true;
    await load();
    showCompletion(result.body.id);
  });

  unit.addEventListener('change', load);
  year.addEventListener('change', hoursLink);
  load();
})();
