// Brand, stories and shares.
const client = require('./client');
const config = require('../config/env');

/** Absolute address of an image URL the API returns ("/api/media/…"). */
function media(url) {
  return url ? config.baseUrl() + url : '';
}

module.exports = {
  media,
  /** → { unitId, unitName, name, slogan, labels, logoUrl, coverUrl, introduction, themeColor, publicStoryCount, canEdit } */
  brand: (unitId) => client.get('/api/org/units/' + unitId + '/brand'),
  /** → { items: [{ id, title, excerpt, coverUrl, likeCount, commentCount, status, publishedAt }], nextCursor } */
  stories: (unitId, cursor) => client.get('/api/stories', { unitId, cursor, limit: 10 }),
  /** Opening a story records the member's first view. */
  story: (id) => client.get('/api/stories/' + id),
  like: (id) => client.post('/api/stories/' + id + '/like'),
  comment: (id, text, idempotencyKey) => client.create('/api/stories/' + id + '/comments', { text }, idempotencyKey),
  /** → { shareId, path } (only published Public stories) */
  share: (id) => client.post('/api/shares', { subjectType: 'story', subjectId: Number(id) }),
  /** → { shareId, path } (only published Public notices) */
  shareNotice: (id) => client.post('/api/shares', { subjectType: 'notice', subjectId: Number(id) }),
  /** The committee's approval queue of the unit: { items, nextCursor } of stories waiting for approval. */
  pendingStories: (unitId, cursor) => client.get('/api/stories', { unitId, cursor, limit: 20, status: 'pending' }),
  approveStory: (id) => client.post('/api/stories/' + id + '/approve'),
  /** { name, slogan, labels (≤8 × 20 chars), logoMediaId, coverMediaId, introduction, themeColor '#RRGGBB' } */
  updateBrand: (unitId, brand) => client.put('/api/org/units/' + unitId + '/brand', brand),
  /** China dates, inclusive (at most 366 days) → { total, branches, items, days, formula } */
  reach: (unitId, from, to) => client.get('/api/org/units/' + unitId + '/reach', { from, to }),
  /** → [{ id, token, url, label, createdAt }] the active display links */
  screenLinks: (unitId) => client.items('/api/org/units/' + unitId + '/screen-links'),
  createScreenLink: (unitId, label, idempotencyKey) => client.create('/api/org/units/' + unitId + '/screen-links', { label }, idempotencyKey),
  revokeScreenLink: (id) => client.del('/api/screen-links/' + id),
  /** Records that this user opened a shared story. */
  opened: (shareId) => client.post('/api/shares/' + encodeURIComponent(shareId) + '/open', {}),
};
