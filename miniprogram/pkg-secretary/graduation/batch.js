// The graduation batch sheet the API reads (Api/Features/Transfers/GraduationBatch.cs): 学工号, 姓名, 毕业去向,
// 转入党组织, written as a UTF-8 CSV (with BOM, as Excel saves it) from the rows composed on the phone.

/** 毕业去向 as the API accepts them; 暂缓就业 and 其他 may leave 转入党组织 empty. */
const DESTINATIONS = ['升学', '就业', '出国(境)', '暂缓就业', '其他'];
const OPTIONAL_ORGANIZATION = ['暂缓就业', '其他'];
const limits = require('../../api/limits');

/** Transfer.OrganizationMaxLength, the server's (api/limits.js). */
const ORGANIZATION_MAX = limits.transfer.toOrganization;

function cell(value) {
  const text = String(value === undefined || value === null ? '' : value);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** rows: [{ number, name, destination, organization }] → the CSV text. */
function csv(rows) {
  const lines = [['学工号', '姓名', '毕业去向', '转入党组织']].concat(rows.map((r) => [r.number, r.name, r.destination, String(r.organization || '').trim()]));
  return '\ufeff' + lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** What the phone can say before asking the server: the first problem of the composed rows, or null. */
function problemOf(rows) {
  if (!rows.length) return '请至少添加一名毕业生党员。';
  for (const r of rows) {
    const organization = String(r.organization || '').trim();
    if (!organization && OPTIONAL_ORGANIZATION.indexOf(r.destination) < 0) return r.name + '：请填写转入党组织（暂缓就业和其他可不填）。';
    if (organization.length > ORGANIZATION_MAX) return r.name + '：转入党组织不能超过' + ORGANIZATION_MAX + '个字。';
  }
  return null;
}

module.exports = { DESTINATIONS, ORGANIZATION_MAX, csv, problemOf };
