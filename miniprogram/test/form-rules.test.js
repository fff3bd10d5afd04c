/**
 * @jest-environment jsdom
 */
// The notice and activity forms with the server's rules (api/limits.js; see limits.test.js): rendered with
// miniprogram-simulate, the inputs carry the server's limits; a classification marking is the server's to refuse,
// and its Chinese refusal is what the secretary sees.
const { event } = require('./harness');
const { render } = require('./render-kit');
const { SECRETARY, appAs } = require('./fake-phone');
const limits = require('../api/limits');

describe('form rules from the server', () => {
  test('the compose page limits the title to the server\'s length and says so', async () => {
    const { app } = appAs(SECRETARY);
    const page = await app.open('notice-compose');
    const comp = render('notice-compose', page.data);

    expect(comp.dom.textContent).toContain('标题（不超过' + limits.notice.title + '字）');
    expect(page.data.titleMax).toBe(limits.notice.title); // bound to the input's maxlength (limits.test.js)
  });

  test('the edit page limits the title to the server\'s length', async () => {
    const { app } = appAs(SECRETARY, {
      'GET /api/notices/11': () => ({ id: 11, title: '通知', body: '<p>正文</p>', visibility: 'Internal', status: 'Published', unitId: 2, canManage: true }),
    });
    const page = await app.open('notice-edit', { id: '11' });
    const comp = render('notice-edit', page.data);

    expect(page.data.allowed).toBe(true);
    expect(comp.dom.textContent).toContain('标题（不超过' + limits.notice.title + '字）');
    expect(page.data.titleMax).toBe(limits.notice.title); // bound to the input's maxlength (limits.test.js)
  });

  test('the activity form limits its name and place to the server\'s lengths', async () => {
    const { app } = appAs(SECRETARY);
    const page = await app.open('activity-create');
    const comp = render('activity-create', page.data);

    expect(comp.dom.textContent).toContain('活动名称');
    expect(page.data.limits).toEqual({ title: limits.activity.title, place: limits.activity.place }); // the inputs' maxlength (limits.test.js)
  });

  test('a title one over the server\'s limit is refused before sending, in Chinese', async () => {
    const { app, sent } = appAs(SECRETARY, { 'POST /api/notices': () => [201, { id: 21, status: 'Published' }] });
    const page = await app.open('notice-compose');
    page.setData({ title: '字'.repeat(limits.notice.title + 1), body: '正文', confirmed: true });

    expect(await page.submit()).toBeNull();
    expect(app.wx.calls.modals).toEqual([{ title: '无法发布', content: '标题不能超过' + limits.notice.title + '个字。' }]);
    expect(sent['POST /api/notices']).toBeUndefined();
  });

  test('a classification marking goes to the server, whose refusal the secretary sees', async () => {
    const refusal = { title: '内容涉密', detail: '通知带有密级标志“机密★”，涉密内容不得在线发布。', status: 422 };
    const { app, sent } = appAs(SECRETARY, { 'POST /api/notices': () => [422, refusal] });
    const page = await app.open('notice-compose');
    page.onField(event({ field: 'title' }, { value: '会议纪要' }));
    page.onField(event({ field: 'body' }, { value: '机密★1年 内容' }));
    page.onConfirm(event({}, { value: ['yes'] }));

    expect(await page.submit()).toBeNull();
    expect(sent['POST /api/notices']).toHaveLength(1);
    expect(app.wx.calls.modals).toEqual([{ title: '内容涉密', content: '通知带有密级标志“机密★”，涉密内容不得在线发布。' }]);
  });
});
