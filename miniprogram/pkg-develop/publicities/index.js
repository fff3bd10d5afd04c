// Publicities (公示) running today in the member's organisation (GET /api/development/publicity): whose, before which
// step, the period. A member may send an objection (异议, POST /publicity/{id}/objections); only the branch committee
// reads it. The server's refusal (a publicity that ended: 409; a text the policy refuses: 400) is shown on the item.
const kit = require('../../logic/page-kit');
const dev = require('../../api/development');
const logic = require('../../logic/development');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.memberPage('onLoad'), pageHandlers.refresh, {
  data: { checked: false, items: [], openId: '', text: '', sent: {}, error: null, limits: logic.LIMITS, loading: false },

  async show(member) {
    const page = await kit.guard(this, () => dev.publicities());
    this.setData({ checked: true, items: page ? page.items.map(logic.memberPublicity) : [] });
  },

  /** Opens (or closes) the objection form of one publicity. */
  toggle(e) {
    const id = String(e.currentTarget.dataset.id);
    this.setData({ openId: this.data.openId === id ? '' : id, text: '', error: null });
  },

  onText(e) {
    this.setData({ text: e.detail.value });
  },

  async submit() {
    const problem = logic.objectionProblem(this.data.text);
    if (problem) {
      this.setData({ error: { title: '请补充信息', detail: problem } });
      return;
    }
    const id = this.data.openId;
    this.setData({ error: null });
    const answer = await kit.guard(this, () => dev.object(id, this.data.text.trim()), {
      onError: (err) => this.setData({ error: { title: err.title, detail: err.detail } }),
    });
    if (!answer) return;
    kit.toast('已提交');
    this.setData({ ['sent.' + id]: true, openId: '', text: '' });
  },
}));
