/**
 * @jest-environment jsdom
 */
// A training contact (培养联系人) on the record pages of pkg-develop: the API answers GET /records/{id} to the assigned
// contacts and introducers and lets them record observations and thought reports (RecordStep.ContactSteps); the pages
// offer just that, reach the record from a development reminder in the inbox, and give anyone else the refusal.
const { text } = require('./render-kit');
const { MEMBER, appAs, keysOf } = require('./fake-phone');
const { ACTIVIST } = require('./fixtures/development');

// MEMBER is 李明 (id 3), ACTIVIST's training contact (step 5); STRANGER is a member assigned to nobody.
const STRANGER = Object.assign({}, MEMBER, { id: 9, name: '周扬', number: 'T1009' });
const RECORD = { 'GET /api/development/records/21': () => ACTIVIST };
const paths = (app) => app.wx.calls.requests.map((r) => r.method + ' ' + new URL(r.url).pathname);

describe('a training contact', () => {
  test('reads the record of the person assigned to them, without the committee\'s publicity and objections', async () => {
    const { app } = appAs(MEMBER, RECORD);
    const page = await app.open('person', { id: '21' });
    expect(page.data).toMatchObject({ allowed: true, checked: true, role: 'contact' });
    expect(page.data.record).toMatchObject({ name: '赵晓', stageName: '入党积极分子', committee: false, canPublicize: false, canRecord: true });
    const shown = text('person', page.data);
    ['赵晓', '入党积极分子', '记录步骤', '李明', '培养教育考察'].forEach((t) => expect(shown).toContain(t));
    expect(shown).not.toContain('发起公示');

    await page.toggleObjections({ currentTarget: { dataset: { id: 41 } } });
    expect(paths(app).filter((p) => p.indexOf('objections') >= 0)).toEqual([]);
    page.recordStep();
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pkg-develop/record-step/index?id=21' }]);
    expect(app.wx.calls.modals).toEqual([]);
  });

  test('is offered only an observation and a thought report, and records one', async () => {
    const { app, sent } = appAs(MEMBER, Object.assign({ 'POST /api/development/records/21/steps': () => [201, ACTIVIST] }, RECORD));
    const page = await app.open('record-step', { id: '21' });
    expect(page.data).toMatchObject({ allowed: true, role: 'contact' });
    expect(page.data.choices.map((c) => c.kind)).toEqual(['ActivistObservation', 'ThoughtReport']);
    expect(paths(app).filter((p) => p.indexOf('/api/org/') >= 0)).toEqual([]);
    const shown = text('record-step', page.data);
    expect(shown).toContain('培养教育考察');
    expect(shown).not.toContain('确定为发展对象');

    page.onField({ currentTarget: { dataset: { field: 'note' } }, detail: { value: '学习认真，积极参加志愿服务' } });
    await page.submit();
    expect(sent['POST /api/development/records/21/steps']).toHaveLength(1);
    expect(sent['POST /api/development/records/21/steps'][0]).toMatchObject({ kind: 'ActivistObservation', note: '学习认真，积极参加志愿服务' });
    expect(keysOf(app, 'POST /api/development/records/21/steps')[0]).toBeTruthy();
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/person/index?id=21' }]);
  });

  test('sees the server\'s refusal on the form as it came', async () => {
    const { app } = appAs(MEMBER, Object.assign({
      'POST /api/development/records/21/steps': () => [403, { title: '无权操作', detail: '培养联系人只能记录培养考察情况和思想汇报，其他步骤由支部委员会记录。' }],
    }, RECORD));
    const page = await app.open('record-step', { id: '21' });
    await page.submit();
    expect(page.data.error).toMatchObject({ detail: '培养联系人只能记录培养考察情况和思想汇报，其他步骤由支部委员会记录。' });
  });

  test('cannot start a publicity: that page stays the committee\'s and the API is not asked', async () => {
    const { app } = appAs(MEMBER, RECORD);
    const page = await app.open('publicity', { id: '21' });
    expect(page.data).toMatchObject({ allowed: false, checked: true });
    expect(paths(app).filter((p) => p.indexOf('/api/development/') >= 0)).toEqual([]);
  });

  test('reaches the record from a development reminder in the inbox', async () => {
    const { app } = appAs(MEMBER, {
      'GET /api/inbox': () => ({ items: [{ id: 7, title: '发展党员工作提醒', body: '赵晓的「培养考察」应于（2026年10月12日前完成）。', subjectType: 'development', subjectId: 21, link: null, createdAt: '2026-10-01T09:00:00+08:00', read: true }], nextCursor: null }),
    });
    const inbox = await app.open('inbox');
    await inbox.open({ currentTarget: { dataset: { index: 0 } } });
    expect(app.wx.calls.navigations).toEqual([{ type: 'navigateTo', url: '/pkg-develop/person/index?id=21' }]);
  });
});

describe('anyone else', () => {
  test.each([['person', '仅支部委员和指定的培养联系人、入党介绍人可以查看发展党员档案'], ['record-step', '仅支部委员和指定的培养联系人、入党介绍人可以记录发展党员步骤']])(
    'a member assigned to nobody gets the refusal on %s (the API answers 404), not an error',
    async (name, refusal) => {
      const { app } = appAs(STRANGER, {});
      const page = await app.open(name, { id: '21' });
      expect(page.data).toMatchObject({ allowed: false, checked: true });
      expect(paths(app)).toContain('GET /api/development/records/21');
      expect(app.wx.calls.modals).toEqual([]);
      expect(app.wx.calls.navigations).toEqual([]);
      expect(text(name, page.data).trim()).toBe(refusal);
    },
  );

  test('a probationary member opening a reminder about their own record goes to their timeline', async () => {
    const own = Object.assign({}, STRANGER, { status: 'Probationary' });
    const { app } = appAs(own, { 'GET /api/development/me': () => ACTIVIST });
    await app.open('person', { id: '21' });
    expect(app.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/timeline/index' }]);
  });
});
