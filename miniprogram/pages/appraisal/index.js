const kit = require('../../logic/page-kit');
const interaction = require('../../api/interaction');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.detailPage(), {
  data: { id: null, title: '', grades: interaction.GRADES, members: [], canVote: false, hasVoted: false, open: false, appraised: false, selfText: '', loading: false },

  async show(member) {
    const round = await kit.guard(this, () => interaction.appraisal(this.data.id));
    if (!round) return;
    const me = (round.appraisedMembers || []).filter((m) => m.memberId === member.id)[0];
    this.setData({
      appraised: !!me,
      selfText: me ? me.selfAppraisal || '' : '',
      title: round.title,
      open: round.status === 'Open',
      canVote: !!round.canVote,
      hasVoted: !!round.hasVoted,
      members: (round.appraisedMembers || []).map((m) => ({ memberId: m.memberId, name: m.name, selfAppraisal: m.selfAppraisal || '', gradeIndex: -1 })),
    });
  },

  onSelfText(e) {
    this.setData({ selfText: e.detail.value });
  },

  /** An appraised member's own account of the year (PUT /api/appraisals/{id}/self-appraisal), separate from the ballots. */
  async saveSelf() {
    const text = String(this.data.selfText || '').trim();
    if (!text) {
      kit.toast('请填写自我评价', 'none');
      return;
    }
    const done = await kit.guard(this, () => interaction.selfAppraisal(this.data.id, text).then(() => true));
    if (!done) return;
    kit.toast('已保存');
    await this.load();
  },

  onGrade(e) {
    this.setData({ ['members[' + e.currentTarget.dataset.index + '].gradeIndex']: Number(e.detail.value) });
  },

  async submit() {
    if (this.data.members.some((m) => m.gradeIndex < 0)) {
      kit.toast('请为每位党员选择等次', 'none');
      return;
    }
    const ok = await kit.confirm('确认投票', '投票不记名，提交后不能修改。');
    if (!ok) return;
    const choices = this.data.members.map((m) => ({ memberId: m.memberId, grade: this.data.grades[m.gradeIndex].value }));
    const done = await kit.guard(this, () => interaction.castBallots(this.data.id, choices, kit.submissionKey(this)).then(() => true));
    if (!done) return;
    kit.submitted(this);
    kit.toast('投票成功');
    this.setData({ canVote: false, hasVoted: true });
  },
}));
