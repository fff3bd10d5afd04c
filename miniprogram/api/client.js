// The one HTTP client of the mini-program: wx.request wrapper with the session token kept in storage,
// one silent re-login on 401, and errors turned into the server's Chinese ProblemDetails text.
const config = require('../config/env');

const TOKEN_KEY = 'sb.token';

// Shown when the server sent no ProblemDetails (proxy error, empty body). Never a raw status code.
const FALLBACK = {
  400: ['请求有误', '提交的内容不符合要求，请检查后重试。'],
  401: ['登录已失效', '请重新打开小程序登录。'],
  403: ['没有权限', '您没有权限进行此操作。'],
  404: ['内容不存在', '内容不存在或已被删除。'],
  409: ['操作冲突', '数据已被他人修改，请刷新后重试。'],
  422: ['无法处理', '提交的内容无法处理，请修改后重试。'],
  429: ['操作过于频繁', '请稍后再试。'],
  500: ['服务暂时不可用', '服务器开小差了，请稍后再试。'],
};

class ApiError extends Error {
  constructor({ status, title, detail, errors, rows, network }) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status || 0;
    this.title = title;
    this.detail = detail;
    this.errors = errors || null;
    // An import's row errors (ProblemDetails extension `rows`: [{ row, reasons }]), e.g. the graduation batch.
    this.rows = Array.isArray(rows) ? rows : null;
    this.network = !!network;
  }
}

const loginListeners = [];
let loginInFlight = null;

function getToken() {
  return wx.getStorageSync(TOKEN_KEY) || null;
}

function setToken(token) {
  if (token) {
    wx.setStorageSync(TOKEN_KEY, token);
  } else {
    wx.removeStorageSync(TOKEN_KEY);
  }
}

/** Called with the wechat-login response after every (re-)login, e.g. to refresh the cached profile. */
function onLogin(listener) {
  loginListeners.push(listener);
}

function queryString(query) {
  if (!query) return '';
  const parts = Object.keys(query)
    .filter((k) => query[k] !== undefined && query[k] !== null && query[k] !== '')
    .map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(query[k]));
  return parts.length ? '?' + parts.join('&') : '';
}

function send(method, path, data, token, headers) {
  const header = Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, headers);
  if (token) header.Authorization = 'Bearer ' + token;
  return new Promise((resolve, reject) => {
    wx.request({
      url: config.baseUrl() + path,
      method,
      data: data === undefined ? undefined : data,
      header,
      dataType: 'json',
      success: (res) => resolve(res),
      fail: () => reject(new ApiError({ network: true, title: '网络连接失败', detail: '无法连接到服务器，请检查网络后重试。' })),
    });
  });
}

function firstErrors(errors) {
  if (!errors || typeof errors !== 'object') return '';
  const lines = [];
  Object.keys(errors).forEach((key) => {
    const value = errors[key];
    (Array.isArray(value) ? value : [value]).forEach((msg) => {
      if (msg && lines.indexOf(msg) < 0) lines.push(String(msg));
    });
  });
  return lines.join('；');
}

/** Turns a non-2xx response into an ApiError carrying the server's ProblemDetails title and detail. */
function toError(res) {
  const status = res.statusCode;
  const body = res.data && typeof res.data === 'object' ? res.data : {};
  const fallback = FALLBACK[status] || (status >= 500 ? FALLBACK[500] : FALLBACK[400]);
  const fromErrors = firstErrors(body.errors);
  const title = body.title || fallback[0];
  let detail = body.detail || fromErrors || fallback[1];
  if (body.detail && fromErrors && body.detail.indexOf(fromErrors) < 0) detail = body.detail + '\n' + fromErrors;
  return new ApiError({ status, title, detail, errors: body.errors, rows: body.rows });
}

function wxLoginCode() {
  const devCode = config.devLoginCode();
  if (devCode) return Promise.resolve(devCode);
  return new Promise((resolve, reject) => {
    wx.login({
      success: (res) => (res && res.code ? resolve(res.code) : reject(new ApiError({ title: '微信登录失败', detail: '无法获取微信登录凭证，请稍后重试。' }))),
      fail: () => reject(new ApiError({ title: '微信登录失败', detail: '无法获取微信登录凭证，请稍后重试。' })),
    });
  });
}

async function doLogin() {
  const code = await wxLoginCode();
  const res = await send('POST', '/api/auth/wechat-login', { code }, null);
  if (res.statusCode < 200 || res.statusCode >= 300) throw toError(res);
  setToken(res.data.token);
  loginListeners.forEach((listener) => listener(res.data));
  return res.data;
}

/** wx.login → POST /api/auth/wechat-login; concurrent callers share one login. */
function login() {
  if (!loginInFlight) {
    loginInFlight = doLogin().then(
      (data) => {
        loginInFlight = null;
        return data;
      },
      (err) => {
        loginInFlight = null;
        throw err;
      },
    );
  }
  return loginInFlight;
}

/**
 * Calls the API. Signs in first when there is no token; on a 401 signs in again once and retries once.
 * Resolves with the response body (null for 204), rejects with an ApiError.
 */
async function request(method, path, options) {
  const opts = options || {};
  const auth = opts.auth !== false;
  const url = path + queryString(opts.query);
  let freshLogin = false;
  let token = null;
  if (auth) {
    token = getToken();
    if (!token) {
      await login();
      freshLogin = true;
      token = getToken();
    }
  }

  let res = await send(method, url, opts.data, token, opts.headers);
  if (res.statusCode === 401 && auth && !freshLogin) {
    setToken(null);
    await login();
    res = await send(method, url, opts.data, getToken(), opts.headers);
  }

  if (res.statusCode >= 200 && res.statusCode < 300) {
    return res.statusCode === 204 || res.data === '' ? null : res.data;
  }
  if (res.statusCode === 401) setToken(null);
  throw toError(res);
}

/** Downloads a protected file (e.g. a check-in code image) to a temp path an <image> can show. */
async function download(path) {
  let token = getToken();
  if (!token) {
    await login();
    token = getToken();
  }
  const attempt = (t) =>
    new Promise((resolve, reject) => {
      wx.downloadFile({
        url: /^https?:/.test(path) ? path : config.baseUrl() + path,
        header: { Authorization: 'Bearer ' + t },
        success: resolve,
        fail: () => reject(new ApiError({ network: true, title: '网络连接失败', detail: '图片下载失败，请检查网络后重试。' })),
      });
    });
  let res = await attempt(token);
  if (res.statusCode === 401) {
    setToken(null);
    await login();
    res = await attempt(getToken());
  }
  if (res.statusCode !== 200) throw toError({ statusCode: res.statusCode, data: {} });
  return res.tempFilePath;
}

/** Shows an error to the user: the ProblemDetails title and detail, never a status code. */
function showError(err) {
  const title = (err && err.title) || '操作失败';
  const detail = (err && (err.detail || (err instanceof ApiError ? '' : err.message))) || '请稍后再试。';
  wx.showModal({ title, content: detail, showCancel: false, confirmText: '知道了' });
}

/**
 * A fresh Idempotency-Key for one form submission (printable ASCII, as the API requires). The page keeps it until the
 * submission succeeds, so a double tap or a retry after a lost answer creates the thing once.
 */
function newIdempotencyKey() {
  const part = () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return Date.now().toString(16) + '-' + part() + part() + part();
}

const get = (path, query) => request('GET', path, { query });
/** GET of a list: every list answers { items, nextCursor } (Api/Common/ListPage.cs); this resolves with its items. */
const items = (path, query) => get(path, query).then((page) => page.items);
/** POST that creates something, sent with the submission's Idempotency-Key. */
const create = (path, data, idempotencyKey) => request('POST', path, { data: data || {}, headers: { 'Idempotency-Key': idempotencyKey } });
const post = (path, data, query) => request('POST', path, { data: data || {}, query });
const put = (path, data) => request('PUT', path, { data: data || {} });
const del = (path) => request('DELETE', path);

module.exports = { ApiError, TOKEN_KEY, request, get, items, post, create, newIdempotencyKey, put, del, download, login, onLogin, getToken, setToken, toError, showError };
