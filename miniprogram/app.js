// Start-up: sign in silently (wx.login → POST /api/auth/wechat-login) and send unbound users to binding.
const session = require('./logic/session');
const subscribe = require('./logic/subscribe');

App({
  onLaunch(options) {
    const openedBind = options && options.path === 'pages/bind/index';
    session
      .load()
      .then((me) => {
        // An invitation code opens the bind page itself with its scene: do not lose it by redirecting.
        if (me.needsBinding && !openedBind) wx.reLaunch({ url: '/pages/bind/index' });
        if (!me.needsBinding) subscribe.prefetch();
      })
      .catch(() => {
        // Each page shows the error when it loads its own data.
      });
  },
});
