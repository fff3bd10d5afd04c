// Who is signed in: GET /api/me cached for the life of the app, refreshed on every (re-)login.
const client = require('../api/client');
const auth = require('../api/auth');
const development = require('../api/development');

let me = null;
let loading = null;

client.onLogin((data) => {
  me = { needsBinding: !!data.needsBinding, member: data.member || null };
});

/** The cached /api/me answer, loading it (and signing in) when needed. */
function load(force) {
  if (me && !force) return Promise.resolve(me);
  if (!loading) {
    loading = auth.me().then(
      (data) => {
        me = { needsBinding: !!data.needsBinding, member: data.member || null };
        loading = null;
        return me;
      },
      (err) => {
        loading = null;
        throw err;
      },
    );
  }
  return loading;
}

/**
 * The signed-in member, or null after sending someone who is not a member away: a person bound only to a development
 * record (GET /api/development/me answers) to their timeline, an unbound stranger (404) to the binding page. The record
 * is asked for each time (not cached), so a person who has just bound is routed by the fresh answer.
 */
async function ensureMember() {
  const current = await load();
  if (current.needsBinding || !current.member) {
    const inDevelopment = await development.me().then(
      () => true,
      (err) => {
        if (err && err.status === 404) return false;
        throw err;
      },
    );
    wx.reLaunch({ url: inDevelopment ? '/pkg-develop/timeline/index' : '/pages/bind/index' });
    return null;
  }
  return current.member;
}

function member() {
  return me && me.member;
}

async function logout() {
  try {
    await auth.logout();
  } finally {
    client.setToken(null);
    me = null;
  }
}

/** Forgets everything (tests, account switch). */
function reset() {
  me = null;
  loading = null;
}

module.exports = { load, ensureMember, member, logout, reset };
