// The branch's brand profile (GET/PUT /api/org/units/{id}/brand): name, slogan, labels, introduction, theme colour.
// Logo and cover images keep what is set (uploading images is done on the brand page's editor in a browser).
const secretary = require('../../logic/secretary');
const kit = require('../../logic/page-kit');
const brand = require('../../api/brand');

const LABELS_MAX = 8;
const LABEL_LENGTH = 20;

/** "先锋, 服务；奉献" → ['先锋', '服务', '奉献'], or a Chinese problem. */
function labelsFrom(text) {
  const labels = String(text || '').split(/[,，、;；\s]+/).map((l) => l.trim()).filter(Boolean);
  if (labels.length > LABELS_MAX) return { problem: '标签最多' + LABELS_MAX + '个。' };
  if (labels.some((l) => l.length > LABEL_LENGTH)) return { problem: '每个标签不超过' + LABEL_LENGTH + '个字。' };
  return { labels };
}

Page(Object.assign({}, secretary.handlers, {
  data: { allowed: false, checked: false, branches: [], branchIndex: 0, name: '', slogan: '', labels: '', introduction: '', themeColor: '#C8161D', loading: false },

  async load() {
    const b = await kit.guard(this, () => brand.brand(secretary.branchOf(this).id));
    if (!b) return;
    this.current = b;
    this.setData({ name: b.name || '', slogan: b.slogan || '', labels: (b.labels || []).join('、'), introduction: b.introduction || '', themeColor: b.themeColor || '#C8161D' });
  },

  async save() {
    const name = String(this.data.name || '').trim();
    const labels = labelsFrom(this.data.labels);
    const color = String(this.data.themeColor || '').trim();
    const problem = !name ? '请填写品牌名称。' : labels.problem || (!/^#[0-9A-Fa-f]{6}$/.test(color) ? '主题色应为 #RRGGBB，如 #C8161D。' : '');
    if (problem) {
      wx.showModal({ title: '无法保存', content: problem, showCancel: false });
      return null;
    }
    // PUT sets the whole brand: keep the images the brand already has (their media ids are the last part of their URLs).
    const idOf = (url) => (url ? url.split('/').pop() : null);
    const saved = await kit.guard(this, () =>
      brand.updateBrand(secretary.branchOf(this).id, {
        name,
        slogan: String(this.data.slogan || '').trim(),
        labels: labels.labels,
        introduction: String(this.data.introduction || '').trim(),
        themeColor: color,
        logoMediaId: idOf(this.current && this.current.logoUrl),
        coverMediaId: idOf(this.current && this.current.coverUrl),
      }),
    );
    if (!saved) return null;
    this.current = saved;
    kit.toast('已保存');
    return saved;
  },

  preview() {
    kit.go('/pages/brand/index?unitId=' + secretary.branchOf(this).id);
  },
}));

module.exports = { labelsFrom };
