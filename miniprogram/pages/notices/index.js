const views = require('../../logic/views');
const kit = require('../../logic/page-kit');
const list = require('../../logic/paged-list');
const notices = require('../../api/notices');

const PAGE_SIZE = 20;

Page(Object.assign({}, list.handlers({
  fetch: (cursor) => notices.list({ cursor, limit: PAGE_SIZE }),
  map: views.notice,
}), {
  data: list.data(),

  onShow() {
    return this.reload();
  },

  open(e) {
    kit.go('/pages/notice-detail/index?id=' + e.currentTarget.dataset.id);
  },
}));
