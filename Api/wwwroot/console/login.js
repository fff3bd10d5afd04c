// Scan-to-login: ask for a ticket, show its mini-program code, poll until it is confirmed, refused or expired.
'use strict';
(function () {
  const root = document.getElementById('login');
  const image = document.getElementById('login-code');
  const state = document.getElementById('login-state');
  const renew = document.getElementById('login-renew');
  let timer = null;

  function show(text, kind) {
    state.textContent = text;
    state.className = `state ${kind ?? ''}`;
  }

  async function start() {
    clearTimeout(timer);
    renew.hidden = true;
    show('正在生成二维码…');
    // Like every write from the console, with the CSRF token (a signed-in browser may open this page too).
    const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
    const response = await fetch('/api/console-login/tickets', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-TOKEN': csrf } });
    if (!response.ok) {
      show(response.status === 429 ? '请求过于频繁，请稍后再试。' : '二维码生成失败，请稍后再试。', 'bad');
      renew.hidden = false;
      return;
    }
    const ticket = await response.json();
    root.dataset.ticket = ticket.ticket;
    image.src = ticket.codeUrl;
    show('请使用微信扫码，并在手机上确认。', 'wait');
    poll(ticket.statusUrl);
  }

  async function poll(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    const result = response.ok ? await response.json() : { state: 'expired' };
    root.dataset.state = result.state;
    if (result.state === 'signedIn') {
      show('登录成功，正在进入工作台…', 'good');
      location.href = root.dataset.return || result.redirect;
      return;
    }
    if (result.state === 'refused') {
      show('已在手机上拒绝本次登录。', 'bad');
      image.classList.add('spent');
      renew.hidden = false;
      return;
    }
    if (result.state === 'expired') {
      show('二维码已过期，请刷新。', 'bad');
      image.classList.add('spent');
      renew.hidden = false;
      return;
    }
    timer = setTimeout(() => poll(url), 2000);
  }

  renew.addEventListener('click', () => { image.classList.remove('spent'); start(); });
  start();
})();
