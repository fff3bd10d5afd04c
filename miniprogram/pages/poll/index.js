const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const interaction = require('../../api/interaction');
const pageHandlers = require('../../logic/page-handlers');

function view(poll) {
  const total = poll.options.reduce((sum, o) => sum + o.votes, 0);
  return {
    question: poll.question,
    multiple: !!poll.multipleChoice,
    anonymous: !!poll.anonymous,
    open: !!poll.open,
    voted: (poll.myChoices || []).length > 0,
    closes: format.dateTime(poll.closesAt),
    voters: poll.voters,
    options: poll.options.map((o) => ({
      id: o.id,
      text: o.text,
      votes: o.votes,
      percent: total ? Math.round((100 * o.votes) / total) : 0,
      mine: (poll.myChoices || []).indexOf(o.id) >= 0,
    })),
  };
}

Page(Object.assign({}, pageHandlers.detailPage(), {
  data: { id: null, poll: null, chosen: [], loading: false },

  async show(member) {
    const poll = await kit.guard(this, () => interaction.poll(this.data.id));
    if (poll) this.setData({ poll: view(poll) });
  },

  onChoose(e) {
    const value = e.detail.value;
    this.setData({ chosen: (Array.isArray(value) ? value : [value]).map(Number) });
  },

  async submit() {
    if (!this.data.chosen.length) {
      kit.toast('请选择', 'none');
      return;
    }
    const poll = await kit.guard(this, () => interaction.vote(this.data.id, this.data.chosen, kit.submissionKey(this)));
    if (!poll) return;
    kit.submitted(this);
    kit.toast('已投票');
    this.setData({ poll: view(poll), chosen: [] });
  },
}));
