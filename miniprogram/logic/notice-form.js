// The text part of the notice forms (post and edit): typed text ↔ the rich-text body, and the checks made
// before sending. The limits are the server's (api/limits.js, checked against the OpenAPI document); the text
// policy (classification markings, WeChat's content check) is the server's alone: it answers 422 and the page
// shows its title and detail.
const limits = require('../api/limits');

const TITLE_MAX = limits.notice.title;

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text typed on the phone → the paragraphs of a rich-text body. */
function toHtml(text) {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => '<p>' + escapeHtml(line) + '</p>')
    .join('');
}

/** A stored rich-text body → text to edit on the phone: one line per paragraph or line break, tags dropped. */
function fromHtml(html) {
  return String(html || '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-4]|li|blockquote|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** The first problem of the form, in Chinese, or '' when it can be sent. */
function validate(form) {
  const title = String(form.title || '').trim();
  if (!title) return '请填写标题。';
  if (title.length > TITLE_MAX) return '标题不能超过' + TITLE_MAX + '个字。';
  if (!String(form.body || '').trim()) return '请填写正文。';
  if (!form.confirmed) return '请确认通知内容不涉及国家秘密。';
  return '';
}

/** True when the server kept the notice back for approval instead of publishing it. */
function held(result) {
  return !!result && (result.status === 'PendingApproval' || result.status === 'Held');
}

module.exports = { TITLE_MAX, toHtml, fromHtml, validate, held };
