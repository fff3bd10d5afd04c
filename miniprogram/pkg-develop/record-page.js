// What the committee's pages about one record (person, record-step, publicity) share: the committee check (a plain
// member gets the page's refusal and the API is not asked), the record named by ?id= (GET /api/development/records/{id}),
// and load() to load it again (each page's onPullDownRefresh calls it). A page mixes in handlers(show, start): start() → data set before anything loads
// (e.g. today's date), show(record) sets what the page shows from the record.
const secretary = require('../logic/secretary');
const kit = require('../logic/page-kit');
const dev = require('../api/development');

function handlers(show, start) {
  return {
    async onLoad(options) {
      this.setData(Object.assign({ id: (options && options.id) || '' }, start ? start.call(this) : {}));
      if (await secretary.start(this)) await this.load();
    },

    async load() {
      if (!this.data.allowed || !this.data.id) return;
      const record = await kit.guard(this, () => dev.record(this.data.id));
      if (record) await show.call(this, record);
    },
  };
}

module.exports = { handlers };
