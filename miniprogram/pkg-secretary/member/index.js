// One member of the roster: details, status history (转正, 延长预备期, 停止党籍 …, POST /api/members/{id}/status) and
// the party group (PUT /api/members/{id}/group). The branch committee and admins only.
const secretary = require('../../logic/secretary');
const views = require('../../logic/views');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const org = require('../../api/org');
const pageHandlers = require('../../logic/page-handlers');
const limits = require('../../api/limits');

Page(Object.assign({}, pageHandlers.fields, {
  data: {
    limits: limits,
    id: null, allowed: false, checked: false, branches: [], branchIndex: 0, person: null, events: [], groups: [], groupIndex: 0,
    changes: org.STATUS_CHANGES, changeIndex: 0, occurredOn: '', extendedTo: '', reason: '', loading: false,
  },

  async onLoad(options) {
    this.setData({ id: Number(options.id), occurredOn: format.nowParts().date });
    if (await secretary.start(this, { unitId: options.unitId })) await this.load();
  },

  async load() {
    const branch = secretary.branchOf(this);
    const [members, units, history] = await Promise.all([
      kit.guard(this, () => org.members(branch.id)),
      kit.guard(this, () => org.units(), { silent: true, onError: () => null }),
      kit.guard(this, () => org.statusEvents(this.data.id), { silent: true, onError: () => null }),
    ]);
    const m = (members || []).filter((x) => x.id === this.data.id)[0];
    if (!m) {
      this.setData({ person: null });
      return;
    }
    const groups = units ? secretary.groupsOf(units, branch.id) : [];
    this.setData({
      person: {
        name: m.name,
        number: m.number || '',
        phone: m.phone || '',
        statusText: views.memberStatus(m.status),
        probationary: m.status === 'Probationary',
        group: (m.partyGroup && m.partyGroup.name) || '未分党小组',
        roles: (m.roles || []).map((r) => r.unitName + ' ' + r.roleName).join('、'),
        admittedOn: m.admittedOn || '',
        fullSince: m.fullSince || '',
        bound: m.isBound !== false,
      },
      groups,
      groupIndex: Math.max(0, groups.findIndex((g) => m.partyGroup && g.id === m.partyGroup.id)),
      events: (history || []).map((e) => ({ id: e.id, text: e.changeName, on: e.occurredOn, reason: e.reason || '', by: e.recordedBy || '' })),
    });
  },

  async moveGroup(e) {
    const group = this.data.groups[Number(e.detail.value)];
    const done = await kit.guard(this, () => org.moveToGroup(this.data.id, group.id).then(() => true));
    if (!done) return;
    kit.toast('已调整');
    await this.load();
  },

  async recordStatus() {
    const change = this.data.changes[this.data.changeIndex];
    const reason = String(this.data.reason || '').trim();
    let problem = !this.data.occurredOn ? '请选择日期。' : '';
    if (!problem && change.value === 'ProbationExtended' && !this.data.extendedTo) problem = '请选择延长后的预备期截止日期。';
    if (!problem && change.value !== 'BecameFull' && !reason) problem = '请填写原因或依据。';
    if (problem) {
      wx.showModal({ title: '无法记录', content: problem, showCancel: false });
      return null;
    }
    if (!(await kit.confirm('记录' + change.label, '将为 ' + this.data.person.name + ' 记录“' + change.label + '”。确定吗？'))) return null;
    const body = { change: change.value, occurredOn: this.data.occurredOn, reason: reason || null };
    if (change.value === 'ProbationExtended') body.extendedTo = this.data.extendedTo;
    const saved = await kit.guard(this, () => org.recordStatus(this.data.id, body, kit.submissionKey(this)));
    if (!saved) return null;
    kit.submitted(this);
    this.setData({ reason: '' });
    kit.toast('已记录');
    await this.load();
    return saved;
  },
}));
