// Recording a step on a record (POST /api/development/records/{id}/steps), for the branch committee (an assigned
// training contact or introducer gets only the observation and thought report choices, RecordStep.ContactSteps): the step (the
// next one, a repeated observation, a thought report received on paper, an extension of probation), its day, the
// people it needs — talk partners (step 2), 1–2 training contacts (step 5) and two introducers (step 9), who must be
// full members — training length (step 11), the general meeting's passed resolution (steps 15 and 23; the day is the
// meeting's), extension months, and a note. The server's refusal (e.g. 时间未到 with the day it becomes possible) is
// shown on the form as it came; the submission keeps its Idempotency-Key until it succeeds.
const recordPage = require('../record-page');
const kit = require('../../logic/page-kit');
const format = require('../../logic/format');
const dev = require('../../api/development');
const org = require('../../api/org');
const meetings = require('../../api/meetings');
const logic = require('../../logic/development');
const pageHandlers = require('../../logic/page-handlers');

function emptyForm(kind, today) {
  return { kind: kind || '', occurredOn: today, note: '', talkPartnerIds: [], contactIds: [], introducerIds: [], resolutionId: '', trainingDays: '', trainingHours: '', extensionMonths: '' };
}

Page(Object.assign({}, pageHandlers.refresh, recordPage.handlers(function show(record) {
  return this.show(record);
}, () => ({ today: format.nowParts().date }), { contacts: true }), {
  data: {
    allowed: false, checked: false, id: '', role: '', name: '', today: '', choices: [], choiceIndex: 0, needs: {},
    members: [], fullMembers: [], resolutions: [], resolutionIndex: -1, form: emptyForm('', ''), limits: logic.LIMITS,
    error: null, loading: false,
  },

  /** The record again (someone may have recorded a step meanwhile) and a fresh form; pull to refresh does the same. */
  async show(record) {
    // A contact records only observations and thought reports, which name nobody: the roster is not asked.
    const contact = this.data.role === 'contact';
    const members = contact ? [] : (await kit.guard(this, () => org.members(record.branchId))) || [];
    const choices = logic.stepChoices(record, this.data.role);
    this.branchId = record.branchId;
    this.setData({
      name: record.name,
      choices,
      members: logic.pickable(members, false),
      fullMembers: logic.pickable(members, true),
    });
    await this.choose(0);
  },

  async choose(index) {
    const choice = this.data.choices[index];
    const kind = choice ? choice.kind : '';
    const needs = logic.stepNeeds(kind);
    this.setData({ choiceIndex: index, needs, form: emptyForm(kind, this.data.today), resolutionIndex: -1, error: null });
    if (needs.resolution && !this.resolutionsLoaded) await this.loadResolutions();
  },

  onChoice(e) {
    return this.choose(Number(e.detail.value));
  },

  /** The passed resolutions of this branch's general meetings held so far, newest meeting first. */
  async loadResolutions() {
    const past = await kit.guard(this, () => meetings.all('past', this.branchId));
    if (!past) return;
    const general = past.filter((m) => m.type === 'BranchGeneralMeeting');
    const details = await Promise.all(general.map((m) => kit.guard(this, () => meetings.get(m.id), { silent: true })));
    const list = [];
    details.forEach((m, i) => {
      if (!m) return;
      (m.resolutions || []).filter((r) => r.passed).forEach((r) => list.push({ id: r.id, label: format.date(general[i].startsAt) + ' ' + general[i].topic + '：' + r.title }));
    });
    this.resolutionsLoaded = true;
    this.setData({ resolutions: list });
  },

  onField(e) {
    this.setData({ ['form.' + e.currentTarget.dataset.field]: e.detail.value });
  },

  /** checkbox-group of talk partners, contacts or introducers: the ids ticked. */
  onPeople(e) {
    this.setData({ ['form.' + e.currentTarget.dataset.field]: e.detail.value.map(Number) });
  },

  onResolution(e) {
    const index = Number(e.detail.value);
    const r = this.data.resolutions[index];
    this.setData({ resolutionIndex: index, 'form.resolutionId': r ? r.id : '' });
  },

  async submit() {
    const form = this.data.form;
    const problem = logic.stepProblem(form);
    if (problem) {
      this.setData({ error: { title: '请补充信息', detail: problem } });
      return;
    }
    this.setData({ error: null });
    const key = kit.submissionKey(this);
    const record = await kit.guard(this, () => dev.recordStep(this.data.id, logic.stepBody(form), key), {
      onError: (err) => this.setData({ error: logic.refusal(err) }),
    });
    if (!record) return;
    kit.submitted(this);
    kit.toast('已记录');
    wx.redirectTo({ url: '/pkg-develop/person/index?id=' + this.data.id });
  },
}));
