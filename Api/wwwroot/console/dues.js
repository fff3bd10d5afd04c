// 党费: the branch's month (GET /api/dues/branches/{id}?month=), reminding the unpaid (POST …/remind), a member's base
// for the month's year (PUT /api/dues/members/{id}/bases/{year}: category, monthly base in fen from the yuan typed,
// owedFrom only when a 起交月份 is chosen), and a day's reconciliation with WeChat Pay (GET …/reconciliation?date=,
// POST …/reconciliation/resolve). Amounts are fen.
'use strict';
(function () {
  const { api, problem, flash, esc, table, chinaTime } = window.sb;
  const unit = document.getElementById('unit');
  const month = document.getElementById('month');
  const day = document.getElementById('day');
  const yuan = (fen) => (fen == null ? '' : (fen / 100).toFixed(2));
  const names = (members) => members.map((m) => esc(m.name)).join('、');
  const base = document.getElementById('base');
  const baseResult = document.getElementById('base-result');

  /** "6500" or "6500.5" yuan → fen; null when it is not an amount. */
  function fen(text) {
    const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
    return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : null;
  }

  /**
   * The base form offers the branch's members: those without a base for the year first, then the others with the
   * first month their base is owed (the branch view's `bases`); `chosen` stays picked when still offered.
   */
  function offerMembers(m, chosen) {
    const seen = new Set();
    const options = [];
    for (const [list, note] of [[m.noBase, () => '（未核定）'], [m.bases, (b) => `（现自 ${b.owedFrom} 起缴）`]]) {
      for (const p of list) {
        if (seen.has(p.memberId)) continue;
        seen.add(p.memberId);
        options.push(`<option value="${p.memberId}">${esc(p.name)}${esc(note(p))}</option>`);
      }
    }
    base.memberId.innerHTML = options.join('');
    if (seen.has(Number(chosen))) base.memberId.value = chosen;
    const year = month.value.slice(0, 4);
    base.owedFrom.min = `${year}-01`;
    base.owedFrom.max = `${year}-12`;
    if (base.owedFrom.value && base.owedFrom.value.slice(0, 4) !== year) base.owedFrom.value = '';
  }

  // Only branches keep dues; a general branch admin picks one of the branches listed.
  for (const option of [...unit.options]) if (option.dataset.kind !== 'Branch') option.remove();
  const now = new Date(Date.now() + 8 * 3600_000);
  if (!month.value) month.value = now.toISOString().slice(0, 7);
  if (!day.value) day.value = new Date(now.getTime() - 86400_000).toISOString().slice(0, 10);

  async function loadMonth() {
    if (!unit.value) { document.getElementById('summary').innerHTML = '<p class="empty">您没有可管理党费的党支部。</p>'; return; }
    // No pick can be sent while the month loads; a member still listed (same branch) stays picked.
    const chosen = base.memberId.value;
    base.memberId.innerHTML = '';
    const result = await api('GET', `/api/dues/branches/${unit.value}?month=${month.value}`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const m = result.body;
    offerMembers(m, chosen);
    document.getElementById('summary').innerHTML = `<div class="figures">
      <span>应缴 <b data-testid="due">${yuan(m.dueFen)}</b> 元</span>
      <span>已缴 <b data-testid="paid">${yuan(m.paidFen)}</b> 元</span>
      <span>已缴人数 <b>${m.paid.length}</b></span>
      <span>未缴人数 <b data-testid="unpaid-count">${m.unpaid.length}</b></span></div>`;
    const line = [['姓名', (l) => esc(l.name)], ['应缴（元）', (l) => yuan(l.amountFen)], ['已缴（元）', (l) => yuan(l.paidFen)]];
    document.getElementById('unpaid').innerHTML = table(line, m.unpaid, '本月全部缴清');
    document.getElementById('paid').innerHTML = table(line, m.paid, '本月尚无人缴纳');
    document.getElementById('arrears').innerHTML = table([
      ['连续欠缴', (g) => `${g.months} 个月`], ['人数', (g) => g.members.length], ['姓名', (g) => names(g.members)],
    ], m.arrears, '没有欠缴');
    document.getElementById('flagged').innerHTML = table([
      ['姓名', (f) => esc(f.name)], ['最早欠缴月份', (f) => esc(f.oldestUnpaid)],
    ], m.flagged, '没有连续六个月未缴的党员');
    document.getElementById('nobase').innerHTML = m.noBase.length ? `未核定本年度缴费基数：${names(m.noBase)}` : '';
    document.getElementById('disputed').innerHTML = table([
      ['商户单号', (p) => esc(p.outTradeNo)], ['月份', (p) => esc(p.months.join('、'))], ['金额（元）', (p) => yuan(p.amountFen + p.extraFen)],
      ['问题', (p) => esc(p.problem ?? p.status)], ['时间', (p) => esc(chinaTime(p.paidAt ?? p.createdAt))],
    ], m.disputed, '没有待核查的支付');
  }

  async function loadReconciliation() {
    if (!unit.value) return;
    const box = document.getElementById('differences');
    box.innerHTML = '<p class="muted">正在获取微信支付对账单…</p>';
    const result = await api('GET', `/api/dues/branches/${unit.value}/reconciliation?date=${day.value}`);
    if (!result.ok) { box.innerHTML = ''; flash(problem(result), 'error'); return; }
    const r = result.body;
    const kinds = { PaidThereNotHere: '微信已收款、本系统未记账', HereNotThere: '本系统已记账、微信无此交易', AmountDiffers: '金额不一致' };
    box.innerHTML = `<p>${esc(r.date)}：微信支付 ${r.weChatCount} 笔 ${yuan(r.weChatFen)} 元；本系统 ${r.ourCount} 笔 ${yuan(r.ourFen)} 元</p>` + table([
      ['差异', (d) => esc(kinds[d.kind] ?? d.kind)], ['商户单号', (d) => esc(d.outTradeNo)], ['姓名', (d) => esc(d.name ?? '')],
      ['微信（元）', (d) => yuan(d.weChatFen)], ['本系统（元）', (d) => yuan(d.ourFen)],
      ['', (d) => `<button type="button" class="secondary" data-resolve="${esc(d.outTradeNo)}">以微信支付为准</button>`],
    ], r.differences, '两边一致，没有差异');
  }

  document.getElementById('differences').addEventListener('click', async (event) => {
    const outTradeNo = event.target.dataset?.resolve;
    if (!outTradeNo) return;
    event.target.disabled = true;
    const result = await api('POST', `/api/dues/branches/${unit.value}/reconciliation/resolve`, { outTradeNo });
    if (!result.ok) { flash(problem(result), 'error'); event.target.disabled = false; return; }
    flash(`已按微信支付结果处理（${result.body.tradeState}）。`, 'ok');
    await Promise.all([loadMonth(), loadReconciliation()]);
  });

  document.getElementById('remind').addEventListener('click', async () => {
    const result = await api('POST', `/api/dues/branches/${unit.value}/remind`);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const n = result.body.reminded;
    flash(n ? `已提醒 ${n} 名有欠缴月份的党员。` : '没有需要提醒的党员：本月及以前的党费均已缴清，或尚未核定缴费基数。', n ? 'ok' : 'info');
  });

  base.category.addEventListener('change', () => {
    const flat = !['Salaried', 'Retired'].includes(base.category.value);
    base.baseYuan.disabled = flat;
    if (flat) base.baseYuan.value = '';
  });

  base.addEventListener('submit', async (e) => {
    e.preventDefault();
    baseResult.textContent = '';
    const category = base.category.value;
    const needsBase = ['Salaried', 'Retired'].includes(category);
    const monthlyBaseFen = needsBase ? fen(base.baseYuan.value) : null;
    if (!base.memberId.value) { flash('请选择党员。', 'error'); return; }
    if (needsBase && monthlyBaseFen === null) { flash('请填写每月税后收入（元，最多两位小数）。', 'error'); return; }
    const body = { category, monthlyBaseFen };
    if (base.owedFrom.value) body.owedFrom = base.owedFrom.value;
    const name = base.memberId.selectedOptions[0]?.textContent.replace(/（.*$/, '') ?? '';
    const result = await api('PUT', `/api/dues/members/${base.memberId.value}/bases/${month.value.slice(0, 4)}`, body);
    if (!result.ok) { flash(problem(result), 'error'); return; }
    const saved = result.body;
    flash(`已核定 ${name} ${saved.year} 年缴费基数：每月应缴 ${yuan(saved.monthlyFen)} 元，自 ${saved.owedFrom} 起缴。`, 'ok');
    baseResult.textContent = saved.explanation;
    base.baseYuan.value = '';
    base.owedFrom.value = '';
    await loadMonth();
  });

  unit.addEventListener('change', () => { loadMonth(); document.getElementById('differences').innerHTML = ''; });
  month.addEventListener('change', loadMonth);
  document.getElementById('reconcile').addEventListener('click', loadReconciliation);
  loadMonth();
})();
