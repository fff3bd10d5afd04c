// Scenes of mini-program codes: invitations (bind page) and rotating check-in codes ("a=12&t=…" for
// activities, "m=5&t=…" for meetings, see Api/Common/CheckIn/CheckInCodes.cs).

function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return s;
  }
}

function parseQuery(s) {
  const result = {};
  String(s || '')
    .split('&')
    .forEach((pair) => {
      if (!pair) return;
      const i = pair.indexOf('=');
      if (i < 0) result[decode(pair)] = '';
      else result[decode(pair.slice(0, i))] = decode(pair.slice(i + 1));
    });
  return result;
}

/** The scene carried by a wx.scanCode result: the code's page path (?scene=…), a link, or the raw text. */
function fromScan(res) {
  if (!res) return '';
  const candidates = [res.path, res.result].filter(Boolean);
  for (let i = 0; i < candidates.length; i++) {
    const text = String(candidates[i]);
    const q = text.indexOf('?');
    if (q >= 0) {
      const query = parseQuery(text.slice(q + 1));
      if (query.scene) return decode(query.scene);
    }
  }
  return res.result ? decode(String(res.result)) : '';
}

/** { kind: 'activity'|'meeting', id, code } for a check-in scene, or null. */
function checkInTarget(scene) {
  const text = decode(String(scene || ''));
  const query = parseQuery(text);
  if (!query.t) return null;
  if (query.a) return { kind: 'activity', id: Number(query.a), code: text };
  if (query.m) return { kind: 'meeting', id: Number(query.m), code: text };
  return null;
}

/** The scene a page was opened with (code image, link or navigateTo). */
function fromOptions(options) {
  return options && options.scene ? decode(options.scene) : '';
}

const SUBJECT_PAGES = { notice: 'notice-detail', activity: 'activity-detail', meeting: 'meeting-detail', leave: 'meeting-detail' };

/**
 * The page an inbox message opens: its link, with "pages/<area>/<page>?…" written as this app's
 * "/pages/<area>-<page>/index?…", or else the page of its subject.
 */
function pageOf(message) {
  const link = message && (message.link || message.page);
  if (link) {
    const m = /^\/?pages\/([a-z-]+)\/([a-z-]+)([?].*)?$/.exec(link);
    if (!m) return '';
    return m[2] === 'index' ? '/pages/' + m[1] + '/index' + (m[3] || '') : '/pages/' + m[1] + '-' + m[2] + '/index' + (m[3] || '');
  }
  // A development reminder (subject "development", Domain/Common/SubjectTypes) opens the record: the committee and the
  // assigned contacts read it there; the person themself is passed on to their timeline by that page.
  if (message && message.subjectType === 'development' && message.subjectId) return '/pkg-develop/person/index?id=' + message.subjectId;
  const page = message && SUBJECT_PAGES[message.subjectType];
  return page && message.subjectId && message.subjectType !== 'leave' ? '/pages/' + page + '/index?id=' + message.subjectId : '';
}

module.exports = { parseQuery, fromScan, checkInTarget, fromOptions, pageOf };
