// 组织关系转接: transfers from or to the branches the member manages (GET /api/transfers?open=), and the step that waits
// for them: approve (with dues paid up to), return with a reason, accept, issue the letter (介绍信, printed as PDF),
// record the receipt (回执). The API decides who may do what (canApprove, canAccept, canIssueLetter, canRecordReceipt).
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime } = window.sb;
  const openOnly = document.getElementById('open-only');
  const dialog = document.getElementById('letter-dialog');
  const letter = document.getElementById('letter-form');
  let transfers = [];

  async function load() {
    const result = await api('GET', `/api/transfers${openOnly.checked ? '?open=true' : ''}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    transfers = result.body.items;
    document.getElementById('transfers').innerHTML = table([
      ['党员', (t) => esc(t.memberName)],
      ['转出', (t) => esc(t.from?.name ?? t.fromOrganization ?? '')],
      ['转入', (t) => esc(t.to?.name ?? t.toOrganization ?? '')],
      ['申请时间', (t) => esc(chinaTime(t.requestedAt))],
      ['状态', (t) => `${esc(t.stateName)}${t.expired ? ' <span class="state bad">已过期</span>' : ''}`],
      ['介绍信', (t) => (t.letterNumber ? `${esc(t.letterNumber)}<br><a href="/api/transfers/${t.id}/letter.pdf" target="_blank">打印</a>` : '')],
      ['操作', (t) => [
        t.canApprove ? `<button type="button" data-act="approve" data-id="${t.id}">同意转出</button> <button type="button" class="secondary" data-act="return" data-id="${t.id}">退回</button>` : '',
        t.canAccept ? `<button type="button" data-act="accept" data-id="${t.id}">接收</button> <button type="button" class="secondary" data-act="return" data-id="${t.id}">退回</button>` : '',
        t.canIssueLetter ? `<button type="button" data-act="letter" data-id="${t.id}">开具介绍信</button>` : '',
        t.canRecordReceipt ? `<button type="button" data-act="receipt" data-id="${t.id}">登记回执</button>` : '',
      ].join(' ')],
    ], transfers, '没有待办的组织关系转接');
  }

  async function act(path, body, done) {
    const result = await api('POST', path, body);
    if (!result.ok) { flash(problem(result), 'error'); return false; }
    flash(done, 'ok');
    await load();
    return true;
  }

  document.getElementById('transfers').addEventListener('click', async (event) => {
    const { act: action, id } = event.target.dataset ?? {};
    if (!action) return;
    if (action === 'approve') {
      // The default is what the dues records say (never this month by assumption); empty means "no record".
      const onRecord = transfers.find((t) => String(t.id) === id)?.duesOnRecord;
      const duesPaidUpTo = prompt(`${onRecord?.text ?? '本系统没有该党员的党费交纳记录'}。\n党费交至（年-月，例如 2026-11；没有记录可留空）：`, onRecord?.paidThrough ?? '');
      if (duesPaidUpTo !== null) await act(`/api/transfers/${id}/approve`, { duesPaidUpTo: duesPaidUpTo.trim() || null }, '已同意转出。');
    } else if (action === 'return') {
      const reason = prompt('退回原因：');
      if (reason) await act(`/api/transfers/${id}/return`, { reason }, '已退回。');
    } else if (action === 'accept') {
      await act(`/api/transfers/${id}/accept`, {}, '已接收，党员已转入本支部。');
    } else if (action === 'receipt') {
      const receivedOn = prompt('回执日期（年-月-日）：', new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
      if (receivedOn) await act(`/api/transfers/${id}/receipt`, { receivedOn }, '已登记回执。');
    } else if (action === 'letter') {
      letter.reset();
      letter.dataset.id = id;
      document.getElementById('letter-member').textContent = transfers.find((t) => String(t.id) === id)?.memberName ?? '';
      dialog.showModal();
    }
  });

  letter.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      sex: letter.sex.value, ethnicity: letter.ethnicity.value, birthDate: letter.birthDate.value, idNumber: letter.idNumber.value,
      validDays: letter.validDays.value ? Number(letter.validDays.value) : null,
    };
    if (await act(`/api/transfers/${letter.dataset.id}/letter`, body, '介绍信已开具，可在列表中打印。')) dialog.close();
  });
  document.getElementById('letter-cancel').addEventListener('click', () => dialog.close());
  openOnly.addEventListener('change', load);
  load();
})();
