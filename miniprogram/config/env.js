// The API base URL for each mini-program environment, in one place.
// develop = WeChat Developer Tools and preview builds, trial = 体验版, release = 正式版.
// trial/release must be HTTPS domains registered under 开发管理 → 服务器域名 in the WeChat admin console.
const BASE_URLS = {
  develop: 'http://127.0.0.1:5080',
  trial: 'https://trial-api.smartbranch.example.edu.cn',
  release: 'https://api.smartbranch.example.edu.cn',
};

// Subscription-message template ids per reminder kind, used only when the API has not told us its
// own list yet (GET /api/subscriptions is the source of truth).
const FALLBACK_TEMPLATES = {};

// develop only: sign in with this emulator code (dev-member, dev-secretary, … see README) instead of the
// wx.login code, so the tools can talk to the API's WeChat emulator. Ignored in trial and release.
const DEV_LOGIN_CODE = '';

let override = null;
let devCodeOverride = null;

function envVersion() {
  try {
    const info = wx.getAccountInfoSync();
    const version = info && info.miniProgram && info.miniProgram.envVersion;
    return BASE_URLS[version] ? version : 'release';
  } catch (e) {
    return 'release';
  }
}

function baseUrl() {
  return override || BASE_URLS[envVersion()];
}

// Tests (and local debugging) point the client at another server.
function setBaseUrl(url) {
  override = url ? url.replace(/\/+$/, '') : null;
}

function devLoginCode() {
  if (envVersion() !== 'develop') return '';
  return devCodeOverride !== null ? devCodeOverride : DEV_LOGIN_CODE;
}

function setDevLoginCode(code) {
  devCodeOverride = code;
}

module.exports = { BASE_URLS, FALLBACK_TEMPLATES, envVersion, baseUrl, setBaseUrl, devLoginCode, setDevLoginCode };
