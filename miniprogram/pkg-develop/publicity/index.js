// Publicity (公示) of a person before admission or confirmation (POST /api/development/records/{id}/publicity), for
// the branch committee: the step it precedes (as far as the record is ready for one), the first day (the length is the
// configured number of working days, PublicityWorkingDays); the record's publicities below with the objections only
// the committee reads (GET /api/development/publicity/{id}/objections; pull to refresh).
const recordPage = require('../record-page');
const kit = require('../../logic/page-kit');
const format = require('../../logic/format');
const dev = require('../../api/development');
const logic = require('../../logic/development');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.refresh, recordPage.handlers(function show(record) {
  return this.show(record);
}, () => {
  const today = format.nowParts().date;
  return { today, startsOn: today };
}), {
  data: { allowed: false, checked: false, id: '', name: '', choices: [], choiceIndex: 0, startsOn: '', today: '', publicities: [], error: null, loading: false },

  async show(record) {
    const publicities = logic.committeeRecord(record).publicities;
    const objections = await Promise.all(publicities.map((p) => kit.guard(this, () => dev.objections(p.id), { silent: true })));
    this.setData({
      name: record.name,
      choices: logic.publicityChoices(record),
      choiceIndex: 0,
      publicities: publicities.map((p, i) => Object.assign({}, p, {
        objections: ((objections[i] && objections[i].items) || []).map((o) => ({ id: o.id, text: o.text, from: o.fromName, at: format.dateTime(o.createdAt) })),
      })),
    });
  },

  onChoice(e) {
    this.setData({ choiceIndex: Number(e.detail.value) });
  },

  onDate(e) {
    this.setData({ startsOn: e.detail.value });
  },

  async start() {
    const choice = this.data.choices[this.data.choiceIndex];
    if (!choice) return;
    this.setData({ error: null });
    const key = kit.submissionKey(this);
    const created = await kit.guard(this, () => dev.startPublicity(this.data.id, { before: choice.before, startsOn: this.data.startsOn }, key), {
      onError: (err) => this.setData({ error: logic.refusal(err) }),
    });
    if (!created) return;
    kit.submitted(this);
    kit.toast('已发起公示');
    await this.load();
  },
}));
