// The public brand page of a branch (or the general branch): identity, labels and its stories.
//   ?unitId=<id>             the unit's brand and stories (default: the signed-in member's own branch)
//   ?story=<id>[&share=<id>] one story with likes, comments and sharing; a share id records the opening
// One page for both, so the mini-program gains a single page folder (pages/brand/index).
const session = require('../../logic/session');
const kit = require('../../logic/page-kit');
const watermark = require('../../logic/watermark');
const api = require('../../api/brand');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.refresh, {
  data: {
    unitId: null, brand: null, logo: '', cover: '', stories: [], nextCursor: null, empty: '',
    storyId: null, story: null, images: [], comment: '', watermark: '', loading: false,
  },

  onLoad(options) {
    this.setData({ unitId: options.unitId || null, storyId: options.story || null });
    if (options.share) {
      // Counted once per person however often they open it; a failure must not keep them from reading.
      api.opened(options.share).catch(() => {});
    }
    return this.load();
  },

  onReachBottom() {
    if (!this.data.storyId && this.data.nextCursor) return this.more();
    return undefined;
  },

  load() {
    return this.data.storyId ? this.loadStory() : this.loadBrand();
  },

  async loadBrand() {
    let unitId = this.data.unitId;
    if (!unitId) {
      const member = await kit.guard(this, () => session.ensureMember());
      unitId = member && member.branch && member.branch.id;
      if (!unitId) return;
      this.setData({ unitId });
    }

    const brand = await kit.guard(this, () => api.brand(unitId));
    if (!brand) return;
    wx.setNavigationBarTitle({ title: brand.name });
    wx.setNavigationBarColor({ frontColor: '#ffffff', backgroundColor: brand.themeColor || '#C8161D' });
    this.setData({ brand, logo: api.media(brand.logoUrl), cover: api.media(brand.coverUrl) });

    const page = await kit.guard(this, () => api.stories(unitId), { silent: true });
    if (page) this.setData({ stories: page.items.map(card), nextCursor: page.nextCursor, empty: page.items.length ? '' : '还没有先锋事迹' });
  },

  async more() {
    const page = await kit.guard(this, () => api.stories(this.data.unitId, this.data.nextCursor));
    if (page) this.setData({ stories: this.data.stories.concat(page.items.map(card)), nextCursor: page.nextCursor });
  },

  open(e) {
    kit.go('/pages/brand/index?story=' + e.currentTarget.dataset.id);
  },

  async loadStory() {
    const story = await kit.guard(this, () => api.story(this.data.storyId));
    if (!story) return;
    wx.setNavigationBarTitle({ title: story.title });
    this.setData({
      story,
      images: story.imageUrls.map(api.media),
      watermark: watermark.watermarkText(story.visibility, session.member()),
    });
  },

  preview(e) {
    wx.previewImage({ urls: this.data.images, current: e.currentTarget.dataset.src });
  },

  async like() {
    const result = await kit.guard(this, () => api.like(this.data.storyId));
    if (result) this.setData({ 'story.likedByMe': true, 'story.likeCount': result.likeCount });
  },

  typed(e) {
    this.setData({ comment: e.detail.value });
  },

  async send() {
    const text = (this.data.comment || '').trim();
    if (!text) return;
    const created = await kit.guard(this, () => api.comment(this.data.storyId, text, kit.submissionKey(this)));
    if (!created) return;
    kit.submitted(this);
    this.setData({ comment: '' });
    kit.toast('评论已发布');
    await this.loadStory();
  },

  onShareAppMessage() {
    const story = this.data.story;
    if (!this.data.storyId) {
      const brand = this.data.brand;
      return { title: brand ? brand.name + (brand.slogan ? ' · ' + brand.slogan : '') : '支部品牌', path: '/pages/brand/index?unitId=' + this.data.unitId };
    }

    const fallback = { title: story ? story.title : '先锋事迹', path: '/pages/brand/index?story=' + this.data.storyId };
    if (!story || !story.canShare) return fallback;
    // The share id travels in the card's path, so openings can be counted.
    return {
      title: fallback.title,
      path: fallback.path,
      promise: api.share(this.data.storyId).then((s) => ({ title: fallback.title, path: '/' + s.path }), () => fallback),
    };
  },
}));

function card(story) {
  return {
    id: story.id,
    title: story.title,
    excerpt: story.excerpt,
    cover: api.media(story.coverUrl),
    likes: story.likeCount,
    comments: story.commentCount,
    pending: story.status === 'PendingApproval',
  };
}
