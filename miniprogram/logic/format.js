// Dates are shown in China time whatever the phone's time zone (the organisation is in China).
const OFFSET_MS = 8 * 3600 * 1000;

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

function china(iso) {
  const t = new Date(iso).getTime();
  if (isNaN(t)) return null;
  return new Date(t + OFFSET_MS);
}

/** "3月2日 14:30" */
function dateTime(iso) {
  const d = china(iso);
  if (!d) return '';
  return d.getUTCMonth() + 1 + '月' + d.getUTCDate() + '日 ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
}

/** "2026-03-02" */
function date(iso) {
  const d = china(iso);
  if (!d) return '';
  return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
}

/** The end of something that started at `startIso`: "16:00" on the same China day, "3月3日 16:00" on another. */
function until(startIso, endIso) {
  return date(startIso) === date(endIso) ? time(endIso) : dateTime(endIso);
}

/** "14:30" */
function time(iso) {
  const d = china(iso);
  return d ? pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) : '';
}

/** Picker values ("2026-03-02", "14:30") → ISO 8601 with the China offset. */
function toIso(day, hm) {
  return day + 'T' + (hm || '00:00') + ':00+08:00';
}

/** Today's date and the next full hour in China time, for pickers' defaults. */
function nowParts(now) {
  const d = new Date((now || Date.now()) + OFFSET_MS);
  return { date: d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()), time: pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) };
}

const ENROLLMENT = { Confirmed: '已报名', Waitlisted: '候补中', Cancelled: '已取消' };

function enrollmentText(enrollment) {
  if (!enrollment || !enrollment.status) return '';
  if (enrollment.status === 'Waitlisted') return '候补第 ' + (enrollment.position || '?') + ' 位';
  return ENROLLMENT[enrollment.status] || '';
}

const ATTENDANCE = { Present: '出席', Late: '迟到', OnLeave: '请假', Absent: '缺席', CheckedIn: '已签到', NotCheckedIn: '未签到', Confirmed: '已报名', Waitlisted: '候补中' };

function attendanceText(status) {
  return ATTENDANCE[status] || status || '';
}

const LEAVE = { Pending: '待审批', Approved: '已批准', Rejected: '未批准' };

function leaveText(status) {
  return LEAVE[status] || status || '';
}

module.exports = { dateTime, date, time, until, toIso, nowParts, enrollmentText, attendanceText, leaveText };
