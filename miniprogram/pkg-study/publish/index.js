// The committee publishes a study material (POST /api/study/materials): a text typed here, or an audio, video or PDF
// file sent through the study API's chunked upload (../upload.js) first. Video, and text WeChat asks to review, wait
// for another committee member's approval. Limits are the API's, from api/limits.js: title and topic (the OpenAPI
// document's maxLength) and the estimated minutes (its minimum and maximum). Then the material can be assigned (../assign).
const secretary = require('../../logic/secretary');
const form = require('../../logic/notice-form');
const kit = require('../../logic/page-kit');
const api = require('../../api/study');
const uploads = require('../upload');
const pageHandlers = require('../../logic/page-handlers');
const limits = require('../../api/limits');

const KINDS = [
  { value: 'Text', label: '图文（在此输入）' },
  { value: 'Audio', label: '音频（MP3、M4A、AAC、WAV）' },
  { value: 'Video', label: '视频（MP4，需另一名支委审核）' },
  { value: 'Pdf', label: '文档（PDF）' },
];
const STATUS = { Published: '已发布', PendingApproval: '已提交，待另一名支委审核后发布' };

function problemOf(data) {
  const title = String(data.title || '').trim();
  const topic = String(data.topic || '').trim();
  const minutes = Number(data.minutes);
  if (!title) return '请填写标题。';
  if (title.length > limits.studyMaterial.title) return '标题不能超过' + limits.studyMaterial.title + '个字。';
  if (!topic) return '请填写专题（如 党章党规、党史学习）。';
  if (topic.length > limits.studyMaterial.topic) return '专题不能超过' + limits.studyMaterial.topic + '个字。';
  const range = limits.studyMaterial.estimatedMinutes;
  if (!/^\d+$/.test(String(data.minutes).trim()) || minutes < range.minimum || minutes > range.maximum) return '预计学习时长应在' + range.minimum + '到' + range.maximum + '分钟之间。';
  if (KINDS[data.kindIndex].value === 'Text' && !String(data.body || '').trim()) return '图文资料请填写正文。';
  if (KINDS[data.kindIndex].value !== 'Text' && !data.file) return '请选择要上传的文件。';
  if (!data.confirmed) return '请确认学习资料不涉及国家秘密。';
  return null;
}

Page(Object.assign({}, pageHandlers.fields, {
  data: Object.assign(
    {
      limits: limits,
      denied: '', kinds: KINDS, kindIndex: 0, title: '', topic: '', body: '',
      minutes: '30', confirmed: false, file: null, sent: '', published: null, loading: false,
    },
    secretary.startData(),
    secretary.visibilityData(),
  ),

  async onLoad(options) {
    await secretary.start(this, { unitId: options && options.unitId });
  },

  onKind(e) {
    this.setData({ kindIndex: Number(e.detail.value), file: null, sent: '' });
    this.uploadState = {};
  },

  onConfirm(e) {
    this.setData({ confirmed: (e.detail.value || []).length > 0 });
  },

  /** Video from the album or camera; audio and PDF from a chat (where such files usually arrive). */
  chooseFile() {
    const kind = KINDS[this.data.kindIndex].value;
    const chosen = (file) => {
      this.uploadState = {};
      this.setData({ file, sent: '' });
    };
    return new Promise((resolve) => {
      const done = (file) => {
        if (file) chosen(file);
        resolve(file || null);
      };
      if (kind === 'Video') {
        wx.chooseMedia({
          count: 1, mediaType: ['video'], sourceType: ['album', 'camera'],
          success: (res) => {
            const f = res.tempFiles[0];
            done({ path: f.tempFilePath, name: f.tempFilePath.split('/').pop(), size: f.size });
          },
          fail: () => done(null),
        });
      } else {
        wx.chooseMessageFile({
          count: 1, type: 'file', extension: kind === 'Pdf' ? ['pdf'] : ['mp3', 'm4a', 'aac', 'wav'],
          success: (res) => {
            const f = res.tempFiles[0];
            done({ path: f.path, name: f.name, size: f.size });
          },
          fail: () => done(null),
        });
      }
    });
  },

  async submit() {
    const problem = problemOf(this.data) || (form.validate({ title: this.data.title, body: this.data.body || '-', confirmed: true }) || null);
    if (problem) {
      wx.showModal({ title: '无法发布', content: problem, showCancel: false });
      return null;
    }
    const branch = secretary.branchOf(this);
    const kind = KINDS[this.data.kindIndex].value;
    const material = {
      unitId: branch.id,
      title: this.data.title.trim(),
      topic: this.data.topic.trim(),
      kind,
      body: kind === 'Text' ? form.toHtml(this.data.body) : String(this.data.body || '').trim() ? form.toHtml(this.data.body) : null,
      mediaId: null,
      visibility: secretary.visibilityOf(this.data),
      estimatedMinutes: Number(this.data.minutes),
      confirmNotClassified: true,
    };
    const key = kit.submissionKey(this);
    const created = await kit.guard(this, async () => {
      if (kind !== 'Text') {
        this.uploadState = this.uploadState || {};
        const upload = await uploads.send(this.data.file, this.uploadState, (sent, total) => this.setData({ sent: '已上传 ' + sent + '/' + total }), key + '-upload');
        // The server decided what the file is: an MP4 with only sound is audio, whatever was picked.
        material.kind = upload.kind || kind;
        material.mediaId = upload.id;
        this.setData({ sent: '文件已上传' });
      }
      return api.publish(material, key);
    }, { onError: kit.refusal(this) });
    if (!created) return null;
    kit.submitted(this);
    this.uploadState = {};
    this.setData({ published: { id: created.id, status: created.status, text: STATUS[created.status] || created.status, ready: created.status === 'Published' } });
    kit.toast(created.status === 'Published' ? '已发布' : '已提交审核');
    return created;
  },

  /** The published material straight into an assignment. */
  assign() {
    const branch = secretary.branchOf(this);
    kit.go('/pkg-study/assign/index?unitId=' + branch.id + '&materialId=' + this.data.published.id);
  },

  another() {
    this.uploadState = {};
    this.setData({ published: null, title: '', body: '', file: null, sent: '', confirmed: false });
  },
}));

module.exports = { problemOf };
