// Shared start of every secretary page: the member, whether they may be here, and the branches they manage.
const session = require('./session');
const roles = require('./roles');
const kit = require('./page-kit');
const org = require('../api/org');
const pageHandlers = require('./page-handlers');
const list = require('./paged-list');

function branchesIn(units) {
  const result = [];
  const walk = (list) =>
    (list || []).forEach((u) => {
      if (u.kind === 'Branch') result.push({ id: u.id, name: u.name });
      walk(u.children);
    });
  walk(units);
  return result;
}

/** Party groups of a branch, from GET /api/org/units whether it answers a tree (children) or a flat list (parentId). */
function groupsOf(units, branchId) {
  const result = [];
  const walk = (list, parent) =>
    (list || []).forEach((u) => {
      const parentId = u.parentId !== undefined && u.parentId !== null ? u.parentId : parent;
      if (u.kind === 'PartyGroup' && String(parentId) === String(branchId)) result.push({ id: u.id, name: u.name });
      walk(u.children, u.id);
    });
  walk(units, null);
  return result;
}

/**
 * Sets { allowed, branches, branchIndex, ledGroups }; a plain member gets allowed: false and sees no form.
 * With { groupLeaders: true } a party group leader is let in too (branches stays empty for them, ledGroups
 * names their groups): the meeting form, where they convene their group's meeting.
 */
async function start(page, options) {
  const opts = options || {};
  const member = await kit.guard(page, () => session.ensureMember());
  if (!member) return null;
  let branches = roles.managedBranches(member);
  if (!branches.length && roles.isAdmin(member)) {
    branches = (await kit.guard(page, () => org.units().then(branchesIn), { onError: () => null })) || [];
  }
  const ledGroups = opts.groupLeaders ? roles.ledGroups(member) : [];
  const allowed = (roles.isSecretary(member) && branches.length > 0) || ledGroups.length > 0;
  // Opened for a given branch (?unitId=): start on it when the caller manages it.
  const wanted = branches.findIndex((b) => String(b.id) === String(opts.unitId));
  page.setData({ member, allowed, branches, branchIndex: wanted > 0 ? wanted : 0, ledGroups, checked: true });
  return allowed ? member : null;
}

/** Opens a committee page (its onLoad): start (for the ?unitId= branch), then the page's load() when the caller may be here. */
async function open(page, options, startOptions) {
  if (await start(page, Object.assign({ unitId: options && options.unitId }, startOptions))) await page.load();
}

/**
 * The handlers of a committee page, mixed into Page(): open on load, a branch chosen in the picker (onBranch) reloads,
 * and the form inputs (onField, onIndex). The page writes load(); pageHandlers.refresh beside it adds pull-down refresh.
 */
const handlers = Object.assign(
  {
    onLoad(options) {
      return open(this, options);
    },

    onBranch(e) {
      this.setData({ branchIndex: Number(e.detail.value) });
      return this.load();
    },
  },
  pageHandlers.fields,
);

/**
 * The handlers of a committee page that pages through a list of the chosen branch (logic/paged-list), mixed into
 * Page() with pagedListData() in its data: fetch(branchId, cursor) → { items, nextCursor }; map(item) → what shows.
 */
function pagedList(fetch, map) {
  return Object.assign(
    list.handlers({
      start() {
        return start(this, { unitId: this.unitId });
      },
      fetch(cursor) {
        return fetch(branchOf(this).id, cursor);
      },
      map,
    }),
    {
      onLoad(options) {
        this.unitId = options && options.unitId;
        return this.reload();
      },

      onBranch(e) {
        this.setData({ branchIndex: Number(e.detail.value) });
        this.unitId = branchOf(this).id;
        return this.reload();
      },
    },
  );
}

function pagedListData() {
  return Object.assign(startData(), list.data());
}

/** The data start() fills in, before it has: nobody let in yet, no branches. */
function startData() {
  return { allowed: false, checked: false, branches: [], branchIndex: 0 };
}

/** The data of a form that publishes something at a visibility level (the picker writes visibilityIndex through onIndex). */
function visibilityData() {
  return { visibilities: VISIBILITIES, visibilityIndex: 0 };
}

/** The visibility chosen in that picker, as the API spells it ('Internal', 'Public', 'Committee'). */
function visibilityOf(data) {
  return VISIBILITIES[data.visibilityIndex || 0].value;
}

/** The branch chosen on a secretary page. */
function branchOf(page) {
  return page.data.branches[page.data.branchIndex] || null;
}

const VISIBILITIES = [
  { value: 'Internal', label: '党内（仅对象可见）' },
  { value: 'Public', label: '公开' },
  { value: 'Committee', label: '支委（仅支委可见）' },
];

module.exports = { start, startData, visibilityData, visibilityOf, open, handlers, pagedList, pagedListData, branchOf, branchesIn, groupsOf, VISIBILITIES };
