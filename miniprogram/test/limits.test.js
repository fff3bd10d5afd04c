// Rules the forms need come from the server, defined once. The field limits in api/limits.js must equal the
// `maxLength` (a number) or the `minimum`/`maximum` (an object, a number's range) the OpenAPI document (Api/openapi.json,
// the served document: OpenApiSnapshotTests) gives the request schemas the forms send; no page or logic module writes
// a range bound itself; the text policy (classification markings) is the server's alone, so no page or logic
// module carries a pattern of its own.
const fs = require('fs');
const path = require('path');
const limits = require('../api/limits');

const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'Api', 'openapi.json'), 'utf8'));
const ROOT = path.join(__dirname, '..');

function property(schema, name) {
  const s = doc.components.schemas[schema];
  if (!s) throw new Error('no schema ' + schema + ' in the OpenAPI document');
  const p = (s.properties || {})[name];
  if (!p) throw new Error(schema + ' has no property ' + name);
  return p;
}

/** What the document says of a field in the shape api/limits.js keeps it: maxLength, or the inclusive range. */
function served(schema, field, kept) {
  const p = property(schema, field);
  if (typeof kept === 'number') return p.maxLength;
  const range = {};
  ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].forEach((k) => { if (p[k] !== undefined) range[k] = p[k]; });
  return range;
}

/** The bounds of every range in api/limits.js that a page could mistake for any other number (not 0 or 1). */
function rangeBounds() {
  return Object.values(limits).flatMap((group) => Object.values(group))
    .filter((v) => typeof v === 'object')
    .flatMap((range) => Object.values(range))
    .filter((n) => Math.abs(n) > 1);
}

/** Source without its comments: a comment may name a rule, code may not carry its number. */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

// Which request schemas each limit of api/limits.js stands for.
const SOURCES = {
  notice: { schemas: ['PostNoticeRequest', 'EditNoticeRequest'], fields: ['title'] },
  activity: { schemas: ['CreateActivityRequest', 'UpdateActivityRequest'], fields: ['title', 'place'] },
  developmentPerson: { schemas: ['CreateRecordRequest', 'BindApplicantRequest'], fields: ['name', 'number'] },
  developmentNote: { schemas: ['CreateRecordRequest', 'RecordStepRequest'], fields: ['note'] },
  thoughtReport: { schemas: ['SubmitThoughtReportRequest'], fields: ['text'] },
  objection: { schemas: ['ObjectToPublicityRequest'], fields: ['text'] },
  studyMaterial: { schemas: ['PublishMaterialRequest'], fields: ['title', 'topic', 'estimatedMinutes'] },
  developmentTraining: { schemas: ['RecordStepRequest'], fields: ['trainingDays', 'trainingHours'] },
  transferLetter: { schemas: ['IssueLetterRequest'], fields: ['validDays', 'ethnicity'] },
  transferReceipt: { schemas: ['RecordReceiptRequest'], fields: ['note'] },
  transfer: { schemas: ['RequestTransferRequest'], fields: ['toOrganization'] },
  memberStatus: { schemas: ['RecordStatusChangeRequest'], fields: ['reason'] },
  resolution: { schemas: ['RecordResolutionRequest'], fields: ['title'] },
  meeting: { schemas: ['ScheduleMeetingRequest', 'UpdateMeetingRequest'], fields: ['topic', 'place', 'onlineLink', 'agenda'] },
  leaveRequest: { schemas: ['RequestLeaveRequest'], fields: ['reason'] },
  studyAssignment: { schemas: ['CreateAssignmentRequest'], fields: ['title'] },
  duesReceipt: { schemas: ['RecordDuesPaymentRequest'], fields: ['receiptNumber'] },
  duesReason: { schemas: ['ApproveDuesReductionRequest', 'RefundDuesPaymentRequest'], fields: ['reason'] },
  wallMessage: { schemas: ['PostWallMessageRequest'], fields: ['text'] },
  poll: { schemas: ['CreatePollRequest'], fields: ['question'] },
  appraisalRound: { schemas: ['OpenAppraisalRoundRequest'], fields: ['title'] },
  selfAppraisal: { schemas: ['WriteSelfAppraisalRequest'], fields: ['text'] },
  mailbox: { schemas: ['SendMailboxMessageRequest'], fields: ['text'] },
  storyComment: { schemas: ['CommentOnStoryRequest'], fields: ['text'] },
  brand: { schemas: ['UpdateBrandRequest'], fields: ['name', 'slogan', 'introduction'] },
  screenLink: { schemas: ['CreateScreenLinkRequest', 'UpdateScreenLinkRequest'], fields: ['label'] },
};

// The form pages that bind limits of api/limits.js (as `limits` in their data): each input names its limit.
const BOUND = {
  'pkg-study/publish/index': ['studyMaterial.title', 'studyMaterial.topic'],
  'pkg-study/assign/index': ['studyAssignment.title'],
  'pkg-dues/branch/index': ['duesReceipt.receiptNumber', 'duesReason.reason'],
  'pkg-dues/reconcile/index': ['duesReason.reason'],
  'pkg-interaction/wall/index': ['wallMessage.text'],
  'pkg-interaction/polls/index': ['poll.question'],
  'pkg-interaction/appraisals/index': ['appraisalRound.title'],
  'pages/appraisal/index': ['selfAppraisal.text'],
  'pages/mailbox/index': ['mailbox.text'],
  'pages/brand/index': ['storyComment.text'],
  'pkg-secretary/brand-edit/index': ['brand.name', 'brand.slogan', 'brand.introduction'],
  'pkg-secretary/screen-links/index': ['screenLink.label'],
  'pkg-secretary/member/index': ['memberStatus.reason'],
  'pkg-secretary/graduation/index': ['transfer.toOrganization'],
  'pkg-secretary/resolutions/index': ['resolution.title'],
  'pkg-secretary/transfer-letter/index': ['transferLetter.ethnicity', 'transferReceipt.note'],
  'pages/meeting-detail/index': ['leaveRequest.reason'],
  'pkg-secretary/meeting-create/index': ['meeting.topic', 'meeting.place', 'meeting.onlineLink', 'meeting.agenda'],
};

// The `maxlength` values a page may write itself, each with the reason it is not the server's to define. Any other
// `maxlength` in any page is a binding (`{{…}}`) to a limit of api/limits.js.
const UNBOUND = {
  // The six-digit code the organiser shows, typed by hand: its format, not a length the server publishes
  // (CheckInRequest.code / CheckInToMeetingRequest.code allow 64, for the scanned scene or token).
  'pages/meeting-checkin/index.wxml': { 6: 'the six-digit check-in code\'s format' },
  'pages/activity-checkin/index.wxml': { 6: 'the six-digit check-in code\'s format' },
};

function wxmlFiles() {
  return sourceFiles('.').filter((file) => file.endsWith('.wxml'));
}

function get(object, dotted) {
  return dotted.split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), object);
}

function sourceFiles(dir) {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'test' ? [] : sourceFiles(rel);
    return /\.(js|wxml)$/.test(e.name) ? [rel] : [];
  });
}

describe('limits the forms use', () => {
  test('every limit group and field of api/limits.js has its source named here', () => {
    expect(Object.keys(limits).sort()).toEqual(Object.keys(SOURCES).sort());
    Object.keys(SOURCES).forEach((group) => expect(Object.keys(limits[group]).sort()).toEqual([...SOURCES[group].fields].sort()));
  });

  test.each(Object.keys(SOURCES))('%s limits equal the server\'s maxLength or range in the OpenAPI document', (group) => {
    const { schemas, fields } = SOURCES[group];
    schemas.forEach((schema) => fields.forEach((field) => {
      const kept = limits[group][field];
      expect({ schema, field, served: served(schema, field, kept) }).toEqual({ schema, field, served: kept });
    }));
  });

  test('a range names both of its bounds, inclusive, as the document publishes them', () => {
    Object.keys(limits).forEach((group) => Object.keys(limits[group]).forEach((field) => {
      const kept = limits[group][field];
      if (typeof kept === 'object') expect({ group, field, keys: Object.keys(kept).sort() }).toEqual({ group, field, keys: ['maximum', 'minimum'] });
    }));
  });

  test('the notice and activity forms bind their limits, and no page writes a limit of its own', () => {
    const pages = ['pkg-secretary/notice-compose/index.wxml', 'pkg-secretary/notice-edit/index.wxml', 'pkg-secretary/activity-create/index.wxml'];
    pages.forEach((page) => {
      const wxml = fs.readFileSync(path.join(ROOT, page), 'utf8');
      const inputs = wxml.match(/<input[^>]*data-field="(title|place)"[^>]*>/g) || [];
      expect(inputs.length).toBeGreaterThan(0);
      inputs.forEach((input) => expect(input).toMatch(/maxlength="\{\{[\w.]+\}\}"/));
      expect(wxml).not.toMatch(/不超过\d+字/);
    });
  });
});

describe('limits the other forms bind', () => {
  test.each(Object.keys(BOUND))('%s binds its limits from api/limits.js and writes no number of its own', (page) => {
    const wxml = fs.readFileSync(path.join(ROOT, page + '.wxml'), 'utf8');
    const js = fs.readFileSync(path.join(ROOT, page + '.js'), 'utf8');
    BOUND[page].forEach((limit) => expect(wxml).toContain('maxlength="{{limits.' + limit + '}}"'));
    expect(wxml).not.toMatch(/maxlength="[1-9]\d*"/);
    expect(wxml).not.toMatch(/不超过\d+字/);
    expect(js).toMatch(/limits: limits\b/);
  });
});

describe('every page\'s maxlength', () => {
  // -1 lifts WeChat's default of 140 for long texts; the server checks what is sent (notice body, minutes …).
  test('is bound to api/limits.js, or is -1 (no limit), or is a listed exception with its reason', () => {
    const offenders = wxmlFiles().flatMap((file) => {
      const key = file.split(path.sep).join('/');
      const wxml = code(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      return (wxml.match(/maxlength="[^"]*"/g) || []).map((attr) => attr.slice('maxlength="'.length, -1)).filter((value) => {
        if (value === '-1') return false;
        if (/^\{\{\s*[\w.]+\s*\}\}$/.test(value)) return false;
        return !(UNBOUND[key] && UNBOUND[key][value]);
      }).map((value) => key + ': maxlength="' + value + '"');
    });
    expect(offenders).toEqual([]);
  });

  test('a binding to limits.<group>.<field> names a text limit api/limits.js holds, and its page reads api/limits.js', () => {
    const problems = wxmlFiles().flatMap((file) => {
      const wxml = code(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      const bound = (wxml.match(/maxlength="\{\{\s*limits\.\w+\.\w+\s*\}\}"/g) || []).map((attr) => attr.match(/limits\.(\w+\.\w+)/)[1]);
      if (!bound.length) return [];
      const js = fs.readFileSync(path.join(ROOT, file.replace(/\.wxml$/, '.js')), 'utf8');
      return bound.filter((limit) => typeof get(limits, limit) !== 'number').map((limit) => file + ': no limit ' + limit)
        .concat(/limits: limits\b/.test(js) ? [] : [file + ': the page does not put api/limits.js in its data']);
    });
    expect(problems).toEqual([]);
  });

  test('every exception still occurs, so the list does not outlive its page', () => {
    Object.keys(UNBOUND).forEach((file) => {
      const wxml = code(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      Object.keys(UNBOUND[file]).forEach((value) => expect({ file, found: wxml.includes('maxlength="' + value + '"') }).toEqual({ file, found: true }));
    });
  });
});

// The pages (and the logic module behind a page) that check a number against a range of api/limits.js.
const RANGED = {
  'pkg-study/publish/index': ['studyMaterial.estimatedMinutes'],
  'logic/development': ['developmentTraining.trainingDays', 'developmentTraining.trainingHours'],
  'pkg-secretary/transfer-letter/index': ['transferLetter.validDays'],
};

describe('ranges the forms check', () => {
  test.each(Object.keys(RANGED))('%s reads its ranges from api/limits.js', (file) => {
    const js = fs.readFileSync(path.join(ROOT, file + '.js'), 'utf8');
    expect(js).toMatch(/require\('(\.\.\/)+api\/limits'\)/);
    RANGED[file].forEach((range) => {
      const [group, field] = range.split('.');
      expect(js).toMatch(new RegExp('limits\\.' + group + '\\.' + field + '\\b'));
    });
  });

  test('no page or logic module writes a bound of a range the server publishes', () => {
    const bounds = rangeBounds();
    expect(bounds.length).toBeGreaterThan(0);
    const offenders = sourceFiles('.')
      .filter((file) => !file.startsWith('api' + path.sep))
      .flatMap((file) => {
        const text = code(fs.readFileSync(path.join(ROOT, file), 'utf8'));
        return bounds.filter((n) => new RegExp('(^|[^\\w.])' + n + '(?![\\w.])').test(text)).map((n) => file + ': ' + n);
      });
    expect(offenders).toEqual([]);
  });
});

describe('text policy', () => {
  test('no page or logic module judges classification markings itself (the server answers 422)', () => {
    const offenders = sourceFiles('.').filter((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return /\((?:绝密|机密|秘密)[|)]/.test(text) || /\\u2605/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
