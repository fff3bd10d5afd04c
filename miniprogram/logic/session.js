// Who is signed in: GET /api/me cached for the life of the app, refreshed on every (re-)login.
const client = require('../api/client');
const auth = require('../api/auth');

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

/** The signed-in member, or null after sending an unbound user to the binding page. */
async function ensureMember() {
  const current = await load();
  if (current.needsBinding || !current.member) {
    wx.reLaunch({ url: '/pages/bind/index' });
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
