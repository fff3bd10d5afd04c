// The people in development I am assigned to as training contact (培养联系人) or introducer (入党介绍人)
// (GET /api/development/assigned): name, stage and my role; a tap opens the record (pkg-develop/person), where a contact
// reads it and records observations and thought reports as the API allows.
const kit = require('../../logic/page-kit');
const dev = require('../../api/development');
const logic = require('../../logic/development');
const pageHandlers = require('../../logic/page-handlers');

Page(Object.assign({}, pageHandlers.memberPage('onLoad'), pageHandlers.refresh, {
  data: { checked: false, items: [], loading: false },

  async show(member) {
    const page = await kit.guard(this, () => dev.assigned());
    this.setData({ checked: true, items: page ? page.items.map(logic.assignedPerson) : [] });
  },

  open(e) {
    kit.go('/pkg-develop/person/index?id=' + e.currentTarget.dataset.id);
  },
}));
