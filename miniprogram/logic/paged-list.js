// What every list page does: load the first page on show, pull to refresh, and load the next page at the bottom
// (the API's { items, nextCursor }; a plain array is one complete page). A page mixes `handlers(options)` into its
// Page() and keeps { items, nextCursor, done, loading } in its data.
//   options.fetch(cursor)  → Promise<{ items, nextCursor }>, called with the page as `this`
//   options.map(item)      → what the page shows for one item (called with the page as `this`)
//   options.start(member)  → optional, after sign-in; resolves falsy to stop (e.g. not allowed here)
const kit = require('./page-kit');
const session = require('./session');

function data() {
  return { items: [], nextCursor: null, done: false, loading: false };
}

function handlers(options) {
  const opts = options || {};
  return {
    onPullDownRefresh() {
      return this.reload().then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      return this.more();
    },

    /** From the first page again; an answer to an earlier reload or page that arrives late is dropped. */
    async reload() {
      const member = await kit.guard(this, () => session.ensureMember());
      if (!member) return;
      if (opts.start && !(await opts.start.call(this, member))) return;
      this.listGeneration = (this.listGeneration || 0) + 1;
      this.loadingMore = false;
      this.setData({ items: [], nextCursor: null, done: false });
      await this.more();
    },

    async more() {
      if (this.data.done || this.loadingMore) return;
      const generation = this.listGeneration;
      this.loadingMore = true;
      const page = await kit.guard(this, () => opts.fetch.call(this, this.data.nextCursor));
      if (generation !== this.listGeneration) return;
      this.loadingMore = false;
      if (!page) return;
      const map = opts.map || ((x) => x);
      this.setData({ items: this.data.items.concat(page.items.map((item) => map.call(this, item))), nextCursor: page.nextCursor, done: !page.nextCursor });
    },
  };
}

module.exports = { data, handlers };
