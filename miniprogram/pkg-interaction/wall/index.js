// The message wall of a meeting or activity (/api/walls): members post short messages (≤140 characters, the shared
// text policy); organisers open the wall, approve or reject what waits, and close it. ?kind=meeting|activity&id=…
const session = require('../../logic/session');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const subject = require('../../logic/subject');
const interaction = require('../../api/interaction');
const pageHandlers = require('../../logic/page-handlers');
const limits = require('../../api/limits');

const STATUS = { Pending: '待审核', Approved: '已上墙', Rejected: '未通过' };

function line(m) {
  return { id: m.id, author: m.authorName || '', text: m.text, when: format.dateTime(m.postedAt), status: STATUS[m.status] || '' };
}

Page(Object.assign({}, pageHandlers.refresh, pageHandlers.fields, {
  data: { limits: limits, kind: 'meeting', id: null, title: '', wall: null, messages: [], pending: [], mine: [], canOpen: false, requiresApproval: true, text: '', loading: false },

  onLoad(options) {
    this.setData({ kind: options.kind === 'activity' ? 'activity' : 'meeting', id: options.id });
    return this.load();
  },

  targetKind() {
    return this.data.kind === 'activity' ? 'Activity' : 'Meeting';
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const item = await kit.guard(this, () => subject.apiFor(this.data.kind).get(this.data.id));
    if (!item) return;
    this.setData({ title: subject.titleOf(item) });
    // No wall yet answers 404: organisers may open one, members see that there is none.
    const wall = await kit.guard(this, () => interaction.wallOf(this.targetKind(), this.data.id), { onError: () => null });
    this.show(wall, item);
  },

  show(wall, item) {
    const organizer = item ? item.canOrganize === true || item.canManage === true : this.data.canOpen;
    this.setData({
      wall: wall ? { id: wall.id, open: !!wall.open, canModerate: !!wall.canModerate, requiresApproval: !!wall.requiresApproval } : null,
      messages: wall ? (wall.messages || []).map(line) : [],
      pending: wall && wall.canModerate ? (wall.pending || []).map(line) : [],
      mine: wall ? (wall.mine || []).filter((m) => m.status !== 'Approved').map(line) : [],
      canOpen: !wall && organizer,
    });
  },

  async open() {
    const wall = await kit.guard(this, () => interaction.openWall(this.targetKind(), Number(this.data.id), !!this.data.requiresApproval, kit.submissionKey(this)));
    if (!wall) return;
    kit.submitted(this);
    this.show(wall, null);
  },

  async post() {
    const text = String(this.data.text || '').trim();
    if (!text || text.length > limits.wallMessage.text) {
      wx.showModal({ title: '无法发送', content: text ? '留言不能超过' + limits.wallMessage.text + '个字。' : '请填写留言。', showCancel: false });
      return null;
    }
    const sent = await kit.guard(this, () => interaction.postToWall(this.data.wall.id, text, kit.submissionKey(this)));
    if (!sent) return null;
    kit.submitted(this);
    this.setData({ text: '' });
    kit.toast(sent.status === 'Approved' ? '已上墙' : '已提交，待审核');
    await this.refresh();
    return sent;
  },

  async refresh() {
    const wall = await kit.guard(this, () => interaction.wall(this.data.wall.id));
    if (wall) this.show(wall, null);
  },

  async decide(e) {
    const { message, approve } = e.currentTarget.dataset;
    const done = await kit.guard(this, () => interaction.decideWallMessage(this.data.wall.id, message, approve === 'yes').then(() => true));
    if (done) await this.refresh();
  },

  async close() {
    if (await kit.confirmed(this, '关闭留言墙', '关闭后党员不能再留言。确定关闭吗？', () => interaction.closeWall(this.data.wall.id))) await this.refresh();
  },
}));
