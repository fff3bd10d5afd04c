const roles = require('../../logic/roles');
const watermark = require('../../logic/watermark');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const meetings = require('../../api/meetings');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.detailPage(), {
  data: { id: null, content: '', revisions: [], canEdit: false, canPublish: true, editing: false, draft: '', watermark: '', loading: false },

  async show(member) {
    const meeting = await kit.guard(this, () => meetings.get(this.data.id));
    if (!meeting) return;
    const canEdit = meeting.canOrganize === true || roles.canManageBranch(member, roles.branchIdOf(meeting)) || (meeting.recorder && meeting.recorder.id === member.id) || meeting.recorderId === member.id;
    // Minutes record what the meeting did: before it starts only a draft is saved (the API refuses publishing).
    const canPublish = !meeting.startsAt || new Date(meeting.startsAt).getTime() <= Date.now();
    this.setData({ canEdit: !!canEdit, canPublish, watermark: watermark.watermarkText(meeting.visibility, member) });
    // No minutes yet is a normal state (404), not an error to pop up.
    const minutes = await kit.guard(this, () => meetings.minutes(this.data.id), { onError: () => null });
    if (!minutes) return;
    const revisions = (minutes.revisions || []).map((r, i) => ({
      no: i + 1,
      content: r.content,
      author: (r.author && r.author.name) || r.authorName || '',
      when: format.dateTime(r.createdAt || r.at),
    }));
    const latest = revisions.length ? revisions[revisions.length - 1].content : minutes.content || '';
    this.setData({ content: minutes.content || latest, revisions });
  },

  edit() {
    this.setData({ editing: true, draft: this.data.content });
  },

  onDraft(e) {
    this.setData({ draft: e.detail.value });
  },

  async save() {
    const content = String(this.data.draft || '').trim();
    if (!content) {
      wx.showModal({ title: '会议记录为空', content: '请填写会议记录后再保存。', showCancel: false });
      return;
    }
    const publish = this.data.canPublish;
    const saved = await kit.guard(this, () => meetings.saveMinutes(this.data.id, content, publish).then(() => true));
    if (!saved) return;
    this.setData({ editing: false });
    kit.toast(publish ? '已保存' : '草稿已保存');
    await this.load();
  },
}));
