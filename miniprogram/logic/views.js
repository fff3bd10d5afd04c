// Turns API objects into what the pages show. Field names the areas may still rename are read here only.
const format = require('./format');
const watermark = require('./watermark');

function pick(obj, names) {
  for (let i = 0; i < names.length; i++) {
    if (obj && obj[names[i]] !== undefined && obj[names[i]] !== null) return obj[names[i]];
  }
  return undefined;
}

function notice(n) {
  const read = pick(n, ['read', 'isRead']);
  return {
    id: n.id,
    title: n.title,
    pinned: !!pick(n, ['pinned', 'isPinned']),
    unread: read === undefined ? !pick(n, ['readAt']) : !read,
    requiresAck: !!pick(n, ['requiresAck', 'requiresSignOff']),
    acked: !!(pick(n, ['acked', 'isAcked']) || pick(n, ['ackedAt'])),
    level: watermark.levelLabel(n.visibility),
    when: format.dateTime(pick(n, ['publishedAt', 'createdAt'])),
    edited: !!(pick(n, ['edited', 'isEdited']) || (pick(n, ['version']) || 1) > 1),
    pending: n.status === 'PendingApproval' || n.status === 'Held',
  };
}

function activity(a) {
  const enrollment = pick(a, ['enrollment', 'myEnrollment']) || (a.enrollmentStatus ? { status: a.enrollmentStatus, position: a.waitlistPosition } : null);
  const capacity = pick(a, ['capacity']);
  const confirmed = pick(a, ['confirmedCount', 'enrolledCount']);
  return {
    id: a.id,
    title: a.title,
    place: a.place || '',
    when: format.dateTime(a.startsAt),
    until: format.time(a.endsAt),
    level: watermark.levelLabel(a.visibility),
    enrollmentText: format.enrollmentText(enrollment),
    enrolled: !!(enrollment && (enrollment.status === 'Confirmed' || enrollment.status === 'Waitlisted')),
    checkedIn: !!pick(a, ['checkedIn', 'checkedInAt']),
    places: capacity ? (confirmed !== undefined ? confirmed + '/' + capacity : '限 ' + capacity + ' 人') : '不限人数',
    cancelled: a.status === 'Cancelled' || !!a.cancelledAt,
  };
}

function meeting(m, types) {
  const type = (types || []).filter((t) => t.value === m.type)[0];
  const leave = pick(m, ['leaveRequest', 'myLeaveRequest']);
  return {
    id: m.id,
    title: m.topic || m.title,
    type: type ? type.label : m.typeName || '',
    when: format.dateTime(m.startsAt),
    until: format.time(m.endsAt),
    place: m.place || m.onlineLink || '',
    level: watermark.levelLabel(m.visibility),
    leaveText: leave ? format.leaveText(leave.status) : '',
    attendanceText: format.attendanceText(pick(m, ['myAttendance', 'attendance'])),
    cancelled: m.status === 'Cancelled' || !!m.cancelledAt,
  };
}

/** Attendance of an activity or meeting as rows plus counts per status. */
function attendance(data) {
  const rows = (Array.isArray(data) ? data : pick(data, ['attendees', 'items', 'members']) || []).map((r) => ({
    memberId: pick(r, ['memberId', 'id']),
    name: r.name || (r.member && r.member.name) || '',
    number: r.number || (r.member && r.member.number) || '',
    status: r.status || (r.checkedInAt ? 'CheckedIn' : 'Absent'),
    statusText: format.attendanceText(r.status || (r.checkedInAt ? 'CheckedIn' : 'Absent')),
    checkedIn: !!r.checkedInAt || r.status === 'CheckedIn' || r.status === 'Present' || r.status === 'Late',
    hasVote: r.hasVote,
  }));
  const counts = {};
  rows.forEach((r) => (counts[r.statusText] = (counts[r.statusText] || 0) + 1));
  return {
    rows,
    counts: Object.keys(counts).map((k) => ({ label: k, count: counts[k] })),
    checkedIn: rows.filter((r) => r.checkedIn).length,
    total: rows.length,
    quorate: data && data.quorate !== undefined ? (data.quorate ? '已达到法定人数' : '未达到法定人数') : '',
    waitlist: ((data && pick(data, ['waitlist', 'waitingList'])) || []).map((w) => ({ name: w.name, position: w.position })),
  };
}

function memberStatus(status) {
  return status === 'Probationary' ? '预备党员' : '正式党员';
}

module.exports = { notice, activity, meeting, attendance, memberStatus };
