// The date/time part shared by the meeting and activity forms.
const format = require('./format');

function defaults(now) {
  const parts = format.nowParts(now);
  return { date: parts.date, startTime: '14:00', endTime: '16:00' };
}

/** { startsAt, endsAt } in ISO with the China offset, or a Chinese problem. */
function times(form) {
  if (!form.date || !form.startTime || !form.endTime) return { problem: '请选择日期和起止时间。' };
  const startsAt = format.toIso(form.date, form.startTime);
  const endsAt = format.toIso(form.date, form.endTime);
  if (new Date(endsAt) <= new Date(startsAt)) return { problem: '结束时间必须晚于开始时间。' };
  return { startsAt, endsAt };
}

module.exports = { defaults, times };
