// Big screen (互动大屏): polls /screen/<token>/data and rotates the panels. Plain JavaScript, no build step.
// ?rotate=<seconds> changes how long each panel stays (default 12).
(function () {
  'use strict';
  var token = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  var params = new URLSearchParams(location.search);
  var rotateSeconds = Math.max(1, Number(params.get('rotate')) || 12);
  var refreshSeconds = 5;
  var panels = Array.prototype.slice.call(document.querySelectorAll('.panel'));
  var current = 0;

  function el(id) { return document.getElementById(id); }
  function text(id, value) { el(id).textContent = value; }
  function node(tag, className, content) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (content !== undefined) n.textContent = content;
    return n;
  }
  function percent(x) { return (Math.round(x * 1000) / 10) + '%'; }
  function when(iso) {
    var d = new Date(iso);
    return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' });
  }

  function render(data) {
    var brand = data.brand;
    document.documentElement.style.setProperty('--theme', brand.themeColor || '#C8161D');
    text('brand-name', brand.name);
    text('brand-slogan', brand.slogan || '');
    document.title = brand.name + ' · 互动大屏';
    var logo = el('brand-logo');
    if (brand.logoUrl) { logo.src = brand.logoUrl; logo.hidden = false; } else { logo.hidden = true; }
    var labels = el('brand-labels');
    labels.replaceChildren.apply(labels, (brand.labels || []).map(function (l) { return node('li', null, l); }));
    text('intro', brand.introduction || '');

    text('checkin-count', String(data.checkIns.today));
    text('fig-checkins', String(data.checkIns.today));
    text('fig-attendance', data.attendance.expected > 0 ? percent(data.attendance.rate) : '—');
    text('fig-attention', String(data.reach.attention));
    text('fig-coverage', percent(data.reach.coverage));
    text('fig-heat', String(Math.round(data.reach.heat)));

    var upcoming = el('upcoming');
    upcoming.replaceChildren.apply(upcoming, data.upcoming.map(function (e) {
      var li = node('li', 'event ' + e.kind);
      li.appendChild(node('div', 'when', when(e.startsAt)));
      li.appendChild(node('div', 'title', e.title));
      li.appendChild(node('div', 'meta', [e.typeName, e.place].filter(Boolean).join(' · ')));
      return li;
    }));
    el('upcoming-empty').hidden = data.upcoming.length > 0;

    var stories = el('stories');
    stories.replaceChildren.apply(stories, data.stories.map(function (s) {
      var card = node('article', 'story');
      if (s.imageUrls.length > 0) {
        var img = node('img');
        img.src = s.imageUrls[0];
        img.alt = s.title;
        card.appendChild(img);
      }
      card.appendChild(node('div', 'title', s.title));
      card.appendChild(node('div', 'excerpt', s.excerpt));
      return card;
    }));
    el('stories-empty').hidden = data.stories.length > 0;

    var notices = el('notices');
    notices.replaceChildren.apply(notices, data.notices.map(function (n) { return node('li', null, n.title); }));
    refreshSeconds = data.refreshSeconds || refreshSeconds;
  }

  function showError() {
    // The link was revoked while the screen was showing: the server's error page says what to do.
    location.reload();
  }

  function poll() {
    fetch('/screen/' + encodeURIComponent(token) + '/data', { cache: 'no-store' })
      .then(function (response) {
        if (response.status === 404) { showError(); return null; }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) {
        if (data) { render(data); text('status', ''); }
      })
      .catch(function () { text('status', '网络异常，稍后自动重试'); })
      .then(function () { setTimeout(poll, refreshSeconds * 1000); });
  }

  function rotate() {
    panels.forEach(function (p, i) { p.classList.toggle('active', i === current); });
    current = (current + 1) % panels.length;
  }

  function tick() { text('clock', new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })); }

  rotate();
  setInterval(rotate, rotateSeconds * 1000);
  tick();
  setInterval(tick, 1000);
  poll();
})();
