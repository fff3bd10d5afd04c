const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const interaction = require('../../api/interaction');
const pageHandlers = require('../../logic/page-handlers');

function view(m) {
  const category = interaction.CATEGORIES.filter((c) => c.value === m.category)[0];
  return {
    id: m.id,
    categoryText: category ? category.label : m.category,
    text: m.text,
    anonymous: !!m.anonymous,
    toGeneral: m.addressee === 'GeneralBranch',
    statusText: interaction.STATUS_LABELS[m.status] || m.status,
    answered: m.status === 'Answered',
    sent: format.dateTime(m.sentAt),
    due: format.dateTime(m.replyDueAt),
    overdue: !!m.overdue,
    replies: (m.replies || []).map((r) => ({ text: r.text, by: r.answeredBy, when: format.dateTime(r.answeredAt), late: !r.onTime })),
  };
}

Page(Object.assign({}, pageHandlers.memberPage('onShow'), pageHandlers.refresh, {
  data: {
    categories: interaction.CATEGORIES,
    categoryIndex: 0,
    toGeneral: false,
    anonymous: false,
    text: '',
    items: [],
    loading: false,
  },

  async show(member) {
    const mine = await kit.guard(this, () => interaction.myMailbox());
    if (!mine) return;
    this.setData({ items: (mine.items || []).map(view) });
  },

  onCategory(e) {
    this.setData({ categoryIndex: Number(e.detail.value) });
  },

  onText(e) {
    this.setData({ text: e.detail.value });
  },

  onAnonymous(e) {
    this.setData({ anonymous: !!e.detail.value });
  },

  onGeneral(e) {
    this.setData({ toGeneral: !!e.detail.value });
  },

  async submit() {
    const text = (this.data.text || '').trim();
    if (!text) {
      kit.toast('请填写留言内容', 'none');
      return;
    }
    const sent = await kit.guard(this, () => interaction.writeToMailbox({
      addressee: this.data.toGeneral ? 'GeneralBranch' : 'Branch',
      category: this.data.categories[this.data.categoryIndex].value,
      text,
      anonymous: this.data.anonymous,
    }, kit.submissionKey(this)));
    if (!sent) return;
    kit.submitted(this);
    kit.toast('已送达');
    this.setData({ text: '' });
    await this.load();
  },

  async resolve(e) {
    const { id, resolved } = e.currentTarget.dataset;
    const done = await kit.guard(this, () => interaction.markResolution(id, resolved === 'yes'));
    if (!done) return;
    kit.toast(resolved === 'yes' ? '已确认解决' : '已重新提交');
    await this.load();
  },
}));
