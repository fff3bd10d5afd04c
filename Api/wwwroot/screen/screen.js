// Big screen (互动大屏). Plain JavaScript, no build step. Three sources, all under /screen/<token>/:
//   events          server-sent events: check-ins, the message wall and poll results as they happen (reconnects by itself)
//   data            brand, upcoming events, stories, notices, headline figures (re-read every refreshSeconds)
//   trends          twelve months of aggregates for the charts (re-read every 10 minutes)
// and check-in-code, the rotating code of the meeting or activity open for check-in (re-read when it expires).
(function () {
  'use strict';
  var token = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  var base = '/screen/' + encodeURIComponent(token);
  var refreshSeconds = 60;
  var trendsSeconds = 600;
  var charts = {};
  var currentTarget = null; // "meeting:12" while a code is shown
  var codeTimer = null;
  var source = null;

  function el(id) { return document.getElementById(id); }
  function text(id, value) { el(id).textContent = value; }
  function node(tag, className, content) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (content !== undefined && content !== null) n.textContent = content;
    return n;
  }
  function fill(parent, children) { parent.replaceChildren.apply(parent, children); }
  function percent(x) { return (Math.round(x * 1000) / 10) + '%'; }
  function china(iso, options) { return new Date(iso).toLocaleString('zh-CN', Object.assign({ timeZone: 'Asia/Shanghai' }, options)); }
  function when(iso) { return china(iso, { month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }); }
  function clock(iso) { return china(iso, { hour: '2-digit', minute: '2-digit', hour12: false }); }
  function status(message) { text('status', message || ''); }
  function revoked() { location.reload(); } // the server now answers the error page

  // ---- brand, upcoming, stories, notices, headline figures
  function renderData(data) {
    var brand = data.brand;
    document.documentElement.style.setProperty('--theme', brand.themeColor || '#C8161D');
    text('brand-name', brand.name);
    text('brand-slogan', brand.slogan || '');
    document.title = brand.name + ' · 互动大屏';
    var logo = el('brand-logo');
    if (brand.logoUrl) { logo.src = brand.logoUrl; logo.hidden = false; } else { logo.hidden = true; }
    fill(el('brand-labels'), (brand.labels || []).map(function (l) { return node('li', null, l); }));
    text('intro', brand.introduction || '');

    text('checkin-count', String(data.checkIns.today));
    text('fig-attendance', data.attendance.expected > 0 ? percent(data.attendance.rate) : '—');
    text('fig-attention', String(data.reach.attention));
    text('fig-coverage', percent(data.reach.coverage));
    text('fig-heat', String(Math.round(data.reach.heat)));

    fill(el('upcoming'), data.upcoming.slice(0, 5).map(function (e) {
      var li = node('li', 'event ' + e.kind);
      li.appendChild(node('div', 'when', when(e.startsAt)));
      li.appendChild(node('div', 'title', e.title));
      li.appendChild(node('div', 'meta', [e.typeName, e.place].filter(Boolean).join(' · ')));
      return li;
    }));
    el('upcoming-empty').hidden = data.upcoming.length > 0;

    fill(el('stories'), data.stories.slice(0, 3).map(function (s) {
      var card = node('article', 'story');
      if (s.imageUrls.length > 0) {
        var img = node('img');
        img.src = s.imageUrls[0];
        img.alt = s.title;
        card.appendChild(img);
      }
      var body = node('div', 'body');
      body.appendChild(node('div', 'title', s.title));
      body.appendChild(node('div', 'excerpt', s.excerpt));
      card.appendChild(body);
      return card;
    }));
    el('stories-empty').hidden = data.stories.length > 0;

    fill(el('notices'), data.notices.map(function (n) { return node('li', null, n.title); }));
    refreshSeconds = data.refreshSeconds || refreshSeconds;
  }

  function loadData() {
    fetch(base + '/data', { cache: 'no-store' })
      .then(function (response) {
        if (response.status === 404) { revoked(); return null; }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) { if (data) renderData(data); })
      .catch(function () { status('网络异常，稍后自动重试'); })
      .then(function () { setTimeout(loadData, refreshSeconds * 1000); });
  }

  // ---- live: check-in wall, message wall, polls
  function renderLive(live) {
    text('checkin-count', String(live.checkInsToday));

    var c = live.checkIn;
    el('checkin-current').hidden = !c;
    el('checkin-empty').hidden = !!c;
    if (c) {
      text('checkin-title', c.title);
      text('checkin-meta', [c.typeName, when(c.startsAt), c.place].filter(Boolean).join(' · '));
      text('checkin-arrived', String(c.count));
      fill(el('arrivals'), c.arrivals.map(function (a) {
        var li = node('li');
        li.appendChild(node('span', 'name', a.name));
        li.appendChild(node('span', 'time', clock(a.at)));
        return li;
      }));
    }
    var target = c ? c.kind + ':' + c.id : null;
    if (target !== currentTarget) { currentTarget = target; loadCode(); }

    var w = live.wall;
    el('wall').hidden = !w;
    el('wall-empty').hidden = !!w;
    text('wall-title', w ? w.title : '');
    if (w) {
      fill(el('wall'), w.messages.slice().reverse().map(function (m) {
        var li = node('li');
        li.dataset.id = m.id;
        li.appendChild(node('div', 'author', m.author + ' · ' + clock(m.postedAt)));
        li.appendChild(node('div', 'text', m.text));
        return li;
      }));
    }

    el('polls-empty').hidden = live.polls.length > 0;
    fill(el('polls'), live.polls.map(function (p) {
      var box = node('div', 'poll');
      box.dataset.id = p.id;
      var q = node('div', 'question', p.question);
      q.appendChild(node('span', 'state', p.open ? (p.multipleChoice ? '多选 · 进行中' : '进行中') : '已结束'));
      box.appendChild(q);
      var total = p.options.reduce(function (sum, o) { return sum + o.votes; }, 0);
      p.options.forEach(function (o) {
        var row = node('div', 'option');
        row.dataset.id = o.id;
        row.appendChild(node('span', 'text', o.text));
        var bar = node('div', 'bar');
        var fillBar = node('span');
        fillBar.style.width = total > 0 ? (o.votes * 100 / total) + '%' : '0';
        bar.appendChild(fillBar);
        row.appendChild(bar);
        row.appendChild(node('span', 'votes', o.votes + '票'));
        box.appendChild(row);
      });
      box.appendChild(node('div', 'voters', p.voters + '人已投票'));
      return box;
    }));
  }

  function connect() {
    source = new EventSource(base + '/events');
    source.addEventListener('live', function (e) { status(''); renderLive(JSON.parse(e.data)); });
    source.addEventListener('revoked', function () { source.close(); revoked(); });
    source.onerror = function () {
      status('连接中断，正在重连…');
      // The browser retries by itself (the server asks for 1 s) unless the answer was not a stream (404 or 429):
      // then ask /data whether the link still exists, and connect again.
      if (source.readyState === EventSource.CLOSED) {
        fetch(base + '/data', { cache: 'no-store' })
          .then(function (response) { if (response.status === 404) revoked(); else setTimeout(connect, 3000); })
          .catch(function () { setTimeout(connect, 3000); });
      }
    };
  }

  // ---- the rotating check-in code
  function loadCode() {
    clearTimeout(codeTimer);
    if (!currentTarget) return;
    fetch(base + '/check-in-code', { cache: 'no-store' })
      .then(function (response) {
        if (response.status === 204) return null;
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (code) {
        if (!code) return;
        text('checkin-code', code.numericCode);
        var qr = el('checkin-qr');
        qr.onerror = function () { qr.hidden = true; };
        qr.onload = function () { qr.hidden = false; };
        qr.src = code.imageUrl;
        codeTimer = setTimeout(loadCode, Math.max(1000, new Date(code.expiresAt).getTime() - Date.now() + 500));
      })
      .catch(function () { codeTimer = setTimeout(loadCode, 5000); });
  }

  // ---- twelve months of charts (ECharts, served from /lib)
  var gold = '#ffd54f';
  var axisText = { color: 'rgba(255,255,255,0.85)' };
  function rootPx(rem) { return rem * parseFloat(getComputedStyle(document.documentElement).fontSize); }
  function chartBase() {
    var f = rootPx(1.5);
    return {
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily, fontSize: f },
      legend: { top: 0, textStyle: { color: '#fff', fontSize: f }, itemWidth: f * 1.4, itemHeight: f * 0.8 },
      grid: { left: rootPx(1), right: rootPx(1), top: rootPx(4), bottom: rootPx(0.5), containLabel: true },
      tooltip: { show: false },
      animationDuration: 600,
    };
  }
  function axisX(months) {
    return { type: 'category', data: months.map(function (m) { return Number(m.label.slice(5)) + '月'; }),
      axisLabel: Object.assign({ fontSize: rootPx(1.4) }, axisText), axisLine: { lineStyle: { color: 'rgba(255,255,255,0.4)' } } };
  }
  function axisY(extra) {
    return Object.assign({ type: 'value', axisLabel: Object.assign({ fontSize: rootPx(1.4) }, axisText),
      splitLine: { lineStyle: { color: 'rgba(255,255,255,0.12)' } } }, extra);
  }
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(el(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function renderTrends(trends) {
    var m = trends.months;
    chart('chart-meetings').setOption(Object.assign(chartBase(), {
      xAxis: axisX(m),
      yAxis: [axisY({ minInterval: 1 }), axisY({ min: 0, max: 100, axisLabel: Object.assign({ formatter: '{value}%', fontSize: rootPx(1.4) }, axisText), splitLine: { show: false } })],
      series: [
        { name: '应开会议', type: 'bar', data: m.map(function (x) { return x.meetingsRequired; }), itemStyle: { color: 'rgba(255,255,255,0.35)' } },
        { name: '已开会议', type: 'bar', data: m.map(function (x) { return x.meetingsHeld; }), itemStyle: { color: gold } },
        { name: '出勤率', type: 'line', yAxisIndex: 1, smooth: true, connectNulls: true, symbolSize: rootPx(0.8),
          data: m.map(function (x) { return x.attendanceRate === null ? null : Math.round(x.attendanceRate * 1000) / 10; }),
          lineStyle: { color: '#fff', width: rootPx(0.3) }, itemStyle: { color: '#fff' } },
      ],
    }), true);
    chart('chart-study').setOption(Object.assign(chartBase(), {
      xAxis: axisX(m),
      yAxis: [axisY({ min: 0 })],
      series: [
        { name: '资料学习', type: 'bar', stack: 'hours', data: m.map(function (x) { return x.studyMaterialHours; }), itemStyle: { color: gold } },
        { name: '党课·主题党日', type: 'bar', stack: 'hours', data: m.map(function (x) { return x.studyMeetingHours; }), itemStyle: { color: 'rgba(255,255,255,0.55)' } },
      ],
    }), true);
    chart('chart-reach').setOption(Object.assign(chartBase(), {
      xAxis: axisX(m),
      yAxis: [axisY({ minInterval: 1 }), axisY({ min: 0, max: 100, axisLabel: Object.assign({ formatter: '{value}%', fontSize: rootPx(1.4) }, axisText), splitLine: { show: false } })],
      series: [
        { name: '关注度（人）', type: 'bar', data: m.map(function (x) { return x.attention; }), itemStyle: { color: gold } },
        { name: '热度', type: 'line', smooth: true, symbolSize: rootPx(0.8), data: m.map(function (x) { return Math.round(x.heat * 10) / 10; }),
          lineStyle: { color: '#ff8a65', width: rootPx(0.3) }, itemStyle: { color: '#ff8a65' } },
        { name: '覆盖度', type: 'line', yAxisIndex: 1, smooth: true, symbolSize: rootPx(0.8), data: m.map(function (x) { return Math.round(x.coverage * 1000) / 10; }),
          lineStyle: { color: '#fff', width: rootPx(0.3) }, itemStyle: { color: '#fff' } },
      ],
    }), true);
    document.body.dataset.trends = trends.months.length; // for the browser test: the charts are drawn
  }

  var lastTrends = null;
  function loadTrends() {
    fetch(base + '/trends', { cache: 'no-store' })
      .then(function (response) {
        if (response.status === 404) { revoked(); return null; }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (trends) { if (trends) { lastTrends = trends; renderTrends(trends); } })
      .catch(function () { status('网络异常，稍后自动重试'); })
      .then(function () { setTimeout(loadTrends, trendsSeconds * 1000); });
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
    if (lastTrends) renderTrends(lastTrends); // font sizes follow the root size
  });

  function tick() { text('clock', new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })); }

  tick();
  setInterval(tick, 1000);
  loadData();
  loadTrends();
  connect();
})();
