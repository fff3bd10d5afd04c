// Stories members submitted that wait for the committee (GET /api/stories?status=pending): read, then approve
// (POST /api/stories/{id}/approve; never by the author). A paged list.
const secretary = require('../../logic/secretary');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const brand = require('../../api/brand');

function view(s) {
  return { id: s.id, title: s.title, excerpt: s.excerpt || '', author: s.authorName || '', when: format.dateTime(s.createdAt), level: s.visibility === 'Public' ? '公开' : '党内', images: s.imageCount || 0 };
}

Page(Object.assign({}, secretary.pagedList(brand.pendingStories, view), {
  data: secretary.pagedListData(),

  read(e) {
    kit.go('/pages/brand/index?story=' + e.currentTarget.dataset.id);
  },

  async approve(e) {
    const id = e.currentTarget.dataset.id;
    const done = await kit.guard(this, () => brand.approveStory(id).then(() => true));
    if (!done) return;
    this.setData({ items: this.data.items.filter((s) => String(s.id) !== String(id)) });
    kit.toast('已发布');
  },
}));
