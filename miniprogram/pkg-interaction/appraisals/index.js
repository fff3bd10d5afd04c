// 民主评议 of the member's branch (/api/appraisals): members open a round to vote (pages/appraisal) and, when they
// are appraised, write their self-appraisal there; the committee opens a round, closes it and reads the results.
const session = require('../../logic/session');
const roles = require('../../logic/roles');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const org = require('../../api/org');
const interaction = require('../../api/interaction');
const pageHandlers = require('../../logic/page-handlers');
const limits = require('../../api/limits');

function view(r) {
  const open = r.status === 'Open';
  return { id: r.id, title: r.title, period: r.periodStart + ' 至 ' + r.periodEnd, open, state: open ? (r.hasVoted ? '已投票' : r.canVote ? '待投票' : '进行中') : '已结束' };
}

function results(data) {
  const label = {};
  interaction.GRADES.forEach((g) => (label[g.value] = g.label));
  return {
    turnout: data.voted + '/' + data.voters + '（' + data.turnoutPercent + '%）',
    rows: (data.appraised || []).map((a) => ({
      name: a.name,
      grades: a.grades ? Object.keys(a.grades).map((k) => label[k] + ' ' + a.grades[k]).join(' · ') : '票数不足3张，不显示分布',
      ballots: a.ballots,
    })),
    nonVoters: (data.nonVoters || []).map((n) => n.name).join('、'),
  };
}

Page(Object.assign({}, pageHandlers.refresh, pageHandlers.fields, {
  data: { limits: limits, branchId: null, manages: false, items: [], people: [], chosen: [], title: '', periodStart: '', periodEnd: '', results: null, resultsFor: null, loading: false },

  async onLoad() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const year = format.nowParts().date.slice(0, 4);
    const branchId = member.branch && member.branch.id;
    const manages = roles.canManageBranch(member, branchId);
    this.setData({ branchId, manages, title: year + '年度民主评议党员', periodStart: year + '-01-01', periodEnd: year + '-12-31' });
    if (manages) {
      const members = await kit.guard(this, () => org.members(branchId), { silent: true, onError: () => null });
      this.setData({ people: (members || []).map((m) => ({ id: m.id, name: m.name, checked: true })) });
    }
    await this.load();
  },

  async load() {
    const list = await kit.guard(this, () => interaction.appraisals(this.data.branchId));
    if (list) this.setData({ items: list.map(view) });
  },

  open(e) {
    kit.go('/pages/appraisal/index?id=' + e.currentTarget.dataset.id);
  },

  togglePerson(e) {
    const index = Number(e.currentTarget.dataset.index);
    this.setData({ ['people[' + index + '].checked']: !this.data.people[index].checked });
  },

  async openRound() {
    const ids = this.data.people.filter((p) => p.checked).map((p) => p.id);
    const title = String(this.data.title || '').trim();
    const problem = !title ? '请填写评议名称。' : !ids.length ? '请至少选择一名参加评议的党员。' : this.data.periodEnd < this.data.periodStart ? '评议期间的结束不能早于开始。' : '';
    if (problem) {
      wx.showModal({ title: '无法开始', content: problem, showCancel: false });
      return null;
    }
    const created = await kit.guard(this, () =>
      interaction.openAppraisal({ branchId: this.data.branchId, title, periodStart: this.data.periodStart, periodEnd: this.data.periodEnd, appraisedMemberIds: ids }, kit.submissionKey(this)),
    );
    if (!created) return null;
    kit.submitted(this);
    kit.toast('评议已开始');
    await this.load();
    return created;
  },

  async close(e) {
    if (await kit.confirmed(this, '结束评议', '结束后不能再投票，并可查看结果。确定结束吗？', () => interaction.closeAppraisal(e.currentTarget.dataset.id))) await this.load();
  },

  async showResults(e) {
    const id = e.currentTarget.dataset.id;
    const data = await kit.guard(this, () => interaction.appraisalResults(id));
    if (data) this.setData({ results: results(data), resultsFor: id });
  },
}));
