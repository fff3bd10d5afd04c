// Runs the mini-program's pages in Node: a fresh module registry per app, Page() captured, setData applied.
const fs = require('fs');
const path = require('path');
const { createWx } = require('./wx-shim');

const ROOT = path.join(__dirname, '..');

function setPath(target, key, value) {
  const parts = key.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    if (node[parts[i]] === undefined || node[parts[i]] === null) node[parts[i]] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    node = node[parts[i]];
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * Loads the mini-program's CommonJS modules the way WeChat does: each app gets its own module cache and
 * its own `wx` handed to every module, so several phones can run side by side in one test.
 */
function moduleLoader(wx, onPage) {
  const cache = {};
  function load(file) {
    const abs = file.endsWith('.js') ? file : file + '.js';
    if (cache[abs]) return cache[abs].exports;
    const module = { exports: {} };
    cache[abs] = module;
    const code = fs.readFileSync(abs, 'utf8') + '\n//# sourceURL=' + abs;
    const fn = new Function('require', 'module', 'exports', 'wx', 'Page', 'getApp', code);
    fn((rel) => load(path.resolve(path.dirname(abs), rel)), module, module.exports, wx, onPage, () => ({}));
    return module.exports;
  }
  return load;
}

/** Every page path of app.json: the main package's pages and each subpackage's (root + '/' + page). */
function pagePaths() {
  const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'));
  const subPackages = app.subPackages || app.subpackages || [];
  return app.pages.concat(...subPackages.map((p) => p.pages.map((page) => p.root.replace(/\/$/, '') + '/' + page)));
}

/**
 * The path of a page named by its folder ('meeting-create' → 'pkg-secretary/meeting-create/index'), wherever it
 * lives, or by its path ('pkg-secretary/meeting-create'). Pages move between packages without their tests changing.
 */
function resolvePage(name) {
  const all = pagePaths();
  if (name.indexOf('/') >= 0) {
    const exact = all.filter((p) => p === name || p === name + '/index');
    if (exact.length === 1) return exact[0];
    throw new Error('No page ' + name + ' in app.json');
  }
  const found = all.filter((p) => p.split('/').slice(-2)[0] === name);
  if (found.length !== 1) throw new Error((found.length ? 'Several pages named ' : 'No page named ') + name + ' in app.json: ' + found.join(', '));
  return found[0];
}

/** A phone: its own wx and modules; baseUrl is where the API client sends requests. */
function createApp(wxOptions, baseUrl) {
  const wx = createWx(wxOptions);
  let captured = null;
  const loadFile = moduleLoader(wx, (def) => (captured = def));
  const load = (rel) => loadFile(path.join(ROOT, rel));
  load('config/env').setBaseUrl(baseUrl || 'http://api.test');
  const defs = {};

  function instantiate(name) {
    if (!defs[name]) {
      captured = null;
      load(resolvePage(name));
      defs[name] = captured;
    }
    const def = defs[name];
    const page = {};
    Object.keys(def).forEach((k) => {
      if (k !== 'data') page[k] = def[k];
    });
    page.data = JSON.parse(JSON.stringify(def.data || {}));
    page.route = resolvePage(name);
    page.setData = (patch, cb) => {
      Object.keys(patch).forEach((k) => setPath(page.data, k, patch[k]));
      if (cb) cb();
    };
    return page;
  }

  /** Opens a page as WeChat would (onLoad then onShow) and waits for its loading to finish. */
  async function open(name, options) {
    const page = instantiate(name);
    if (page.onLoad) await page.onLoad(options || {});
    if (page.onShow) await page.onShow();
    return page;
  }

  return { wx, load, open, instantiate };
}

/** A tap/input event as the pages receive it. */
function event(dataset, detail) {
  return { currentTarget: { dataset: dataset || {} }, detail: detail || {} };
}

/** For end-to-end tests on the real API at `base`: the requests (from the `from`th on) that did not succeed, as "GET /api/… → 404". */
function failures(wx, base, from) {
  return wx.calls.requests
    .slice(from || 0)
    .filter((r) => r.status >= 400)
    .map((r) => r.method + ' ' + r.url.replace(base, '') + ' → ' + r.status);
}

/**
 * For end-to-end tests on the real API at `base`: no error was shown on the phone; on failure the message names the
 * requests that did not succeed (except the `expected` ones: the text, e.g. 'GET /api/development/me → 404', or a RegExp).
 */
function noErrors(wx, base, expected) {
  const allowed = (r) => (expected || []).some((e) => (e instanceof RegExp ? e.test(r) : e === r));
  const failed = failures(wx, base).filter((r) => !allowed(r));
  expect({ shown: wx.calls.modals, failed }).toEqual({ shown: [], failed: [] });
}

/** The id in the query of the page the app navigated to last. */
function idFrom(wx) {
  const nav = wx.calls.navigations[wx.calls.navigations.length - 1];
  return nav && /[?&]id=(\d+)/.exec(nav.url)[1];
}

/** Tomorrow in China time, as the date picker gives it, with the times the test chose: { date, startTime, endTime }. */
function tomorrow(startTime, endTime) {
  const d = new Date(Date.now() + 8 * 3600 * 1000 + 86400000);
  const pad = (n) => (n < 10 ? '0' + n : String(n));
  return { date: d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()), startTime, endTime };
}

/**
 * For end-to-end tests on the real API: what a background task produces (a reminder in the inbox, a WeChat Pay
 * notification) arrives a little later, so `check` is asked again every 300 ms until it returns something truthy or
 * `timeoutMs` (15 s unless said) has passed; returns its last answer.
 */
async function eventually(check, timeoutMs) {
  const deadline = Date.now() + (timeoutMs || 15000);
  for (;;) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 300));
  }
}

module.exports = { createApp, event, ROOT, pagePaths, resolvePage, failures, noErrors, idFrom, tomorrow, eventually };
