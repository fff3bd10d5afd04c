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
  // The feed says unread/readAt/ackedAt per item; the detail has them under `me`.
  const mine = n.me || n;
  const read = pick(n, ['read', 'isRead']);
  const unread = pick(n, ['unread']);
  return {
    id: n.id,
    title: n.title,
    excerpt: n.excerpt || '',
    pinned: !!pick(n, ['pinned', 'isPinned']),
    unread: unread !== undefined ? !!unread : read !== undefined ? !read : !pick(mine, ['readAt']),
    requiresAck: !!pick(n, ['requiresAck', 'requiresSignOff']),
    acked: !!(pick(n, ['acked', 'isAcked']) || pick(mine, ['ackedAt'])),
    unitName: n.unitName || '',
    level: watermark.levelLabel(n.visibility),
    when: format.dateTime(pick(n, ['publishedAt', 'createdAt'])),
    edited: !!(pick(n, ['edited', 'isEdited']) || (pick(n, ['version']) || 1) > 1),
    pending: n.status === 'PendingApproval' || n.status === 'Held',
  };
}

function activity(a) {
  // The detail carries myEnrollment {status, waitlistPosition, checkedInAt}; list items myStatus, myWaitlistPosition, myCheckedInAt.
  const raw = pick(a, ['myEnrollment', 'enrollment']) || (a.myStatus ? { status: a.myStatus, waitlistPosition: a.myWaitlistPosition, checkedInAt: a.myCheckedInAt } : null);
  const enrollment = raw ? { status: raw.status, position: pick(raw, ['waitlistPosition', 'position']), checkedInAt: raw.checkedInAt } : null;
  const capacity = pick(a, ['capacity']);
  const confirmed = pick(a, ['confirmedCount', 'enrolledCount']);
  return {
    id: a.id,
    title: a.title,
    place: a.place || '',
    when: format.dateTime(a.startsAt),
    until: format.until(a.startsAt, a.endsAt),
    signUpCloses: a.signUpClosesAt ? format.dateTime(a.signUpClosesAt) : '',
    level: watermark.levelLabel(a.visibility),
    enrollmentText: format.enrollmentText(enrollment),
    enrolled: !!(enrollment && (enrollment.status === 'Confirmed' || enrollment.status === 'Waitlisted')),
    checkedIn: !!(pick(a, ['checkedIn', 'checkedInAt', 'myCheckedInAt']) || (enrollment && enrollment.checkedInAt)),
    places: capacity ? (confirmed !== undefined ? confirmed + '/' + capacity : '限 ' + capacity + ' 人') : '不限人数',
    cancelled: a.status === 'Cancelled' || !!a.cancelledAt,
  };
}

function meeting(m, types) {
  const type = (types || []).filter((t) => t.value === m.type)[0];
  const leave = pick(m, ['myLeave', 'leaveRequest', 'myLeaveRequest']);
  return {
    id: m.id,
    title: m.topic || m.title,
    type: m.typeName || (type ? type.label : ''),
    when: format.dateTime(m.startsAt),
    until: format.time(m.endsAt),
    place: m.place || m.onlineLink || '',
    level: watermark.levelLabel(m.visibility),
    leaveText: leave ? format.leaveText(leave.status) : '',
    attendanceText: format.attendanceText(pick(m, ['myAttendance', 'attendance'])),
    cancelled: m.status === 'Cancelled' || !!m.cancelledAt,
  };
}

/**
 * Attendance of an activity (attendees with status Confirmed/Waitlisted and attendance CheckedIn/Absent/Waitlisted)
 * or of a meeting (attendees with status Present/Late/OnLeave/Absent or null, statusName, leave), as rows plus counts.
 */
function attendance(data) {
  const all = (Array.isArray(data) ? data : pick(data, ['attendees', 'items', 'members']) || []).map((r) => {
    const status = pick(r, ['attendance', 'status']) || (r.checkedInAt ? 'CheckedIn' : 'NotCheckedIn');
    return {
      memberId: pick(r, ['memberId', 'id']),
      name: r.name || (r.member && r.member.name) || '',
      number: r.number || (r.member && r.member.number) || '',
      status,
      statusText: r.statusName || format.attendanceText(status),
      checkedIn: !!r.checkedInAt || status === 'CheckedIn' || status === 'Present' || status === 'Late',
      waiting: status === 'Waitlisted',
      position: r.waitlistPosition,
      hasVote: r.hasVote,
      leave: r.leave || null,
    };
  });
  const rows = all.filter((r) => !r.waiting);
  const counts = {};
  rows.forEach((r) => (counts[r.statusText] = (counts[r.statusText] || 0) + 1));
  const quorum = data && data.quorum;
  const quorate = quorum ? quorum.isQuorate : data && data.quorate;
  return {
    rows,
    counts: Object.keys(counts).map((k) => ({ label: k, count: counts[k] })),
    checkedIn: rows.filter((r) => r.checkedIn).length,
    total: rows.length,
    quorate: quorate === undefined || quorate === null ? '' : quorate ? '已达到法定人数' : '未达到法定人数',
    waitlist: all.filter((r) => r.waiting).map((w) => ({ name: w.name, position: w.position })).sort((a, b) => a.position - b.position),
  };
}

function memberStatus(status) {
  return status === 'Probationary' ? '预备党员' : '正式党员';
}

module.exports = { notice, activity, meeting, attendance, memberStatus };
