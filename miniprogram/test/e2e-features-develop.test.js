// End to end: member development (pkg-develop) through the real API. The secretary registers a new applicant and
// records the first steps (a step recorded too early is refused with the day it becomes possible); the applicant binds
// with the branch's invitation, sees their timeline, hands in a thought report with its file; the committee sees it on
// the record and the person on the worklist. Everything the test needs is created through the API (no demo person in
// development is assumed). Left out with E2E_FEATURES=0.
const fs = require('fs');
const os = require('os');
const path = require('path');
const harness = require('./harness');

const { createApp, event } = harness;
const { realHttp } = require('./wx-shim');

const BASE = process.env.SB_API_URL;
const CHINA_MS = 8 * 3600 * 1000;

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

function chinaDay(shiftYears) {
  const d = new Date(Date.now() + CHINA_MS);
  return d.getUTCFullYear() + (shiftYears || 0) + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
}

/** A phone on the real API whose wx.chooseMessageFile picks `file` and whose wx.uploadFile posts multipart for real. */
function phone(code, file) {
  const app = createApp({ handler: realHttp, loginCode: code }, BASE);
  app.wx.chooseMessageFile = (o) => setTimeout(() => o.success({ tempFiles: [{ path: file, name: path.basename(file), size: fs.statSync(file).size }] }), 0);
  app.wx.uploadFile = (o) => {
    const entry = { method: 'UPLOAD', url: o.url };
    app.wx.calls.requests.push(entry);
    const form = new FormData();
    Object.keys(o.formData || {}).forEach((k) => form.append(k, o.formData[k]));
    form.append(o.name, new Blob([fs.readFileSync(o.filePath)]), path.basename(o.filePath));
    fetch(o.url, { method: 'POST', headers: o.header, body: form })
      .then(async (res) => {
        entry.status = res.status;
        o.success({ statusCode: res.status, data: await res.text() });
      })
      .catch((err) => o.fail({ errMsg: 'uploadFile:fail ' + err.message }));
  };
  return app;
}

/** No error was shown; on failure the message names the requests that did not succeed (except those expected). */
const noErrors = (wx, expected) => harness.noErrors(wx, BASE, expected);

describe('member development on the phones of the secretary and the applicant', () => {
  const report = path.join(os.tmpdir(), 'sb-thought-report-' + process.pid + '.pdf');
  fs.writeFileSync(report, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  afterAll(() => fs.rmSync(report, { force: true }));

  const secretary = phone('dev-secretary', report);
  const applicant = phone('dev-applicant-e2e-' + Date.now(), report);
  const name = '孙静';
  const number = 'E' + String(Date.now()).slice(-9);
  let recordId;
  let secretaryName;

  /** Records the step the form offers first (the next one), with `fill` adding what it needs. */
  async function recordNext(fill) {
    const page = await secretary.open('record-step', { id: recordId });
    if (fill) fill(page);
    await page.submit();
    return page;
  }

  test('the secretary registers the applicant and records the talk, the activist, the contacts and an observation', async () => {
    const create = await secretary.open('applicant-create');
    expect(create.data.allowed).toBe(true);
    secretaryName = create.data.member.name;
    create.onField(event({ field: 'name' }, { value: name }));
    create.onField(event({ field: 'number' }, { value: number }));
    create.onField(event({ field: 'birthDate' }, { value: '2003-05-01' }));
    await create.submit();
    noErrors(secretary.wx);
    const nav = secretary.wx.calls.navigations.pop();
    expect(nav.url).toMatch(/^\/pkg-develop\/person\/index\?id=\d+$/);
    recordId = /id=(\d+)/.exec(nav.url)[1];

    const talk = await recordNext((p) => {
      expect(p.data.choices[0].label).toBe('2. 党组织派人谈话');
      const me = p.data.members.filter((m) => m.label.indexOf(secretaryName) === 0)[0];
      p.onPeople(event({ field: 'talkPartnerIds' }, { value: [String(me.id)] }));
    });
    expect(talk.data.error).toBeNull();
    await recordNext((p) => expect(p.data.choices[0].label).toBe('3. 确定为入党积极分子'));
    await recordNext((p) => expect(p.data.choices[0].label).toBe('4. 积极分子报上级党委备案'));
    await recordNext((p) => {
      expect(p.data.choices[0].label).toBe('5. 指定培养联系人');
      p.onPeople(event({ field: 'contactIds' }, { value: [String(p.data.fullMembers.filter((m) => m.label.indexOf(secretaryName) === 0)[0].id)] }));
    });
    await recordNext((p) => {
      expect(p.data.choices[0].label).toBe('6. 培养教育考察');
      p.onField(event({ field: 'note' }, { value: '表现良好' }));
    });
    noErrors(secretary.wx);
    expect(secretary.wx.calls.navigations.filter((n) => n.type === 'redirectTo')).toHaveLength(5);
  });

  test('choosing the candidate step today is refused with the day it becomes possible, shown on the form', async () => {
    const page = await secretary.open('record-step', { id: recordId });
    const next = page.data.choices[0];
    expect(next).toMatchObject({ label: '7. 确定为发展对象', possibleFrom: chinaDay(1) });
    const before = secretary.wx.calls.navigations.length;
    await page.submit();
    expect(page.data.error.title).toBe('时间未到');
    expect(page.data.error.detail).toContain(chinaDay(1));
    expect(secretary.wx.calls.navigations.length).toBe(before);
    noErrors(secretary.wx, ['POST /api/development/records/' + recordId + '/steps → 400']);
  });

  test('the applicant binds with the branch invitation and sees their timeline, contacts and what comes next', async () => {
    const me = await secretary.open('me');
    const invitation = await secretary.load('api/org').createInvitation(me.data.member.branch.id, { expiresAt: new Date(Date.now() + 86400000).toISOString(), singleUse: true }, 'dev-e2e-' + Date.now());
    const bind = await applicant.open('applicant-bind', { scene: encodeURIComponent(invitation.scene) });
    expect(bind.data.bound).toBe(false);
    bind.onName(event({}, { value: name }));
    bind.onNumber(event({}, { value: number }));
    await bind.submit();
    // Before binding, "is there a record of mine?" answers 404: that is how the page knows to show the form.
    noErrors(applicant.wx, ['GET /api/development/me → 404']);
    expect(applicant.wx.calls.navigations).toEqual([{ type: 'redirectTo', url: '/pkg-develop/timeline/index' }]);

    const timeline = await applicant.open('timeline');
    const r = timeline.data.record;
    expect(r.stageName).toBe('入党积极分子');
    expect(r.steps.map((s) => s.title)).toEqual(['1. 递交入党申请书', '2. 党组织派人谈话', '3. 确定为入党积极分子', '4. 积极分子报上级党委备案', '5. 指定培养联系人', '6. 培养教育考察']);
    expect(r.steps.every((s) => s.date === chinaDay(0))).toBe(true);
    expect(r.next).toMatchObject({ title: '7. 确定为发展对象', when: chinaDay(1) + ' 起可办理' });
    expect(r.contacts.map((c) => c.name + c.roleText)).toEqual([secretaryName + '培养联系人']);
    expect(r.writesReports).toBe(true);
  });

  test('the applicant hands in a thought report with its file', async () => {
    const page = await applicant.open('thought-report');
    expect(page.data.allowed).toBe(true);
    page.onText(event({}, { value: '本季度认真学习党章，参加志愿服务两次。' }));
    page.chooseFile();
    await new Promise((r) => setTimeout(r, 5));
    await page.submit();
    noErrors(applicant.wx, ['GET /api/development/me → 404']);
    expect(applicant.wx.calls.requests.filter((r) => r.method === 'UPLOAD').map((r) => r.status)).toEqual([201]);
    expect(applicant.wx.calls.navigations.pop()).toEqual({ type: 'redirectTo', url: '/pkg-develop/timeline/index' });

    const timeline = await applicant.open('timeline');
    expect(timeline.data.record.steps.filter((s) => s.title === '思想汇报').map((s) => s.note)).toEqual(['本季度认真学习党章，参加志愿服务两次。']);
    expect(timeline.data.record.attachments.map((a) => a.kindText)).toEqual(['思想汇报']);
  });

  test('the committee sees the thought report and the file on the record, and the person on the worklist', async () => {
    const person = await secretary.open('person', { id: recordId });
    const r = person.data.record;
    expect([r.name, r.number, r.stageName, r.bound]).toEqual([name, number, '入党积极分子', true]);
    expect(r.steps.filter((s) => s.title === '思想汇报').map((s) => s.note)).toEqual(['本季度认真学习党章，参加志愿服务两次。']);
    expect(r.attachments.map((a) => [a.kindText, a.byApplicant])).toEqual([['思想汇报', true]]);

    const worklist = await secretary.open('worklist');
    const activists = worklist.data.list.stages.filter((s) => s.stage === 'Activist')[0];
    expect(activists.people.map((p) => p.name + p.number)).toContain(name + number);
    noErrors(secretary.wx, ['POST /api/development/records/' + recordId + '/steps → 400']);
  });
});
