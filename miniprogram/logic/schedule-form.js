// The date/time part shared by the meeting and activity forms (China time). Activities may last several days
// (endDate) and close sign-up at a chosen moment (signUpDate + signUpTime); meetings use one date.
const format = require('./format');

function defaults(now) {
  const parts = format.nowParts(now);
  return { date: parts.date, startTime: '14:00', endTime: '16:00' };
}

/** { startsAt, endsAt } in ISO with the China offset, or a Chinese problem. The end falls on endDate when the form has one. */
function times(form) {
  const endDate = form.endDate || form.date;
  if (!form.date || !endDate || !form.startTime || !form.endTime) return { problem: '请选择日期和起止时间。' };
  const startsAt = format.toIso(form.date, form.startTime);
  const endsAt = format.toIso(endDate, form.endTime);
  if (new Date(endsAt) <= new Date(startsAt)) return { problem: '结束时间必须晚于开始时间。' };
  return { startsAt, endsAt };
}

/**
 * When sign-up closes: the chosen deadline, or the start of the activity when none was chosen. It must lie after
 * `opensAt` and no later than the end (the server's Activity rules).
 */
function signUpCloses(form, when, opensAt) {
  const closesAt = form.signUpDate ? format.toIso(form.signUpDate, form.signUpTime || '23:59') : when.startsAt;
  if (new Date(closesAt) <= new Date(opensAt)) return { problem: '报名截止时间必须晚于现在。' };
  if (new Date(closesAt) > new Date(when.endsAt)) return { problem: '报名截止时间不能晚于活动结束时间。' };
  return { closesAt };
}

module.exports = { defaults, times, signUpCloses };
