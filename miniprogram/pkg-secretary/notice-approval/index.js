// Notices held by the content check wait for another committee member (or an admin) to approve them.
const roles = require('../../logic/roles');
const format = require('../../logic/format');
const watermark = require('../../logic/watermark');
const kit = require('../../logic/page-kit');
const notices = require('../../api/notices');
const pageHandlers = require('../../logic/page-handlers');

const HOLD_REASONS = { ContentReview: '内容需人工复核', CheckUnavailable: '内容检测暂不可用' };

Page(Object.assign({}, pageHandlers.memberPage('onShow'), pageHandlers.refresh, {
  data: { allowed: false, checked: false, items: [], loading: false },

  async show(member) {
    const allowed = roles.isSecretary(member);
    this.setData({ allowed, checked: true });
    if (!allowed) return;
    const list = await kit.guard(this, () => notices.pending());
    if (!list) return;
    this.setData({
      items: list.map((n) => ({
        id: n.id,
        title: n.title,
        level: watermark.levelLabel(n.visibility),
        author: n.authorName || '',
        when: format.dateTime(n.createdAt),
        reason: HOLD_REASONS[n.holdReason] || '',
        canApprove: n.canApprove !== false,
      })),
    });
  },

  open(e) {
    kit.go('/pages/notice-detail/index?id=' + e.currentTarget.dataset.id);
  },

  async approve(e) {
    const id = e.currentTarget.dataset.id;
    if (!(await kit.confirmed(this, '审核通过', '确认该通知内容无误并发布吗？', () => notices.approve(id)))) return;
    kit.toast('已发布');
    await this.load();
  },
}));
