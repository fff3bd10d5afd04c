// One study material (GET /api/study/materials/{id}): rich text, a PDF to open, or a <video>/<audio> player on the
// signed media link. Progress is reported as the API expects (POST …/progress): Start when the text opens or the
// player starts, Progress every few seconds while reading or playing, Pause, End when the text is read to the end
// or the player ends. The server credits only real time, so these reports are all the page has to send.
const session = require('../../logic/session');
const study = require('../../logic/study');
const watermark = require('../../logic/watermark');
const kit = require('../../logic/page-kit');
const config = require('../../config/env');
const client = require('../../api/client');
const api = require('../../api/study');

/** While reading a text or PDF: one Progress report this often. */
const TICK_MS = 15000;
/** While playing: one Progress report each time the player's position has moved this many seconds. */
const STEP_SECONDS = 10;

function absolute(url) {
  if (!url) return '';
  return /^https?:/.test(url) ? url : config.baseUrl() + url;
}

Page({
  data: { id: null, view: null, body: '', mediaUrl: '', posterUrl: '', startAt: 0, progress: null, watermark: '', readToEnd: false, loading: false },

  onLoad(options) {
    this.setData({ id: options.id });
    return this.load();
  },

  onShow() {
    if (this.reading()) this.startTicker();
  },

  onHide() {
    this.stopReading();
  },

  onUnload() {
    this.stopReading();
  },

  /** Reached the end of the text: the material is read to the end. */
  onReachBottom() {
    return this.finishReading();
  },

  async load() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const m = await kit.guard(this, () => api.material(this.data.id));
    if (!m) return;
    const progress = m.progress || {};
    this.setData({
      view: { title: m.title, topic: m.topic, kind: m.kind, kindText: study.KINDS[m.kind] || m.kind, minutes: m.estimatedMinutes, hours: study.hours(m.hours), media: m.kind === 'Audio' || m.kind === 'Video', pending: m.status === 'PendingApproval' },
      body: m.body || '',
      mediaUrl: absolute(m.mediaUrl),
      posterUrl: absolute(m.posterUrl),
      duration: m.durationSeconds || 0,
      startAt: progress.completed ? 0 : Math.floor(progress.lastPosition || 0),
      progress: study.progress(progress),
      watermark: watermark.watermarkText(m.visibility, member),
    });
    this.position = this.data.startAt;
    this.reported = this.position;
    // A text or PDF starts being read when it opens; a player reports when it starts.
    if (this.reading()) {
      this.report('Start', 0);
      this.startTicker();
    }
  },

  /**
   * A held material (every video waits for a second committee member, Api/Features/Study/README.md): another committee
   * member of its unit, or an admin above it, publishes it. The author, or anyone else, gets the server's 403 shown.
   */
  async approve() {
    if (!(await kit.confirm('审核发布', '确认资料内容无误、不涉及国家秘密后发布，发布后党员即可学习。'))) return null;
    const approved = await kit.guard(this, () => api.approve(this.data.id));
    if (!approved) return null;
    this.setData({ 'view.pending': approved.status === 'PendingApproval' });
    kit.toast('已发布');
    return approved;
  },

  reading() {
    return !!(this.data.view && !this.data.view.media);
  },

  startTicker() {
    if (this.ticker) return;
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  },

  /** Every few seconds while the text is open. */
  tick() {
    return this.report('Progress', 0);
  },

  stopReading() {
    if (!this.ticker) return;
    clearInterval(this.ticker);
    this.ticker = null;
    this.report('Pause', 0);
  },

  async finishReading() {
    if (!this.reading() || this.data.readToEnd) return;
    this.setData({ readToEnd: true });
    await this.report('End', 0);
  },

  onPlay() {
    this.reported = this.position;
    return this.report('Start', this.position);
  },

  onTimeUpdate(e) {
    this.position = Number(e.detail.currentTime) || 0;
    if (Math.abs(this.position - this.reported) < STEP_SECONDS) return undefined;
    this.reported = this.position;
    return this.report('Progress', this.position);
  },

  onPause() {
    return this.report('Pause', this.position);
  },

  onEnded() {
    const end = Math.max(this.position || 0, this.data.duration || 0);
    this.position = end;
    return this.report('End', end);
  },

  /** The signed link expires after a few hours: fetch the material again for a fresh one. */
  onMediaError() {
    if (this.refreshed) return undefined;
    this.refreshed = true;
    return this.load();
  },

  async openPdf() {
    const file = await kit.guard(this, () => client.download(this.data.mediaUrl));
    if (file) wx.openDocument({ filePath: file, showMenu: false });
  },

  /** Reports go one after another, in the order they happened; a failed report is not shown (the next one counts). */
  report(event, position) {
    const send = () =>
      kit.guard(this, () => api.report(this.data.id, event, Math.max(0, position || 0)), { silent: true, onError: () => null }).then((res) => {
        if (!res) return null;
        this.setData({ progress: study.progress(res.progress) });
        if (res.completedNow) kit.toast('已完成本资料学习');
        return res;
      });
    this.queue = (this.queue || Promise.resolve()).then(send);
    return this.queue;
  },
});
