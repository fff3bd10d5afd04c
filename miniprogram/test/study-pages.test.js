// The study pages of the pkg-study subpackage against a fake API: what a member sees and what a progress report
// sends, the member's hours against the target, the committee's completion of an assignment with its reminder, and
// that a plain member gets no completion page (and asks the API nothing beyond who they are).
const { event } = require('./harness');
const { MEMBER, SECRETARY, appAs } = require('./fake-phone');

const progress = (credited, required, extra) => Object.assign({ creditedSeconds: credited, requiredSeconds: required, lastPosition: 0, completed: false, completedAt: null, hours: 0 }, extra);
const TEXT = {
  id: 21, unitId: 2, title: '学习党章第一章', topic: '党章党规', kind: 'Text', visibility: 'Internal', status: 'Published', estimatedMinutes: 45, hours: 1,
  durationSeconds: null, body: '<p>党员必须履行下列义务</p>', mediaUrl: null, posterUrl: null, contentType: null, publishedAt: '2026-03-01T02:00:00Z', progress: progress(0, 2700),
};
const VIDEO = {
  id: 22, unitId: 2, title: '党史微课：遵义会议', topic: '党史学习', kind: 'Video', visibility: 'Public', status: 'Published', estimatedMinutes: 20, hours: 0.4,
  durationSeconds: 1200, body: null, mediaUrl: '/api/study/media/tok22', posterUrl: '/api/study/media/pos22', contentType: 'video/mp4', publishedAt: '2026-02-20T02:00:00Z',
  progress: progress(600, 1200, { lastPosition: 610.4 }),
};

describe('a member\'s materials', () => {
  test('assignments with my state above the materials with my progress; a managed assignment links to its completion', async () => {
    const { app } = appAs(SECRETARY, {
      'GET /api/study/assignments': () => ({ items: [
        { id: 5, unitId: 2, title: '三月学习任务', dueOn: '2026-03-31', materialIds: [21, 22], myState: 'InProgress', myCompletedMaterials: 1, manageable: true },
      ], nextCursor: null }),
      'GET /api/study/materials': () => ({ items: [TEXT, Object.assign({}, VIDEO, { progress: progress(1200, 1200, { completed: true, completedAt: '2026-03-02T03:00:00Z' }) })], nextCursor: null }),
    });
    const page = await app.open('materials');
    expect(page.data.assignments).toEqual([{ id: 5, unitId: 2, title: '三月学习任务', due: '2026-03-31', count: 2, state: '学习中', finished: false, done: 1, manageable: true }]);
    expect(page.data.items.map((m) => [m.kind, m.title, m.hours, m.progress.text])).toEqual([['图文', '学习党章第一章', '1', '未开始'], ['视频', '党史微课：遵义会议', '0.4', '已完成（2026-03-02）']]);
    expect(page.data.done).toBe(true);
    page.open(event({ id: 21 }));
    page.openAssignment(event({ id: 5, unit: 2 }));
    expect(app.wx.calls.navigations.map((n) => n.url)).toEqual(['/pkg-study/material/index?id=21', '/pkg-study/assignment/index?id=5&unitId=2']);
  });

  test('pull to refresh asks again from the first page', async () => {
    let calls = 0;
    const { app } = appAs(MEMBER, {
      'GET /api/study/assignments': () => ({ items: [], nextCursor: null }),
      'GET /api/study/materials': (req) => { calls += 1; return req.query.cursor ? { items: [VIDEO], nextCursor: null } : { items: [TEXT], nextCursor: 'c2' }; },
    });
    const page = await app.open('materials');
    await page.onReachBottom();
    expect(page.data.items.map((m) => m.id)).toEqual([21, 22]);
    await page.onPullDownRefresh();
    expect(page.data.items.map((m) => m.id)).toEqual([21]);
    expect(calls).toBe(3);
  });
});

describe('a material', () => {
  test('a text reports Start on opening, Progress while reading, End when read to the end, and shows completion', async () => {
    let done = false;
    const { app, sent } = appAs(MEMBER, {
      'GET /api/study/materials/21': () => TEXT,
      // Stateful like the server: the text is complete once read to the end (the reading time counted), and stays so.
      'POST /api/study/materials/21/progress': (req) => {
        const completedNow = !done && req.body.event === 'End';
        done = done || completedNow;
        return { progress: progress(done ? 2700 : 30, 2700, { completed: done, completedAt: done ? '2026-03-02T03:00:00Z' : null, hours: done ? 1 : 0 }), creditedNow: 30, completedNow };
      },
    });
    const page = await app.open('material', { id: '21' });
    expect(page.data.view).toMatchObject({ title: '学习党章第一章', kindText: '图文', media: false });
    expect(page.data.body).toBe('<p>党员必须履行下列义务</p>');
    expect(page.ticker).toBeTruthy();
    await page.tick();
    await page.onReachBottom();
    await page.onReachBottom(); // the end is reported once
    page.onUnload();
    await page.queue;
    expect(page.ticker).toBeNull();
    expect(sent['POST /api/study/materials/21/progress']).toEqual([
      { event: 'Start', position: 0 }, { event: 'Progress', position: 0 }, { event: 'End', position: 0 }, { event: 'Pause', position: 0 },
    ]);
    expect(page.data.progress).toEqual({ percent: 100, completed: true, text: '已完成（2026-03-02）' });
    expect(app.wx.calls.toasts).toContain('已完成本资料学习');
  });

  test('a video plays from the signed link where it stopped and reports position events', async () => {
    const { app, sent } = appAs(MEMBER, {
      'GET /api/study/materials/22': () => VIDEO,
      'POST /api/study/materials/22/progress': (req) => ({ progress: progress(600 + Math.round(req.body.position - 610), 1200, { lastPosition: req.body.position }), creditedNow: 5, completedNow: false }),
    });
    const page = await app.open('material', { id: '22' });
    expect(page.data.view).toMatchObject({ kindText: '视频', media: true });
    expect(page.data.mediaUrl).toBe('http://api.test/api/study/media/tok22');
    expect(page.data.posterUrl).toBe('http://api.test/api/study/media/pos22');
    expect(page.data.startAt).toBe(610);
    expect(page.ticker).toBeUndefined();
    expect(sent['POST /api/study/materials/22/progress']).toBeUndefined(); // nothing until the player starts

    await page.onPlay();
    page.onTimeUpdate(event({}, { currentTime: 613 }));
    await page.onTimeUpdate(event({}, { currentTime: 620.5 }));
    page.onTimeUpdate(event({}, { currentTime: 625 }));
    await page.onPause();
    expect(sent['POST /api/study/materials/22/progress']).toEqual([
      { event: 'Start', position: 610 }, { event: 'Progress', position: 620.5 }, { event: 'Pause', position: 625 },
    ]);
    expect(page.data.progress).toMatchObject({ completed: false, text: '已学 51%' });
    await page.onEnded();
    expect(sent['POST /api/study/materials/22/progress'].slice(-1)).toEqual([{ event: 'End', position: 1200 }]);
  });

  test('an expired link is fetched again once', async () => {
    let fetched = 0;
    const { app } = appAs(MEMBER, { 'GET /api/study/materials/22': () => { fetched += 1; return Object.assign({}, VIDEO, { mediaUrl: '/api/study/media/tok' + fetched }); } });
    const page = await app.open('material', { id: '22' });
    await page.onMediaError();
    await page.onMediaError();
    expect(fetched).toBe(2);
    expect(page.data.mediaUrl).toBe('http://api.test/api/study/media/tok2');
  });
});

describe('a held material', () => {
  const HELD = Object.assign({}, VIDEO, { id: 23, status: 'PendingApproval', progress: progress(0, 1200) });

  test('another committee member sees it held and publishes it', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/study/materials/23': () => HELD,
      'POST /api/study/materials/23/approve': () => ({ id: 23, status: 'Published' }),
    });
    const page = await app.open('material', { id: '23' });
    expect(page.data.view.pending).toBe(true);
    expect(await page.approve()).toEqual({ id: 23, status: 'Published' });
    expect(app.wx.calls.confirms.map((c) => c.title)).toEqual(['审核发布']);
    expect(sent['POST /api/study/materials/23/approve']).toHaveLength(1);
    expect(page.data.view.pending).toBe(false);
    expect(app.wx.calls.toasts).toContain('已发布');
  });

  test('its author is refused by the server and it stays held', async () => {
    const { app } = appAs(SECRETARY, {
      'GET /api/study/materials/23': () => HELD,
      'POST /api/study/materials/23/approve': () => [403, { title: '不能审核自己发布的资料', detail: '请由另一名支委审核。' }],
    });
    const page = await app.open('material', { id: '23' });
    expect(await page.approve()).toBeNull();
    expect(app.wx.calls.modals.map((m) => m.content)).toContain('请由另一名支委审核。');
    expect(page.data.view.pending).toBe(true);
  });

  test('a published material offers no approval', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/study/materials/22': () => VIDEO });
    const page = await app.open('material', { id: '22' });
    expect(page.data.view.pending).toBe(false);
  });
});

describe('my hours', () => {
  test('this year\'s hours against the target, by topic as the server gives them, with no one else\'s', async () => {
    const { app } = appAs(MEMBER, {
      'GET /api/study/hours/me': () => ({
        year: 2026, targetHours: 32, totalHours: 9.5, remainingHours: 22.5, materialHours: 5.5, meetingHours: 4,
        byTopic: [{ topic: '党章党规', hours: 5.5 }, { topic: '党课', hours: 4 }],
        entries: [{ source: 'Meeting', id: 4, title: '专题党课', topic: '党课', on: '2026-03-05', hours: 4 }],
      }),
    });
    const page = await app.open('hours');
    expect(page.data.view).toMatchObject({ year: 2026, total: '9.5', target: '32', remaining: '22.5', materials: '5.5', meetings: '4', percent: 30, reached: false });
    expect(page.data.view.topics).toEqual([{ topic: '党章党规', hours: '5.5', percent: 17 }, { topic: '党课', hours: '4', percent: 13 }]);
    expect(page.data.view.entries).toEqual([{ key: 'Meeting-4', title: '专题党课', topic: '党课', source: '会议', on: '2026-03-05', hours: '4' }]);
    const asked = app.wx.calls.requests.map((r) => new URL(r.url).pathname).filter((p) => p.indexOf('/api/study') === 0);
    expect(asked).toEqual(['/api/study/hours/me']);
  });
});

describe('an assignment\'s completion', () => {
  const COMPLETION = {
    id: 5, title: '三月学习任务', dueOn: '2026-03-31', materialCount: 2, assigned: 3, finished: 1, inProgress: 1, notStarted: 1,
    members: [
      { memberId: 2, name: '王建国', state: 'Finished', completedMaterials: 2 },
      { memberId: 3, name: '李明', state: 'InProgress', completedMaterials: 1 },
      { memberId: 6, name: '刘洋', state: 'NotStarted', completedMaterials: 0 },
    ],
  };

  test('the committee sees who finished and who has not started, and reminds those not finished', async () => {
    const { app, sent } = appAs(SECRETARY, {
      'GET /api/study/assignments/5/completion': () => COMPLETION,
      'POST /api/study/assignments/5/remind': () => ({ assignmentId: 5, reminded: 2, slot: '2026-03-10T10' }),
    });
    const page = await app.open('assignment', { id: '5', unitId: '2' });
    expect(page.data).toMatchObject({ allowed: true, checked: true });
    expect(page.data.view.figures).toEqual({ assigned: 3, finished: 1, inProgress: 1, notStarted: 1 });
    expect(page.data.view.finished.map((m) => m.name)).toEqual(['王建国']);
    expect(page.data.view.inProgress.map((m) => [m.name, m.done])).toEqual([['李明', 1]]);
    expect(page.data.view.notStarted.map((m) => m.name)).toEqual(['刘洋']);
    expect(await page.remind()).toEqual({ reminded: 2 });
    expect(app.wx.calls.confirms.map((c) => c.content)).toEqual(['将向 2 名未完成的党员发送学习提醒，一小时内只能提醒一次。确定吗？']);
    expect(sent['POST /api/study/assignments/5/remind']).toHaveLength(1);
    expect(app.wx.calls.toasts).toContain('已提醒 2 人');
  });

  test('a second reminder within the hour shows the server\'s refusal', async () => {
    const { app } = appAs(SECRETARY, {
      'GET /api/study/assignments/5/completion': () => COMPLETION,
      'POST /api/study/assignments/5/remind': () => [409, { title: '刚刚提醒过', detail: '一小时内只能提醒一次。' }],
    });
    const page = await app.open('assignment', { id: '5', unitId: '2' });
    expect(await page.remind()).toBeNull();
    expect(app.wx.calls.modals.map((m) => m.content)).toContain('一小时内只能提醒一次。');
  });

  test('a plain member gets no page and asks nothing about the assignment', async () => {
    const { app } = appAs(MEMBER, { 'GET /api/study/assignments/5/completion': () => COMPLETION });
    const page = await app.open('assignment', { id: '5', unitId: '2' });
    expect(page.data).toMatchObject({ allowed: false, checked: true, view: null });
    const asked = app.wx.calls.requests.map((r) => new URL(r.url).pathname).filter((p) => !/^\/api\/(me|auth\/wechat-login)$/.test(p));
    expect(asked).toEqual([]);
  });
});

describe('entry links', () => {
  test('the workbench leads the committee to study', async () => {
    const { app } = appAs(SECRETARY);
    const page = await app.open('workbench');
    const urls = [].concat(...page.data.sections.map((s) => s.actions.map((a) => a.url)));
    expect(urls).toContain('/pkg-study/materials/index');
  });
});
