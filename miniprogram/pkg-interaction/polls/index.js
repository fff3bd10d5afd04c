// Polls of the member's branch, or of a meeting or activity (?kind=meeting|activity&id=…): open one to vote and see
// live results (pages/poll); organisers create a poll (POST /api/polls) and close it. Limits: Domain/Interaction/Poll.cs.
const session = require('../../logic/session');
const roles = require('../../logic/roles');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const subject = require('../../logic/subject');
const interaction = require('../../api/interaction');
const pageHandlers = require('../../logic/page-handlers');
const limits = require('../../api/limits');

const OPTIONS_MIN = 2;
const OPTIONS_MAX = 20;
const OPTION_LENGTH = 100;

function view(p) {
  return { id: p.id, question: p.question, open: !!p.open, voted: (p.myChoices || []).length > 0, voters: p.voters || 0, closes: format.dateTime(p.closesAt) };
}

/** Options typed one per line → the list to send, or a Chinese problem. */
function optionsFrom(text) {
  const options = String(text || '').split('\n').map((o) => o.trim()).filter(Boolean);
  if (options.length < OPTIONS_MIN || options.length > OPTIONS_MAX) return { problem: '选项应为' + OPTIONS_MIN + '到' + OPTIONS_MAX + '个，每行一个。' };
  if (options.some((o) => o.length > OPTION_LENGTH)) return { problem: '每个选项不超过' + OPTION_LENGTH + '个字。' };
  return { options };
}

Page(Object.assign({}, pageHandlers.refresh, pageHandlers.fields, {
  data: { limits: limits, targetKind: 'Unit', targetId: null, title: '', items: [], canCreate: false, question: '', optionsText: '', multipleChoice: false, anonymous: true, closesOn: '', loading: false },

  async onLoad(options) {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    if (options.kind === 'meeting' || options.kind === 'activity') {
      const item = await kit.guard(this, () => subject.apiFor(options.kind).get(options.id));
      if (!item) return;
      this.setData({ targetKind: options.kind === 'meeting' ? 'Meeting' : 'Activity', targetId: Number(options.id), title: subject.titleOf(item), canCreate: item.canOrganize === true || item.canManage === true });
    } else {
      const branch = member.branch || {};
      this.setData({ targetKind: 'Unit', targetId: branch.id, title: branch.name || '', canCreate: roles.canManageBranch(member, branch.id) });
    }
    this.setData({ closesOn: format.nowParts(Date.now() + 7 * 86400000).date });
    await this.load();
  },

  async load() {
    const list = await kit.guard(this, () => interaction.polls(this.data.targetKind, this.data.targetId));
    if (list) this.setData({ items: list.map(view) });
  },

  open(e) {
    kit.go('/pages/poll/index?id=' + e.currentTarget.dataset.id);
  },

  async create() {
    const question = String(this.data.question || '').trim();
    const options = optionsFrom(this.data.optionsText);
    const problem = !question ? '请填写投票问题。' : options.problem || (!this.data.closesOn ? '请选择截止日期。' : '');
    if (problem) {
      wx.showModal({ title: '无法发起', content: problem, showCancel: false });
      return null;
    }
    const created = await kit.guard(this, () =>
      interaction.createPoll({
        targetKind: this.data.targetKind,
        targetId: this.data.targetId,
        question,
        options: options.options,
        multipleChoice: !!this.data.multipleChoice,
        anonymous: !!this.data.anonymous,
        closesAt: format.toIso(this.data.closesOn, '23:59'),
      }, kit.submissionKey(this)),
    );
    if (!created) return null;
    kit.submitted(this);
    this.setData({ question: '', optionsText: '' });
    kit.toast('已发起');
    await this.load();
    return created;
  },

  async close(e) {
    if (await kit.confirmed(this, '结束投票', '结束后不能再投票。确定结束吗？', () => interaction.closePoll(e.currentTarget.dataset.id))) await this.load();
  },
}));
