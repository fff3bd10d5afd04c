const views = require('../../logic/views');
const kit = require('../../logic/page-kit');
const list = require('../../logic/paged-list');
const activities = require('../../api/activities');

const SCOPES = [
  { value: 'open', label: '可报名' },
  { value: 'mine', label: '我的报名' },
  { value: 'past', label: '往期' },
];

Page(Object.assign({}, list.handlers({
  fetch(cursor) {
    return activities.page(this.data.scope, cursor);
  },
  map: views.activity,
}), {
  data: Object.assign({ scopes: SCOPES, scope: SCOPES[0].value }, list.data()),

  onShow() {
    return this.reload();
  },

  switchScope(e) {
    this.setData({ scope: e.currentTarget.dataset.scope });
    return this.reload();
  },

  open(e) {
    kit.go('/pages/activity-detail/index?id=' + e.currentTarget.dataset.id);
  },
}));
