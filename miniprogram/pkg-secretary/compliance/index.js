// 三会一课 at a glance: required against held meetings per type for the chosen branch and period.
const secretary = require('../../logic/secretary');
const format = require('../../logic/format');
const kit = require('../../logic/page-kit');
const meetings = require('../../api/meetings');
const pageHandlers = require('../../logic/page-handlers');

function typeLabel(type) {
  const t = meetings.MEETING_TYPES.filter((x) => x.value === type)[0];
  return t ? t.label : type;
}

/** The rows of the chosen branch: the API answers per branch ({ branches: [{ branchId, inactive, rows }] }). */
function branchOf(data, branchId) {
  const branches = (data && data.branches) || [];
  return branches.filter((b) => String(b.branchId) === String(branchId))[0] || branches[0] || data || {};
}

function rows(data) {
  const list = Array.isArray(data) ? data : (data && (data.rows || data.types || data.items)) || [];
  return list.map((r) => ({
    type: r.type,
    label: r.typeName || typeLabel(r.type),
    required: r.required,
    held: r.held,
    ok: r.held >= r.required,
    missing: (r.missing || r.missingPeriods || []).join('、'),
  }));
}

Page(Object.assign({}, pageHandlers.refresh, {
  data: { allowed: false, checked: false, branches: [], branchIndex: 0, from: '', to: '', rows: [], inactive: false, loading: false },

  async onLoad(options) {
    const today = format.nowParts().date;
    this.setData({ from: today.slice(0, 4) + '-01-01', to: today });
    const member = await secretary.start(this);
    if (!member) return;
    const wanted = options && options.unitId;
    const index = this.data.branches.findIndex((b) => String(b.id) === String(wanted));
    if (index > 0) this.setData({ branchIndex: index });
    await this.load();
  },

  onField(e) {
    this.setData({ [e.currentTarget.dataset.field]: e.detail.value });
    return this.load();
  },

  onBranch(e) {
    this.setData({ branchIndex: Number(e.detail.value) });
    return this.load();
  },

  async load() {
    const branch = this.data.branches[this.data.branchIndex];
    if (!branch) return;
    const data = await kit.guard(this, () => meetings.compliance(branch.id, this.data.from, this.data.to));
    if (!data) return;
    const mine = branchOf(data, branch.id);
    this.setData({ rows: rows(mine), inactive: !!(mine.inactive || mine.isInactive) });
  },
}));
