// 毕业生批量转出 (POST /api/org/units/{id}/transfers/graduation): the branch committee composes the batch from the roster
// (毕业去向 and 转入党组织 per graduate) or sends a sheet (.xlsx/.csv from a chat), checks it with dryRun=true (every bad
// row listed with its reasons, nothing written), then confirms: one approved outgoing transfer per row, all or nothing.
// Letters are then issued one by one from 组织关系转接.
const secretary = require('../../logic/secretary');
const kit = require('../../logic/page-kit');
const org = require('../../api/org');
const transfers = require('../../api/transfers');
const batch = require('./batch');
const limits = require('../../api/limits');

Page({
  data: {
    limits: limits,
    allowed: false, checked: false, denied: '', branches: [], branchIndex: 0, mode: 'compose', people: [], personIndex: 0, rows: [],
    destinations: batch.DESTINATIONS, file: null, verified: null, errors: [], done: null, loading: false,
  },

  async onLoad(options) {
    if (await secretary.start(this, { unitId: options && options.unitId })) await this.loadPeople();
  },

  onPullDownRefresh() {
    return (this.data.allowed ? this.loadPeople() : Promise.resolve()).then(() => wx.stopPullDownRefresh());
  },

  async loadPeople() {
    const branch = secretary.branchOf(this);
    const members = await kit.guard(this, () => org.members(branch.id), { onError: kit.refusal(this) });
    if (!members) return;
    const people = members.map((m) => ({ id: m.id, name: m.name, number: m.number, label: m.name + ' ' + m.number }));
    this.setData({ people, personIndex: 0 });
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value), rows: [], file: null, verified: null, errors: [], done: null });
    return this.loadPeople();
  },

  /** Anything changed: the last check no longer holds. */
  changed(patch) {
    this.setData(Object.assign({ verified: null, errors: [], done: null }, patch));
  },

  switchMode(e) {
    this.changed({ mode: e.currentTarget.dataset.mode });
  },

  /** Picking a member from the roster adds them as a row (once). */
  addPerson(e) {
    const person = this.data.people[Number(e.detail.value)];
    if (!person || this.data.rows.some((r) => r.id === person.id)) return;
    this.changed({ rows: this.data.rows.concat([{ id: person.id, name: person.name, number: person.number, typeIndex: 1, destination: batch.DESTINATIONS[1], organization: '' }]) });
  },

  removeRow(e) {
    const index = Number(e.currentTarget.dataset.index);
    this.changed({ rows: this.data.rows.filter((r, i) => i !== index) });
  },

  onType(e) {
    const index = Number(e.currentTarget.dataset.index);
    const typeIndex = Number(e.detail.value);
    this.changed({ ['rows[' + index + '].typeIndex']: typeIndex, ['rows[' + index + '].destination']: batch.DESTINATIONS[typeIndex] });
  },

  onOrganization(e) {
    this.changed({ ['rows[' + Number(e.currentTarget.dataset.index) + '].organization']: e.detail.value });
  },

  /** A sheet sent in a chat (WeChat keeps files there): .xlsx or .csv with the four columns. */
  chooseFile() {
    return new Promise((resolve) => {
      wx.chooseMessageFile({
        count: 1, type: 'file', extension: ['xlsx', 'csv'],
        success: (res) => {
          const f = res.tempFiles[0];
          this.changed({ file: { path: f.path, name: f.name, size: f.size } });
          resolve(f);
        },
        fail: () => resolve(null),
      });
    });
  },

  readFile(path) {
    return new Promise((resolve, reject) => {
      wx.getFileSystemManager().readFile({ filePath: path, success: (res) => resolve(res.data), fail: () => reject({ title: '无法读取文件', detail: '请重新选择文件后再试。' }) });
    });
  },

  /** The sheet to send: the composed rows as CSV, or the chosen file's bytes. */
  async sheet() {
    if (this.data.mode === 'file') return { name: this.data.file.name, content: await this.readFile(this.data.file.path) };
    return { name: 'graduation.csv', content: batch.csv(this.data.rows) };
  },

  problem() {
    if (this.data.mode === 'file') return this.data.file ? null : '请选择名单文件（.xlsx 或 .csv）。';
    return batch.problemOf(this.data.rows);
  },

  /** Who a row error is about: the composed row's name, or the sheet's row number. */
  rowErrors(rows) {
    return (rows || []).map((r) => {
      const composed = this.data.mode === 'compose' ? this.data.rows[r.row - 2] : null;
      return { row: r.row, who: composed ? composed.name + '（' + composed.number + '）' : '第 ' + r.row + ' 行', reasons: (r.reasons || []).join('；') };
    });
  },

  onFailure(err) {
    if (err && err.rows) this.setData({ errors: this.rowErrors(err.rows), verified: null });
    else kit.refusal(this)(err);
  },

  /** dryRun=true: the server checks every row and writes nothing. */
  async check() {
    const problem = this.problem();
    if (problem) {
      wx.showModal({ title: '无法检查', content: problem, showCancel: false });
      return null;
    }
    const branch = secretary.branchOf(this);
    const result = await kit.guard(this, async () => transfers.graduation(branch.id, await this.sheet(), true), { onError: (err) => this.onFailure(err) });
    if (!result) return null;
    this.setData({ verified: { rows: result.rows }, errors: [] });
    return result;
  },

  /** After a clean check: the transfers are created (approved by the caller), all or nothing. */
  async confirm() {
    if (!this.data.verified) return null;
    if (!(await kit.confirm('确认转出', '将为 ' + this.data.verified.rows + ' 名毕业生党员办理组织关系转出（已批准，待开具介绍信）。确定吗？'))) return null;
    const branch = secretary.branchOf(this);
    const result = await kit.guard(this, async () => transfers.graduation(branch.id, await this.sheet(), false, kit.submissionKey(this)), { onError: (err) => this.onFailure(err) });
    if (!result) return null;
    kit.submitted(this);
    this.setData({ done: { created: result.created }, verified: null, rows: [], file: null });
    return result;
  },

  openTransfers() {
    kit.go('/pages/transfers/index');
  },
});
