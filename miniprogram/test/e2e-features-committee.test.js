// End to end against the real API (demo data): the committee pages of issue 21. Study: the secretary publishes an
// audio material through the chunked upload and assigns it to a member with a due date; the member reads (plays) it
// to the end and the assignment is finished, which the committee sees. The graduation batch: composed on the phone,
// the dry run's row errors from the server, then confirmed; a sheet from a chat with its row numbers. Dues: the day's
// reconciliation, a base and a reduction (减免), and a WeChat Pay payment (paid at the API's WeChat Pay emulator)
// refunded from the branch page. Left out with E2E_FEATURES=0.
const harness = require('./harness');

const { createApp, event, eventually } = harness;
const { realHttp, realDownload } = require('./wx-shim');

const BASE = process.env.SB_API_URL;
const PAY = process.env.SB_PAY_EMULATOR_URL;
const failures = (wx, from) => harness.failures(wx, BASE, from);
const noErrors = (wx) => harness.noErrors(wx, BASE);

function phone(code, files) {
  return createApp({ handler: realHttp, download: realDownload, loginCode: code, files }, BASE);
}

/** One second of a 440 Hz tone as a WAV file (8 kHz, mono, 16-bit): the API probes its length as exactly 1 s. */
function oneSecondWav() {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0);
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVE', 8);
  head.write('fmt ', 12);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36);
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

/** The server credits study only as real time passes (Api/Features/Study/README.md): let the player run this long. */
function playFor(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('the committee\'s pages of issue 21 against the real API', () => {
  test('study: the committee publishes an audio and assigns it; the member plays it to the end; the committee sees it finished', async () => {
    const wav = oneSecondWav();
    const secretary = phone('dev-secretary', [{ path: 'wxfile://tmp/tone.wav', name: '党课录音.wav', bytes: wav }]);
    const title = '党课录音 ' + Date.now().toString(36);
    const publish = await secretary.open('publish');
    expect(publish.data.allowed).toBe(true);
    publish.onKind(event({}, { value: '1' }));
    publish.onField(event({ field: 'title' }, { value: title }));
    publish.onField(event({ field: 'topic' }, { value: '党课' }));
    publish.onField(event({ field: 'minutes' }, { value: '5' }));
    publish.onConfirm(event({}, { value: ['yes'] }));
    await publish.chooseFile();
    const created = await publish.submit();
    noErrors(secretary.wx);
    expect(publish.data.published).toMatchObject({ status: 'Published', text: '已发布', ready: true });
    expect(secretary.wx.calls.requests.filter((r) => r.url.indexOf('/api/study/uploads') > 0).map((r) => r.method + ' ' + r.status)).toEqual(['POST 201', 'PUT 200', 'GET 200', 'POST 200']);

    publish.assign();
    const to = secretary.wx.calls.navigations.pop().url;
    expect(to).toMatch(new RegExp('^/pkg-study/assign/index\\?unitId=\\d+&materialId=' + created.id + '$'));
    const assign = await secretary.open('assign', Object.fromEntries(new URLSearchParams(to.split('?')[1])));
    noErrors(secretary.wx);
    expect(assign.data.materials.filter((m) => m.checked).map((m) => m.title)).toEqual([title]);
    assign.onField(event({ field: 'title' }, { value: '学习任务 ' + title }));
    assign.onAudienceMode(event({}, { value: '2' }));
    assign.onMemberQuery(event({}, { value: '李明' }));
    assign.toggleMember(event({ id: assign.data.shownPeople[0].id }));
    const assignment = await assign.submit();
    noErrors(secretary.wx);
    expect(assignment.assigneeCount).toBe(1);

    const member = phone('dev-member');
    const list = await member.open('materials');
    noErrors(member.wx);
    const mine = list.data.assignments.filter((a) => a.id === assignment.id)[0];
    expect(mine).toMatchObject({ state: '未开始', finished: false, count: 1 });
    const shown = list.data.items.filter((m) => m.id === created.id)[0];
    expect(shown).toMatchObject({ kind: '音频', title });
    list.open(event({ id: created.id }));
    const material = await member.open('material', { id: String(created.id) });
    noErrors(member.wx);
    expect(material.data.mediaUrl).toMatch(/\/api\/study\/media\//);
    await material.onPlay();
    await playFor(1300);
    await material.onEnded();
    noErrors(member.wx);
    expect(material.data.progress).toMatchObject({ completed: true, percent: 100 });
    expect(member.wx.calls.toasts).toContain('已完成本资料学习');

    const again = await member.open('materials');
    expect(again.data.assignments.filter((a) => a.id === assignment.id)[0]).toMatchObject({ state: '已完成', finished: true });
    const completion = await secretary.open('assignment', { id: String(assignment.id) });
    noErrors(secretary.wx);
    expect(completion.data.view.finished.map((p) => p.name)).toEqual(['李明']);
    expect(completion.data.view.figures).toMatchObject({ assigned: 1, finished: 1 });
  });

  test('study: a plain member gets neither committee page', async () => {
    const member = phone('dev-member');
    expect((await member.open('publish')).data.allowed).toBe(false);
    expect((await member.open('assign')).data.allowed).toBe(false);
    noErrors(member.wx);
  });

  test('graduation: composed on the phone, the server\'s row error shown by name, fixed, checked and confirmed', async () => {
    const student = phone('dev-student-secretary');
    const client = student.load('api/client');
    const branchId = (await student.open('me')).data.member.branch.id;
    const stamp = String(Date.now()).slice(-6);
    const add = (name, number) => client.create('/api/org/units/' + branchId + '/members', { name, number, status: 'Full', admittedOn: '2022-06-01', fullSince: '2023-06-01' }, client.newIdempotencyKey());
    const leaving = await add('毕业甲', 'G1' + stamp);
    const busy = await add('毕业乙', 'G2' + stamp);
    await client.create('/api/transfers', { memberId: busy.id, kind: 'Outgoing', toOrganization: '某市某区某街道党工委', reason: '工作调动' }, client.newIdempotencyKey());

    const page = await student.open('graduation');
    noErrors(student.wx);
    const index = (id) => String(page.data.people.findIndex((p) => p.id === id));
    page.addPerson(event({}, { value: index(leaving.id) }));
    page.addPerson(event({}, { value: index(busy.id) }));
    page.onOrganization(event({ index: 0 }, { value: '某大学研究生院党委' }));
    page.onType(event({ index: 0 }, { value: '0' }));
    page.onOrganization(event({ index: 1 }, { value: '某公司党委' }));
    const from = student.wx.calls.requests.length;
    await page.check();
    expect(failures(student.wx, from)).toEqual(['POST /api/org/units/' + branchId + '/transfers/graduation?dryRun=true → 400']);
    expect(page.data.errors).toEqual([{ row: 3, who: '毕业乙（G2' + stamp + '）', reasons: '该党员已有正在办理的组织关系转接' }]);
    expect(student.wx.calls.modals).toEqual([]);

    page.removeRow(event({ index: 1 }));
    await page.check();
    expect(page.data.verified).toEqual({ rows: 1 });
    await page.confirm();
    expect(failures(student.wx, from + 1)).toEqual([]);
    expect(page.data.done).toEqual({ created: 1 });

    const transfers = await client.get('/api/transfers', { open: true });
    expect(transfers.items.filter((t) => t.memberId === leaving.id).map((t) => [t.state, t.toOrganization])).toEqual([['Approved', '某大学研究生院党委']]);
  });

  test('graduation: a sheet from a chat is read by the server and its bad rows named by number', async () => {
    const sheet = Buffer.from('\ufeff学工号,姓名,毕业去向,转入党组织\r\nX0000001,查无此人,工作,某公司党委\r\n', 'utf8');
    const student = phone('dev-student-secretary', [{ path: 'wxfile://tmp/list.csv', name: '毕业名单.csv', bytes: sheet }]);
    const page = await student.open('graduation');
    page.switchMode(event({ mode: 'file' }));
    await page.chooseFile();
    await page.check();
    expect(page.data.errors).toHaveLength(1);
    expect(page.data.errors[0]).toMatchObject({ row: 2, who: '第 2 行' });
    expect(page.data.errors[0].reasons).toContain('本支部名册中没有学工号“X0000001”');
    expect(page.data.errors[0].reasons).toContain('毕业去向“工作”无效');
    expect(student.wx.calls.modals).toEqual([]);
    expect((await phone('dev-student').open('graduation')).data.allowed).toBe(false);
  });

  test('dues: yesterday\'s reconciliation opens; a base and then a reduction (减免) for a member', async () => {
    const secretary = phone('dev-secretary');
    const reconcile = await secretary.open('reconcile');
    noErrors(secretary.wx);
    expect(reconcile.data.figures).toEqual(expect.objectContaining({ weChatCount: expect.any(Number), ourCount: expect.any(Number) }));
    expect(Array.isArray(reconcile.data.differences)).toBe(true);

    const branch = await secretary.open('pkg-dues/branch');
    noErrors(secretary.wx);
    const person = branch.data.unpaid.concat(branch.data.paid, branch.data.noBase).filter((p) => p.name === '陈静')[0];
    branch.select(event({ id: person.id, name: person.name }));
    branch.onIndex(event({ field: 'categoryIndex' }, { value: '0' }));
    branch.onField(event({ field: 'baseYuan' }, { value: '6000' }));
    await branch.setBase();
    expect(failures(secretary.wx)).toEqual([]);
    branch.select(event({ id: person.id, name: person.name }));
    branch.onField(event({ field: 'reducedYuan' }, { value: '0' }));
    branch.onField(event({ field: 'reductionReason' }, { value: '生活困难，经支部委员会研究同意免交' }));
    const reduced = await branch.reduce();
    expect(failures(secretary.wx)).toEqual([]);
    expect(reduced).toMatchObject({ memberId: person.id, monthlyFen: 0, reason: '生活困难，经支部委员会研究同意免交' });
    expect(reduced.ruleMonthlyFen).toBeGreaterThan(0);
    expect(secretary.wx.calls.modals.pop().title).toBe('已减免');

    expect((await phone('dev-member').open('reconcile')).data.allowed).toBe(false);
  });

  test('dues: a member pays by WeChat Pay; the committee finds the payment on the branch page and refunds it', async () => {
    const secretary = phone('dev-secretary');
    const member = phone('dev-member');
    const branch = await secretary.open('pkg-dues/branch');
    const person = branch.data.unpaid.concat(branch.data.paid, branch.data.noBase).filter((p) => p.name === '李明')[0];
    await branch.select(event({ id: person.id, name: person.name }));
    branch.onIndex(event({ field: 'categoryIndex' }, { value: '0' }));
    branch.onField(event({ field: 'baseYuan' }, { value: '4000' }));
    await branch.setBase();
    expect(secretary.wx.calls.modals.pop().title).toBe('已保存');
    noErrors(secretary.wx);

    const dues = await member.open('dues');
    noErrors(member.wx);
    expect(dues.data.choices.length).toBeGreaterThan(0);
    await dues.pay(event({ through: dues.data.choices[0].through }));
    noErrors(member.wx);
    const mine = member.load('api/client');
    const order = (await mine.get('/api/dues/me/payments')).items.filter((p) => p.status === 'Pending')[0];
    const paid = await fetch(PAY + '/__emulator/pay/' + order.outTradeNo, { method: 'POST' });
    expect(paid.status).toBe(200);
    const settled = await eventually(async () => (await mine.get('/api/dues/me/payments')).items.filter((p) => p.id === order.id && p.status === 'Paid')[0]);
    expect(settled).toBeTruthy();

    await branch.select(event({ id: person.id, name: person.name }));
    noErrors(secretary.wx);
    const shown = branch.data.payments.filter((p) => p.id === order.id)[0];
    expect(shown).toMatchObject({ method: '微信支付', status: '已交纳', refundable: true });
    branch.chooseRefund(event({ id: shown.id, name: shown.name, amount: shown.amount }));
    branch.onReason(event({}, { value: '重复支付，退回' }));
    await branch.refund();
    noErrors(secretary.wx);
    expect(branch.data.payments.filter((p) => p.id === order.id)[0]).toMatchObject({ status: '退款中', refundable: false });
    const refunded = await eventually(async () => (await mine.get('/api/dues/me/payments')).items.filter((p) => p.id === order.id && p.status === 'Refunded')[0]);
    expect(refunded).toBeTruthy();
  });
});
