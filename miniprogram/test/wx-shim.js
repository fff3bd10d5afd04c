// A small stand-in for the wx global: storage, login, request (fake routes or real HTTP), navigation,
// modals and subscription dialogs, all recorded so tests can assert what the user saw.

function createWx(options) {
  const opts = options || {};
  const storage = new Map();
  // modals: messages (errors, notices) the user must acknowledge; confirms: yes/no questions.
  const calls = { requests: [], logins: 0, modals: [], confirms: [], toasts: [], navigations: [], subscribe: [], clipboard: [] };
  const state = {
    loginCode: opts.loginCode || 'dev-member',
    subscribeAnswer: opts.subscribeAnswer || 'accept',
    confirm: opts.confirm !== undefined ? opts.confirm : true,
    scanResult: opts.scanResult || null,
    // Files the user can choose (chooseMessageFile, chooseMedia) and read back: [{ path, name, bytes: Buffer }].
    files: opts.files || [],
  };
  const fileAt = (p) => state.files.filter((f) => f.path === p)[0];
  const later = (fn) => setTimeout(fn, 0);
  const nav = (type) => (o) => calls.navigations.push({ type, url: o.url });

  const wx = {
    calls,
    state,
    storage,
    getAccountInfoSync: () => ({ miniProgram: { envVersion: opts.envVersion || 'develop', appId: 'touristappid' } }),
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => storage.set(key, value),
    removeStorageSync: (key) => storage.delete(key),
    login: (o) => {
      calls.logins++;
      later(() => (state.loginCode ? o.success({ code: state.loginCode, errMsg: 'login:ok' }) : o.fail({ errMsg: 'login:fail' })));
    },
    request: (o) => {
      const entry = { method: o.method || 'GET', url: o.url, data: o.data, header: o.header };
      calls.requests.push(entry);
      Promise.resolve()
        .then(() => opts.handler(o))
        .then(
          (res) => {
            entry.status = res.statusCode;
            o.success(res);
          },
          (err) => o.fail({ errMsg: 'request:fail ' + (err && err.message) }),
        );
    },
    downloadFile: (o) => {
      const entry = { method: 'DOWNLOAD', url: o.url, header: o.header };
      calls.requests.push(entry);
      if (!opts.download) {
        later(() => o.success({ statusCode: 200, tempFilePath: 'http://tmp/' + encodeURIComponent(o.url) }));
        return;
      }
      opts.download(o).then(
        (res) => {
          Object.assign(entry, { status: res.statusCode, contentType: res.contentType, bytes: res.bytes });
          o.success({ statusCode: res.statusCode, tempFilePath: res.tempFilePath });
        },
        (err) => o.fail({ errMsg: 'downloadFile:fail ' + (err && err.message) }),
      );
    },
    showModal: (o) => {
      (o.showCancel === false ? calls.modals : calls.confirms).push({ title: o.title, content: o.content });
      if (o.success) later(() => o.success({ confirm: state.confirm, cancel: !state.confirm }));
    },
    showToast: (o) => calls.toasts.push(o.title),
    navigateTo: nav('navigateTo'),
    redirectTo: nav('redirectTo'),
    switchTab: nav('switchTab'),
    reLaunch: nav('reLaunch'),
    chooseMessageFile: (o) => {
      calls.chosen = (calls.chosen || []).concat([{ type: o.type, extension: o.extension }]);
      const files = state.files.map((f) => ({ path: f.path, name: f.name, size: f.bytes.length, type: 'file' }));
      later(() => (files.length ? o.success({ tempFiles: files.slice(0, o.count || 1) }) : o.fail && o.fail({ errMsg: 'chooseMessageFile:fail cancel' })));
    },
    chooseMedia: (o) => {
      const files = state.files.map((f) => ({ tempFilePath: f.path, size: f.bytes.length, fileType: 'video' }));
      later(() => (files.length ? o.success({ tempFiles: files.slice(0, o.count || 1), type: 'video' }) : o.fail && o.fail({ errMsg: 'chooseMedia:fail cancel' })));
    },
    getFileSystemManager: () => ({
      readFile: (o) => {
        const file = fileAt(o.filePath);
        if (!file) return later(() => o.fail && o.fail({ errMsg: 'readFile:fail no such file' }));
        const start = o.position || 0;
        const end = o.length !== undefined ? start + o.length : file.bytes.length;
        const part = file.bytes.subarray(start, end);
        return later(() => o.success({ data: part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength) }));
      },
    }),
    scanCode: (o) => later(() => (state.scanResult ? o.success(state.scanResult) : o.fail && o.fail({ errMsg: 'scanCode:fail cancel' }))),
    requestSubscribeMessage: (o) => {
      calls.subscribe.push(o.tmplIds.slice());
      const res = { errMsg: 'requestSubscribeMessage:ok' };
      o.tmplIds.forEach((id) => (res[id] = state.subscribeAnswer));
      later(() => o.success(res));
    },
    stopPullDownRefresh: () => {},
    setNavigationBarTitle: (o) => (calls.title = o.title),
    setNavigationBarColor: () => {},
    previewImage: () => {},
    openDocument: (o) => (calls.documents = (calls.documents || []).concat([{ filePath: o.filePath, fileType: o.fileType }])),
    setClipboardData: (o) => calls.clipboard.push(o.data),
    requestPayment: (o) => {
      calls.payments = calls.payments || [];
      calls.payments.push({ timeStamp: o.timeStamp, nonceStr: o.nonceStr, package: o.package, signType: o.signType, paySign: o.paySign });
      const answer = opts.paymentAnswer || 'ok';
      later(() => (answer === 'ok' ? o.success({ errMsg: 'requestPayment:ok' }) : o.fail({ errMsg: 'requestPayment:fail ' + answer })));
    },
  };
  return wx;
}

/** A handler for wx.request that does real HTTP (Node's fetch), as the phone would. */
async function realHttp(o) {
  const init = { method: o.method || 'GET', headers: o.header || {} };
  if (o.data instanceof ArrayBuffer) init.body = Buffer.from(o.data);
  else if (o.data !== undefined && init.method !== 'GET') init.body = JSON.stringify(o.data);
  const res = await fetch(o.url, init);
  const text = await res.text();
  let data = text;
  try {
    data = text ? JSON.parse(text) : '';
  } catch (e) {
    // not JSON: wx.request hands over the text as it is
  }
  return { statusCode: res.status, data, header: Object.fromEntries(res.headers.entries()) };
}

/** A wx.downloadFile that does real HTTP: the status, type and size of what came back are recorded on the request. */
async function realDownload(o) {
  const res = await fetch(o.url, { headers: o.header || {} });
  const body = Buffer.from(await res.arrayBuffer());
  return { statusCode: res.status, contentType: res.headers.get('content-type'), bytes: body.length, tempFilePath: 'http://tmp/' + encodeURIComponent(o.url) };
}

/**
 * A handler backed by a route table: { 'GET /api/me': (req) => [status, body] | body }.
 * A route answers a body, or [status, body]. Unknown routes answer 404 with an empty body, like a server without that area.
 */
function fakeApi(routes) {
  return (o) => {
    const url = new URL(o.url);
    const key = (o.method || 'GET') + ' ' + url.pathname;
    const route = routes[key];
    if (!route) return { statusCode: 404, data: '' };
    const req = { path: url.pathname, query: Object.fromEntries(url.searchParams.entries()), body: o.data, token: ((o.header && o.header.Authorization) || '').replace(/^Bearer /, '') };
    const out = route(req);
    if (Array.isArray(out) && typeof out[0] === 'number' && out.length <= 2) return { statusCode: out[0], data: out[1] === undefined ? '' : out[1] };
    return { statusCode: 200, data: out };
  };
}

module.exports = { createWx, realHttp, realDownload, fakeApi };
