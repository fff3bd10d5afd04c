// End to end: the committee's pages of pkg-secretary against the real API (demo data). Left out with E2E_FEATURES=0.
const harness = require('./harness');

const { createApp, event } = harness;
const { realHttp, realDownload } = require('./wx-shim');

const BASE = process.env.SB_API_URL;
const failures = (wx, from) => harness.failures(wx, BASE, from);
const noErrors = (wx) => harness.noErrors(wx, BASE);
const { idFrom } = harness;

function phone(code) {
  return createApp({ handler: realHttp, download: realDownload, loginCode: code }, BASE);
}

function soon(minutes) {
  const d = new Date(Date.now() + 8 * 3600 * 1000 + minutes * 60000);
  const pad = (n) => (n < 10 ? '0' + n : String(n));
  const end = new Date(d.getTime() + 60 * 60000);
  const same = end.getUTCDate() === d.getUTCDate();
  return {
    date: d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()),
    startTime: pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()),
    endTime: same ? pad(end.getUTCHours()) + ':' + pad(end.getUTCMinutes()) : '23:59',
  };
}

describe('the committee\'s pages against the real API', () => {
  const secretary = phone('dev-secretary');
  const member = phone('dev-member');

  test('every secretary page opens for the secretary without an error, and for a member shows nothing', async () => {
    const names = ['workbench', 'roster', 'invitations', 'appointments', 'audit', 'story-review', 'brand-edit', 'reach', 'screen-links'];
    for (const name of names) {
      const from = secretary.wx.calls.requests.length;
      const modals = secretary.wx.calls.modals.length;
      const page = await secretary.open(name);
      expect({ name, allowed: page.data.allowed, shown: secretary.wx.calls.modals.slice(modals), failed: failures(secretary.wx, from) }).toEqual({ name, allowed: true, shown: [], failed: [] });
      expect((await member.open(name)).data.allowed).toBe(false);
    }
    noErrors(member.wx);
  });

  test('an invitation: created, its code downloaded, revoked', async () => {
    const page = await secretary.open('invitations');
    await page.create();
    noErrors(secretary.wx);
    expect(page.data.codeImage).toBeTruthy();
    const image = secretary.wx.calls.requests.filter((r) => r.method === 'DOWNLOAD').pop();
    expect(image).toMatchObject({ status: 200, contentType: 'image/png' });
    expect(image.bytes).toBeGreaterThan(100);
    const created = page.data.items.filter((i) => String(i.id) === String(page.data.codeId))[0];
    expect(created).toMatchObject({ stateText: '有效', active: true });
    await page.revoke(event({ id: created.id }));
    noErrors(secretary.wx);
    expect(page.data.items.filter((i) => i.id === created.id)[0].stateText).toBe('已撤销');
  });

  test('the roster finds a member and opens them with their status history', async () => {
    const roster = await secretary.open('roster');
    roster.onQuery(event({}, { value: '刘洋' }));
    expect(roster.data.shown.map((p) => [p.name, p.statusText])).toEqual([['刘洋', '预备党员']]);
    const person = await secretary.open('member', { id: String(roster.data.shown[0].id), unitId: String(roster.data.branches[0].id) });
    noErrors(secretary.wx);
    expect(person.data.person).toMatchObject({ name: '刘洋', number: 'T1005', group: '教工第二党小组' });
  });

  test('the student branch secretary appoints a group leader and ends the appointment', async () => {
    const student = phone('dev-student-secretary');
    const page = await student.open('appointments');
    noErrors(student.wx);
    page.onIndex(event({ field: 'personIndex' }, { value: String(page.data.people.findIndex((p) => p.label.indexOf('郑凯') === 0)) }));
    page.onIndex(event({ field: 'roleIndex' }, { value: String(page.data.roles.findIndex((r) => r.value === 'GroupLeader')) }));
    await page.appoint();
    noErrors(student.wx);
    const appointed = page.data.holders.filter((h) => h.name === '郑凯')[0];
    expect(appointed).toMatchObject({ unitName: '本科生党小组', role: '党小组长' });
    await page.end(event({ id: appointed.id, name: '郑凯', role: '党小组长' }));
    noErrors(student.wx);
    expect(page.data.holders.filter((h) => h.name === '郑凯')).toEqual([]);
  });

  test('a member\'s story waits for approval; the committee approves it from the review page', async () => {
    const story = await member.load('api/client').request('POST', '/api/stories', { data: { title: '社区志愿服务记', body: '周末我们走进社区。', visibility: 'Internal', imageIds: [] } });
    const review = await secretary.open('story-review');
    expect(review.data.items.map((s) => s.id)).toContain(story.id);
    await review.approve(event({ id: story.id }));
    noErrors(secretary.wx);
    const opened = await member.load('api/brand').story(story.id);
    expect(opened.status).toBe('Published');
  });

  test('brand, reach, screen link and the audit log of what was done', async () => {
    const brandPage = await secretary.open('brand-edit');
    brandPage.onField(event({ field: 'slogan' }, { value: '立德树人 先锋引领' }));
    brandPage.onField(event({ field: 'labels' }, { value: '教书育人、志愿服务' }));
    await brandPage.save();
    noErrors(secretary.wx);
    const shown = await member.load('api/brand').brand(brandPage.data.branches[0].id);
    expect(shown).toMatchObject({ slogan: '立德树人 先锋引领', labels: ['教书育人', '志愿服务'] });

    const reach = await secretary.open('reach');
    expect(reach.data.total).toEqual(expect.objectContaining({ attention: expect.any(Number), coverage: expect.stringMatching(/%$/) }));

    const links = await secretary.open('screen-links');
    links.onField(event({ field: 'label' }, { value: '党员活动室' }));
    const link = await links.create();
    noErrors(secretary.wx);
    expect(secretary.wx.calls.clipboard).toContain(link.url);
    expect((await fetch(link.url)).status).toBe(200);
    await links.revoke(event({ id: link.id }));
    noErrors(secretary.wx);
    expect((await fetch(link.url)).status).toBe(404);

    const audit = await secretary.open('audit');
    expect(audit.data.items.length).toBeGreaterThan(0);
  });

  test('an outgoing transfer: approved on the transfers page, the letter issued and opened, the receipt recorded', async () => {
    const student = phone('dev-student-secretary');
    const client = student.load('api/client');
    const branchId = (await student.open('me')).data.member.branch.id;
    const number = 'S9' + String(Date.now()).slice(-6);
    const person = await client.create('/api/org/units/' + branchId + '/members', { name: '钱程', number, status: 'Full', admittedOn: '2020-06-01', fullSince: '2021-06-01' }, client.newIdempotencyKey());
    const transfer = await client.create('/api/transfers', { memberId: person.id, kind: 'Outgoing', toOrganization: '某市某区某街道党工委', reason: '毕业就业' }, client.newIdempotencyKey());

    const list = await student.open('transfers');
    const row = list.data.rows.filter((r) => r.id === transfer.id)[0];
    expect(row.canApprove).toBe(true);
    await list.act(event({ id: transfer.id, verb: 'approve' }));
    noErrors(student.wx);
    expect(list.data.rows.filter((r) => r.id === transfer.id)[0].paperwork).toBe(true);

    const letter = await student.open('transfer-letter', { id: String(transfer.id) });
    expect(letter.data).toMatchObject({ allowed: true, canIssue: true });
    letter.setData({ birthDate: '1999-12-31', idNumber: '11010519491231002X' });
    await letter.issue();
    noErrors(student.wx);
    expect(letter.data.transfer.letterNumber).toBeTruthy();
    await letter.openLetter();
    noErrors(student.wx);
    const pdf = student.wx.calls.requests.filter((r) => r.method === 'DOWNLOAD').pop();
    expect(pdf).toMatchObject({ status: 200, contentType: 'application/pdf' });
    expect(student.wx.calls.documents).toHaveLength(1);

    await letter.receipt();
    noErrors(student.wx);
    expect(letter.data.transfer.receiptOn).toBeTruthy();
    expect((await member.open('transfer-letter', { id: String(transfer.id) })).data.allowed).toBe(false);
  });

  test('a branch general meeting: four voters checked in by hand, a resolution recorded and passed', async () => {
    const create = await secretary.open('meeting-create');
    create.onType(event({}, { value: create.data.types.findIndex((t) => t.value === 'BranchGeneralMeeting') }));
    create.setData(Object.assign({ topic: '讨论接收预备党员', place: '会议室301' }, soon(5)));
    await create.submit();
    noErrors(secretary.wx);
    const id = idFrom(secretary.wx);

    const detail = await secretary.open('meeting-detail', { id });
    expect(detail.data.actions.map((a) => a.key)).toContain('resolutions');
    const attendance = await secretary.open('attendance', { kind: 'meeting', id });
    const voters = attendance.data.attendance.rows.filter((r) => r.name !== '刘洋').slice(0, 4);
    for (const r of voters) await attendance.checkIn(event({ id: r.memberId || r.id, name: r.name }));
    noErrors(secretary.wx);

    const page = await secretary.open('resolutions', { id });
    expect(page.data.generalMeeting).toBe(true);
    page.setData({ title: '同意接收刘洋同志为预备党员', yes: '4', no: '0', abstain: '0' });
    const saved = await page.record();
    noErrors(secretary.wx);
    expect(saved.passed).toBe(true);
    expect(page.data.resolutions.map((r) => r.result)).toEqual(['通过']);
    expect((await member.open('resolutions', { id })).data.allowed).toBe(false);
  });
});
