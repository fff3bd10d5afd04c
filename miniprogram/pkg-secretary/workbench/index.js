// The committee's workbench: every secretary page of this subpackage, by topic (logic/roles.workbenchSections).
const session = require('../../logic/session');
const roles = require('../../logic/roles');
const kit = require('../../logic/page-kit');

Page({
  data: { allowed: false, checked: false, sections: [], loading: false },

  async onLoad() {
    const member = await kit.guard(this, () => session.ensureMember());
    if (!member) return;
    const sections = roles.workbenchSections(member);
    this.setData({ allowed: sections.length > 0, checked: true, sections });
  },

  open(e) {
    kit.go(e.currentTarget.dataset.url);
  },
});
