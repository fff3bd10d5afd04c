/**
 * @jest-environment jsdom
 */
// The study pages rendered with miniprogram-simulate from the data their logic produced against a fake API: what a
// member reads on a material and their hours, what the committee sees of an assignment, and a member's refusal.
const { text } = require('./render-kit');
const { MEMBER, SECRETARY, appAs } = require('./fake-phone');

const PROGRESS = { creditedSeconds: 1350, requiredSeconds: 2700, lastPosition: 0, completed: false, completedAt: null, hours: 0 };
const ROUTES = {
  'GET /api/study/materials/21': () => ({ id: 21, unitId: 2, title: '学习党章第一章', topic: '党章党规', kind: 'Text', visibility: 'Internal', estimatedMinutes: 45, hours: 1, body: '<p>党员必须履行下列义务</p>', progress: PROGRESS }),
  'POST /api/study/materials/21/progress': () => ({ progress: PROGRESS, creditedNow: 0, completedNow: false }),
  'GET /api/study/hours/me': () => ({ year: 2026, targetHours: 32, totalHours: 32.5, remainingHours: 0, materialHours: 20.5, meetingHours: 12, byTopic: [{ topic: '党章党规', hours: 20.5 }], entries: [] }),
  'GET /api/study/assignments/5/completion': () => ({ id: 5, title: '三月学习任务', dueOn: '2026-03-31', materialCount: 2, assigned: 2, finished: 1, inProgress: 0, notStarted: 1, members: [{ memberId: 2, name: '王建国', state: 'Finished', completedMaterials: 2 }, { memberId: 6, name: '刘洋', state: 'NotStarted', completedMaterials: 0 }] }),
};

test('a text material shows its body, progress and the read-to-the-end button', async () => {
  const { app } = appAs(MEMBER, ROUTES);
  const page = await app.open('material', { id: '21' });
  page.onUnload();
  await page.queue;
  const shown = text('material', page.data);
  expect(shown).toContain('学习党章第一章');
  expect(shown).toContain('党章党规 · 1 学时（约 45 分钟）');
  expect(shown).toContain('已学 50%');
  expect(shown).toContain('已读到末尾');
});

test('my hours say the target is reached', async () => {
  const { app } = appAs(MEMBER, ROUTES);
  const page = await app.open('hours');
  const shown = text('hours', page.data);
  expect(shown).toContain('2026 年学习学时');
  expect(shown).toContain('已达到年度目标 · 资料 20.5 学时，会议 12 学时');
  expect(shown).toContain('党章党规20.5 学时');
});

test('the committee sees names by state and the remind button; a member sees the refusal', async () => {
  const committee = appAs(SECRETARY, ROUTES).app;
  const page = await committee.open('assignment', { id: '5', unitId: '2' });
  const shown = text('assignment', page.data);
  expect(shown).toContain('三月学习任务');
  expect(shown).toContain('提醒未完成党员');
  expect(shown).toMatch(/未开始刘洋未开始学习中无已完成王建国已完成/);

  const member = await appAs(MEMBER, ROUTES).app.open('assignment', { id: '5', unitId: '2' });
  expect(text('assignment', member.data)).toContain('仅支部委员可以查看学习任务完成情况');
});
