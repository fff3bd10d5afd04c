// Start-up: sign in silently (wx.login → POST /api/auth/wechat-login) as soon as the app opens. Unbound
// users are sent to binding by the page they land on (session.ensureMember), which keeps the scene of an
// invitation or check-in code that opened the app.
const session = require('./logic/session');
const subscribe = require('./logic/subscribe');

App({
  onLaunch() {
    session
      .load()
      .then((me) => {
        if (!me.needsBinding) subscribe.prefetch();
      })
      .catch(() => {
        // Each page shows the error when it loads its own data.
      });
  },
});
