// The console's shared script: calls the same /api the mini-program uses, with the console cookie (sent by the
// browser) and the CSRF token (from the page's <meta name="csrf-token">) on every write. No build step, no framework.
'use strict';
(function () {
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

  /** Calls the API: resolves to { ok, status, body } where body is JSON (or text, or a Blob for files). A Blob body is sent as raw bytes. */
  async function api(method, path, body, options = {}) {
    const headers = { 'X-CSRF-TOKEN': csrf() };
    const init = { method, headers, credentials: 'same-origin' };
    if (body instanceof FormData) init.body = body;
    else if (body instanceof Blob) {
      headers['content-type'] = 'application/octet-stream';
      init.body = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (options.idempotent) headers['Idempotency-Key'] = crypto.randomUUID();
    const response = await fetch(path, init);
    if (response.status === 401) {
      location.href = '/console/login?returnUrl=' + encodeURIComponent(location.pathname + location.search);
      return { ok: false, status: 401, body: null };
    }
    const type = response.headers.get('content-type') ?? '';
    let parsed = null;
    if (type.includes('json')) parsed = await response.json();
    else if (options.blob) parsed = await response.blob();
    else parsed = await response.text();
    return { ok: response.ok, status: response.status, body: parsed };
  }

  /** The Chinese message of a failed call (ProblemDetails detail, or its validation errors). */
  function problem(result) {
    const body = result.body;
    if (body && typeof body === 'object') {
      if (body.errors) return Object.values(body.errors).flat().join('；');
      return body.detail || body.title || `请求失败（${result.status}）`;
    }
    return `请求失败（${result.status}）`;
  }

  function flash(message, kind = 'info') {
    const box = document.getElementById('flash');
    if (!box) return;
    box.textContent = message;
    box.className = `flash ${kind}`;
    box.hidden = false;
  }

  /** Escapes text for HTML. */
  function esc(value) {
    return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** Formats an ISO instant as China time "yyyy-MM-dd HH:mm". */
  function chinaTime(iso) {
    if (!iso) return '';
    const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(new Date(iso)).reduce((a, p) => ({ ...a, [p.type]: p.value }), {});
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  }

  /** A <table> from rows: columns is [[header, row => html]]. */
  function table(columns, rows, empty = '暂无数据') {
    if (!rows.length) return `<p class="empty">${esc(empty)}</p>`;
    const head = columns.map(([h]) => `<th>${esc(h)}</th>`).join('');
    const body = rows.map((r) => `<tr>${columns.map(([, cell]) => `<td>${cell(r)}</td>`).join('')}</tr>`).join('');
    return `<table class="grid"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  }

  /** Every page of a list endpoint ({ items, nextCursor }). */
  async function all(path) {
    const items = [];
    let cursor = null;
    for (let i = 0; i < 50; i++) {
      const sep = path.includes('?') ? '&' : '?';
      const result = await api('GET', cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
      if (!result.ok) throw new Error(problem(result));
      items.push(...(result.body.items ?? []));
      cursor = result.body.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  // A message belongs to the action that showed it. The next action (a button, a link, a changed picker) clears it
  // first (capture phase, before the page's own handler), so an old error never stays above a later success.
  const clearFlash = (event) => {
    if (event.type === 'click' && !event.target.closest?.('button, a')) return;
    const box = document.getElementById('flash');
    if (box) box.hidden = true;
  };
  document.addEventListener('click', clearFlash, true);
  document.addEventListener('change', clearFlash, true);

  document.getElementById('sign-out')?.addEventListener('click', async () => {
    await api('POST', '/api/console-login/sign-out');
    location.href = '/console/login';
  });

  window.sb = { api, problem, flash, esc, chinaTime, table, all };
})();
