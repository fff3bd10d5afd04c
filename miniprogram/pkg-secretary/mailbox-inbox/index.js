// The secretary's side of 书记信箱 (GET /api/mailbox, POST /api/mailbox/{id}/answer): messages to the branch by
// state, overdue ones flagged, answered on the phone; 20 a page, the next one at the bottom. Anonymous writers stay anonymous (the API shows no author).
const session = require('../../logic/session');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const interaction = require('../../api/interaction');
const pageHandlers = require('../../logic/page-handlers');

const READERS = ['Secretary', 'DeputySecretary', 'GeneralBranchAdmin'];

const STATES = [
  { value: 'Open', label: '待答复' },
  { value: 'Answered', label: '已答复' },
  { value: 'Resolved', label: '已解决' },
];

function view(m) {
  const category = interaction.CATEGORIES.filter((c) => c.value === m.category)[0];
  return {
    id: m.id,
    category: category ? category.label : m.category,
    from: m.anonymous || !m.author ? '匿名' : m.author.name,
    text: m.text,
    sent: format.dateTime(m.sentAt),
    due: format.dateTime(m.replyDueAt),
    overdue: !!m.overdue,
    escalated: !!m.escalated,
    open: m.status === 'Open',
    replies: (m.replies || []).map((r) => ({ key: r.answeredAt, text: r.text, by: r.answeredBy, when: format.dateTime(r.answeredAt) })),
  };
}

Page(Object.assign({}, pageHandlers.refresh, {
  data: { allowed: false, checked: false, states: STATES, state: 'Open', overdue: 0, items: [], nextCursor: null, drafts: {}, loading: false },

  onLoad() {
    return this.load();
  },

  switchState(e) {
    this.setData({ state: e.currentTarget.dataset.state });
    return this.load();
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    // Readers are the branch's secretary and deputy and the general branch's admins (the API checks again).
    const allowed = (member.roles || []).some((r) => READERS.indexOf(r.role) >= 0);
    this.setData({ checked: true, allowed });
    if (!allowed) return;
    const state = this.data.state;
    const data = await kit.guard(this, () => interaction.mailbox(state));
    if (data && state === this.data.state) {
      this.setData({ overdue: data.overdue || 0, items: (data.items || []).map(view), nextCursor: data.nextCursor || null });
    }
  },

  /** The next page of the same state at the bottom (answered and resolved messages pile up over a year). */
  async onReachBottom() {
    const state = this.data.state;
    const cursor = this.data.nextCursor;
    if (!cursor || this.loadingMore) return;
    this.loadingMore = true;
    const data = await kit.guard(this, () => interaction.mailbox(state, cursor));
    this.loadingMore = false;
    if (!data || state !== this.data.state || cursor !== this.data.nextCursor) return;
    this.setData({ items: this.data.items.concat((data.items || []).map(view)), nextCursor: data.nextCursor || null });
  },

  onDraft(e) {
    this.setData({ ['drafts.' + e.currentTarget.dataset.id]: e.detail.value });
  },

  async answer(e) {
    const id = e.currentTarget.dataset.id;
    const text = String(this.data.drafts[id] || '').trim();
    if (!text) {
      kit.toast('请填写答复', 'none');
      return;
    }
    const done = await kit.guard(this, () => interaction.answer(id, text).then(() => true));
    if (!done) return;
    this.setData({ ['drafts.' + id]: '' });
    kit.toast('已答复');
    await this.load();
  },
}));
