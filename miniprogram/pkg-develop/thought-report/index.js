// Handing in a thought report (思想汇报) for the current period: a summary (POST /api/development/me/thought-reports,
// at most 500 characters, with the day written) and/or the full text as a file (POST /api/development/me/attachments,
// kind ThoughtReport: PDF or an image, at most 5 MB). The report goes first, with the submission's Idempotency-Key; the
// file follows, and if only the file fails a retry sends only the file. A file alone is handed in with a summary that
// says so, because the server counts the report (the event), not the file.
const kit = require('../../logic/page-kit');
const format = require('../../logic/format');
const client = require('../../api/client');
const dev = require('../../api/development');
const logic = require('../../logic/development');

const FILE_ONLY_TEXT = '思想汇报全文见附件。';

Page({
  data: {
    allowed: false, checked: false, missing: false, task: null, text: '', writtenOn: '', today: '',
    file: null, reported: false, limits: logic.LIMITS, error: null, loading: false,
  },

  async onLoad() {
    const today = format.nowParts().date;
    this.setData({ writtenOn: today, today });
    let missing = false;
    const record = await kit.guard(this, () => dev.me(), {
      onError: (err) => {
        if (err && err.status === 404) missing = true;
        else client.showError(err);
      },
    });
    this.setData({
      checked: true,
      missing,
      allowed: !!record && logic.writesThoughtReports(record),
      task: record ? logic.thoughtReportTask(record) : null,
    });
  },

  onText(e) {
    this.setData({ text: e.detail.value });
  },

  onDate(e) {
    this.setData({ writtenOn: e.detail.value });
  },

  /** A PDF or an image from a chat (chooseMessageFile), checked against the size limit before it is sent. */
  chooseFile() {
    wx.chooseMessageFile({
      count: 1,
      type: 'all',
      extension: ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp'],
      success: (res) => {
        const f = res.tempFiles && res.tempFiles[0];
        if (!f) return;
        if (f.size > logic.LIMITS.fileBytes) {
          wx.showModal({ title: '附件过大', content: '附件不能超过5 MB。', showCancel: false });
          return;
        }
        this.setData({ file: { path: f.path, name: f.name || '附件', size: f.size } });
      },
    });
  },

  removeFile() {
    this.setData({ file: null });
  },

  async submit() {
    const text = String(this.data.text || '').trim();
    const file = this.data.file;
    if (!text && !file) {
      this.setData({ error: { title: '内容为空', detail: '请填写思想汇报内容摘要，或选择思想汇报全文文件。' } });
      return;
    }
    if (text.length > logic.LIMITS.note) {
      this.setData({ error: { title: '内容过长', detail: '内容摘要不能超过' + logic.LIMITS.note + '字，全文请以附件上传。' } });
      return;
    }
    this.setData({ error: null });
    const fail = (err) => this.setData({ error: logic.refusal(err) });
    if (!this.data.reported) {
      const key = kit.submissionKey(this);
      const done = await kit.guard(this, () => dev.submitThoughtReport({ text: text || FILE_ONLY_TEXT, writtenOn: this.data.writtenOn || undefined }, key), { onError: fail });
      if (!done) return;
      kit.submitted(this);
      this.setData({ reported: true });
    }
    if (file) {
      const uploaded = await kit.guard(this, () => dev.uploadMine(file.path, 'ThoughtReport'), { onError: fail });
      if (!uploaded) return;
    }
    kit.toast('已提交');
    wx.redirectTo({ url: '/pkg-develop/timeline/index' });
  },
});
