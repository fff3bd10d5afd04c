// What the study pages show (Api/Features/Study): kinds, progress, assignment states and hours, in Chinese.
// Nothing here orders members by hours or speed: completion is measured, never ranked.
const format = require('./format');

const KINDS = { Text: '图文', Audio: '音频', Video: '视频', Pdf: '文档' };
const STATES = { Finished: '已完成', InProgress: '学习中', NotStarted: '未开始' };

/** One decimal place, without a trailing ".0". */
function hours(n) {
  const v = Math.round(Number(n || 0) * 10) / 10;
  return String(v);
}

function percent(done, total) {
  if (!total) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/** The member's progress on a material: { percent, completed, text }. */
function progress(p) {
  const pr = p || {};
  const share = percent(pr.creditedSeconds || 0, pr.requiredSeconds || 0);
  const completed = !!pr.completed;
  let text = '未开始';
  if (completed) text = '已完成' + (pr.completedAt ? '（' + format.date(pr.completedAt) + '）' : '');
  else if (pr.creditedSeconds > 0) text = '已学 ' + share + '%';
  return { percent: completed ? 100 : share, completed, text };
}

/** A material in the list. */
function materialItem(m) {
  return {
    id: m.id,
    title: m.title,
    topic: m.topic,
    kind: KINDS[m.kind] || m.kind,
    minutes: m.estimatedMinutes,
    hours: hours(m.hours),
    when: m.publishedAt ? format.date(m.publishedAt) : '',
    progress: progress(m.progress),
  };
}

/** An assignment in the list: my state, and whether I may see its completion. */
function assignmentItem(a) {
  return {
    id: a.id,
    unitId: a.unitId,
    title: a.title,
    due: a.dueOn || '',
    count: (a.materialIds || []).length,
    state: a.myState ? STATES[a.myState] || a.myState : '',
    finished: a.myState === 'Finished',
    done: a.myCompletedMaterials || 0,
    manageable: !!a.manageable,
  };
}

/** My hours for the year against the target, by topic in the order the server gives (no ranking). */
function hoursView(h) {
  const target = Number(h.targetHours || 0);
  return {
    year: h.year,
    total: hours(h.totalHours),
    target: hours(target),
    remaining: hours(h.remainingHours),
    materials: hours(h.materialHours),
    meetings: hours(h.meetingHours),
    percent: percent(Number(h.totalHours || 0), target),
    reached: target > 0 && Number(h.totalHours || 0) >= target,
    topics: (h.byTopic || []).map((t) => ({ topic: t.topic, hours: hours(t.hours), percent: percent(Number(t.hours || 0), target) })),
    entries: (h.entries || []).map((e) => ({
      key: e.source + '-' + e.id,
      title: e.title,
      topic: e.topic,
      source: e.source === 'Meeting' ? '会议' : '资料',
      on: e.on ? format.date(e.on) : '',
      hours: hours(e.hours),
    })),
  };
}

/** The committee's completion of an assignment, grouped by state (the server orders by state then name). */
function completionView(c) {
  const members = (c.members || []).map((m) => ({ id: m.memberId, name: m.name, state: m.state, stateText: STATES[m.state] || m.state, done: m.completedMaterials || 0 }));
  return {
    title: c.title,
    due: c.dueOn || '',
    materialCount: c.materialCount || 0,
    figures: { assigned: c.assigned || 0, finished: c.finished || 0, inProgress: c.inProgress || 0, notStarted: c.notStarted || 0 },
    finished: members.filter((m) => m.state === 'Finished'),
    inProgress: members.filter((m) => m.state === 'InProgress'),
    notStarted: members.filter((m) => m.state === 'NotStarted'),
  };
}

module.exports = { KINDS, STATES, hours, percent, progress, materialItem, assignmentItem, hoursView, completionView };
