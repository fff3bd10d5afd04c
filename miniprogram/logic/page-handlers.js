// Page handlers many pages share, mixed into Page() with Object.assign (the page's own methods come after, so a
// page may still write its own onLoad). A page keeps its own load(), or show(member) for the member pages.
const kit = require('./page-kit');
const session = require('./session');

/** Pull down to refresh: the page's load() again (the page's .json switches enablePullDownRefresh on). */
function onPullDownRefresh() {
  return this.load().then(() => wx.stopPullDownRefresh());
}

const refresh = { onPullDownRefresh };

/** Form inputs: `data-field` names the data key; onField keeps the text, onIndex a picker's index as a number. */
const fields = {
  onField(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
  },

  onIndex(e) {
    this.setData({ [e.currentTarget.dataset.field]: Number(e.detail.value) });
  },
};

/**
 * A page of the signed-in member's own data: `event` ('onLoad' or 'onShow') calls load(), which signs in and then
 * calls the page's show(member); nothing more when sign-in fails (guard showed why). Mix in `refresh` beside it for
 * pull-down refresh.
 */
function memberPage(event) {
  return {
    [event]() {
      return this.load();
    },

    async load() {
      const member = await kit.guard(this, () => session.ensureMember());
      if (member) await this.show(member);
    },
  };
}

/**
 * A page about one thing (?id=): onLoad keeps the id in data.id, runs `opening` if given (e.g. subscribe.prefetch),
 * then load() signs in and calls show(member).
 */
function detailPage(opening) {
  return Object.assign(memberPage('onLoad'), {
    onLoad(options) {
      this.setData({ id: options.id });
      if (opening) opening.call(this, options);
      return this.load();
    },
  });
}

module.exports = { onPullDownRefresh, refresh, fields, memberPage, detailPage };
