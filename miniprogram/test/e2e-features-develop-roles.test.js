// End to end: who lands where in member development, through the real API and its demo data (README's demo users).
// 陈思远 (dev-applicant) is bound only to a development record and lands on the timeline; an unbound WeChat user
// lands on binding; 周杰 (dev-student) is 陈思远's training contact and reaches the record with only the steps a
// contact may record; 李明 (dev-member, another branch) is refused; a member sees the running publicities. Nothing is
// written. Left out with E2E_FEATURES=0.
const harness = require('./harness');

const { createApp } = harness;
const { realHttp } = require('./wx-shim');

const BASE = process.env.SB_API_URL;
const phone = (code) => createApp({ handler: realHttp, loginCode: code }, BASE);

/** No error was shown; on failure the message names the requests that did not succeed (except those expected). */
const noErrors = (wx, expected) => harness.noErrors(wx, BASE, expected);

describe('member development: where each person lands and what they may do', () => {
  const applicant = phone('dev-applicant');
  let recordId = null;

  test('the person bound only to a development record opens the app on their timeline', async () => {
    await applicant.open('home');
    expect(applicant.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pkg-develop/timeline/index' }]);
    const timeline = await applicant.open('timeline');
    expect(timeline.data.record).toMatchObject({ stageName: '入党积极分子' });
    expect(timeline.data.record.contacts.map((c) => c.name)).toContain('周杰');
    const own = await applicant.load('api/development').me();
    recordId = String(own.id);
    noErrors(applicant.wx);
  });

  test('an unbound WeChat user still lands on binding', async () => {
    const stranger = phone('dev-stranger-' + Date.now());
    await stranger.open('home');
    expect(stranger.wx.calls.navigations).toEqual([{ type: 'reLaunch', url: '/pages/bind/index' }]);
    noErrors(stranger.wx, ['GET /api/development/me → 404']);
  });

  test('the training contact reads the record and is offered only the steps a contact may record', async () => {
    const contact = phone('dev-student');
    const person = await contact.open('person', { id: recordId });
    expect(person.data).toMatchObject({ allowed: true, role: 'contact' });
    expect(person.data.record).toMatchObject({ name: '陈思远', canPublicize: false });
    const form = await contact.open('record-step', { id: recordId });
    expect(form.data.allowed).toBe(true);
    expect(form.data.choices.length).toBeGreaterThan(0);
    form.data.choices.forEach((c) => expect(['ActivistObservation', 'ProbationObservation', 'ThoughtReport']).toContain(c.kind));
    noErrors(contact.wx);
  });

  test('a member of another branch, assigned to nobody, gets the refusal', async () => {
    const member = phone('dev-member');
    const person = await member.open('person', { id: recordId });
    expect(person.data).toMatchObject({ allowed: false, checked: true });
    expect(member.wx.calls.navigations).toEqual([]);
    noErrors(member.wx, ['GET /api/development/records/' + recordId + ' → 404', 'GET /api/development/me → 404']);
  });

  test('a member opens the running publicities of their organisation', async () => {
    const member = phone('dev-student');
    const page = await member.open('publicities');
    expect(page.data.checked).toBe(true);
    expect(Array.isArray(page.data.items)).toBe(true);
    noErrors(member.wx);
  });
});
