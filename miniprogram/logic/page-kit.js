// Small helpers every page uses: run an async step with loading state and Chinese error display.
const client = require('../api/client');

/** Runs fn; on failure shows the server's title/detail and resolves undefined. */
async function guard(page, fn, options) {
  const opts = options || {};
  if (!opts.silent) page.setData({ loading: true });
  try {
    return await fn();
  } catch (err) {
    if (opts.onError) opts.onError(err);
    else client.showError(err);
    return undefined;
  } finally {
    if (!opts.silent) page.setData({ loading: false });
  }
}

/**
 * An onError for guard on committee pages: a 403 (the API says this role may not) is shown on the page as the
 * ProblemDetails title in `denied`, not as a modal; anything else is shown as usual.
 */
function refusal(page) {
  return (err) => {
    if (err && err.status === 403) page.setData({ denied: err.title || '没有权限' });
    else client.showError(err);
  };
}

/** Loads independent sections; a failing section shows its own message instead of blocking the page. */
async function sections(page, loaders) {
  const keys = Object.keys(loaders);
  const results = await Promise.all(keys.map((k) => loaders[k]().then((v) => ({ ok: true, v }), (e) => ({ ok: false, e }))));
  const patch = {};
  keys.forEach((k, i) => {
    patch[k] = results[i].ok ? results[i].v : null;
    patch[k + 'Error'] = results[i].ok ? '' : (results[i].e && results[i].e.detail) || '暂时无法加载';
  });
  page.setData(patch);
  return patch;
}

function toast(title, icon) {
  wx.showToast({ title, icon: icon || 'success' });
}

const TAB_PAGES = ['/pages/home/index', '/pages/notices/index', '/pages/activities/index', '/pages/meetings/index', '/pages/me/index'];

/** Opens a page; tab pages are switched to (they take no query). */
function go(url) {
  const path = url.split('?')[0];
  if (TAB_PAGES.indexOf(path) >= 0) wx.switchTab({ url: path });
  else wx.navigateTo({ url });
}

function confirm(title, content) {
  return new Promise((resolve) => {
    wx.showModal({ title, content, success: (res) => resolve(!!(res && res.confirm)), fail: () => resolve(false) });
  });
}

/**
 * A step the member confirms first (cancel, close, withdraw, approve…): asks with confirm(title, content), then runs
 * action() through guard. True when they agreed and it succeeded; false when they declined or it failed (guard showed why).
 */
async function confirmed(page, title, content, action) {
  if (!(await confirm(title, content))) return false;
  return !!(await guard(page, () => action().then(() => true)));
}

/**
 * The Idempotency-Key of the page's form submission: made on the first tap and kept (double taps, a retry after
 * an error) until the submission succeeds, when submitted(page) clears it.
 */
function submissionKey(page) {
  if (!page.submission) page.submission = client.newIdempotencyKey();
  return page.submission;
}

function submitted(page) {
  page.submission = null;
}

module.exports = { TAB_PAGES, guard, refusal, sections, toast, go, confirm, confirmed, submissionKey, submitted };
