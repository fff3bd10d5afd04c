// Resolutions of a branch general meeting (POST /api/meetings/{id}/resolutions): the organiser records each motion's
// votes; the server refuses (409) when the meeting is not quorate, and a motion passes with more than half of all
// members with a vote (Domain/README.md, 支部党员大会).
const roles = require('../../logic/roles');
const kit = require('../../logic/page-kit');
const meetings = require('../../api/meetings');
const pageHandlers = require('../../logic/page-handlers');
const limits = require('../../api/limits');

const GENERAL_MEETING = 'BranchGeneralMeeting';

function view(r) {
  return { id: r.id, title: r.title, votes: '赞成 ' + r.yes + ' · 反对 ' + r.no + ' · 弃权 ' + r.abstain, result: r.passed ? '通过' : '未通过', passed: !!r.passed };
}

function count(value) {
  const text = String(value === undefined || value === null ? '' : value).trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

Page(Object.assign({}, pageHandlers.detailPage(), pageHandlers.fields, {
  data: { limits: limits, id: null, allowed: false, checked: false, generalMeeting: false, topic: '', quorum: '', resolutions: [], title: '', yes: '', no: '0', abstain: '0', loading: false },

  async show(member) {
    const meeting = await kit.guard(this, () => meetings.get(this.data.id));
    if (!meeting) return;
    const q = meeting.quorum;
    this.setData({
      allowed: roles.mayManage(member, meeting),
      checked: true,
      generalMeeting: meeting.type === GENERAL_MEETING,
      topic: meeting.topic,
      quorum: q ? '有表决权 ' + q.counted + ' 人，到会 ' + q.present + ' 人，' + (q.isQuorate ? '已达到法定人数' : '未达到法定人数（需 ' + q.required + ' 人）') : '',
      resolutions: (meeting.resolutions || []).map(view),
    });
  },

  async record() {
    const title = String(this.data.title || '').trim();
    const yes = count(this.data.yes);
    const no = count(this.data.no);
    const abstain = count(this.data.abstain);
    const problem = !title ? '请填写表决事项。' : yes === null || no === null || abstain === null ? '票数应为不小于0的整数。' : '';
    if (problem) {
      wx.showModal({ title: '无法记录', content: problem, showCancel: false });
      return null;
    }
    const saved = await kit.guard(this, () => meetings.recordResolution(this.data.id, { title, yes, no, abstain }, kit.submissionKey(this)));
    if (!saved) return null;
    kit.submitted(this);
    this.setData({ title: '', yes: '', no: '0', abstain: '0' });
    kit.toast(saved.passed ? '决议通过' : '未获通过', saved.passed ? 'success' : 'none');
    await this.load();
    return saved;
  },
}));
