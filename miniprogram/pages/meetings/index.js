const views = require('../../logic/views');
const subscribe = require('../../logic/subscribe');
const kit = require('../../logic/page-kit');
const list = require('../../logic/paged-list');
const meetings = require('../../api/meetings');

const SCOPES = [
  { value: 'upcoming', label: '即将召开' },
  { value: 'mine', label: '我的会议' },
  { value: 'past', label: '往期' },
];

Page(Object.assign({}, list.handlers({
  fetch(cursor) {
    return meetings.page(this.data.scope, cursor);
  },
  map: (m) => views.meeting(m, meetings.MEETING_TYPES),
}), {
  data: Object.assign({ scopes: SCOPES, scope: SCOPES[0].value }, list.data()),

  onShow() {
    subscribe.prefetch();
    return this.reload();
  },

  switchScope(e) {
    this.setData({ scope: e.currentTarget.dataset.scope });
    return this.reload();
  },

  /** Viewing a meeting is a moment to offer its reminders (24 h and 1 h before). */
  open(e) {
    const asked = this.data.scope === 'past' ? Promise.resolve(null) : subscribe.ask(['Meeting']);
    kit.go('/pages/meeting-detail/index?id=' + e.currentTarget.dataset.id);
    return asked;
  },
}));
