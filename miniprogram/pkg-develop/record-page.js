// What the pages about one record (person, record-step, publicity) share: who may be here, the record named by ?id=
// (GET /api/development/records/{id}), and load() to load it again (each page's onPullDownRefresh calls it). The branch
// committee is let in at once; with { contacts: true } (person, record-step) any other member asks the API, which answers
// the record only to its assigned training contacts and introducers (DevelopmentAccess; 404 for anyone else, shown as
// the page's refusal). `role` is 'committee' or 'contact' (logic/development.recordRole). A page mixes in
// handlers(show, start, options): start() → data set before anything loads (e.g. today's date), show(record) sets what the
// page shows from the record (this.data.role tells who is looking).
const secretary = require('../logic/secretary');
const kit = require('../logic/page-kit');
const client = require('../api/client');
const dev = require('../api/development');
const logic = require('../logic/development');

function handlers(show, start, options) {
  const contacts = !!(options && options.contacts);
  return {
    async onLoad(query) {
      this.setData(Object.assign({ id: (query && query.id) || '', role: '' }, start ? start.call(this) : {}));
      const committee = await secretary.start(this);
      // Not on a committee: only an assigned contact may go on, and the API decides whether this member is one.
      this.committee = !!committee;
      this.asks = this.committee || (contacts && !!this.data.member);
      if (!this.asks) return;
      if (!this.committee) this.setData({ checked: false });
      await this.load();
    },

    async load() {
      if (!this.asks || !this.data.id) return;
      let refused = false;
      const record = await kit.guard(this, () => dev.record(this.data.id), {
        onError: (err) => {
          if (err && err.status === 404) refused = true;
          else client.showError(err);
        },
      });
      // A committee member the API answered but whose roles name no branch of the record (e.g. a general-branch
      // committee above it) is still the committee.
      const role = record ? logic.recordRole(this.data.member, record) || (this.committee ? 'committee' : null) : null;
      if (refused || (record && (!role || (role === 'contact' && !contacts)))) {
        this.setData({ allowed: false, role: '', checked: true });
        if (refused && contacts && (await this.isOwnRecord())) wx.redirectTo({ url: '/pkg-develop/timeline/index' });
        return;
      }
      if (!record) return;
      this.setData({ allowed: true, role, checked: true });
      await show.call(this, record);
    },

    /** Whether ?id= is the caller's own record (a probationary member opening their own reminder): GET /me answers it. */
    async isOwnRecord() {
      const own = await kit.guard(this, () => dev.me(), { silent: true, onError: () => null });
      return !!own && String(own.id) === String(this.data.id);
    },
  };
}

module.exports = { handlers };
