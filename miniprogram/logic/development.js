// View models of the development pages (pkg-develop): the applicant's timeline, binding and thought report, and the
// committee's worklist, record, step form, publicity and new record. Field limits come from api/limits.js (the server's
// maxLength, checked against the OpenAPI document by test/limits.test.js); a file at most Media:MaxBytes (5 MB by
// default; the server's answer decides).

const roles = require('./roles');

const ROLE_NAMES = { TalkPartner: '谈话人', TrainingContact: '培养联系人', Introducer: '入党介绍人' };
const OWNER_NAMES = { Committee: '支委会', Contacts: '培养联系人', Applicant: '本人' };

function people(list) {
  return (list || []).map((p) => ({ memberId: p.memberId, name: p.name, roleText: ROLE_NAMES[p.role] || '' }));
}

/** The record as the applicant sees it; steps oldest first. */
function timeline(record) {
  const steps = (record.steps || []).slice().sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
  const next = record.next || null;
  return {
    name: record.name,
    stageName: record.stageName,
    steps: steps.map((s) => ({
      id: s.id,
      title: s.number > 0 ? s.number + '. ' + s.name : s.name,
      date: s.occurredOn,
      note: s.note || '',
      people: (s.people || []).map((p) => p.name).join('、'),
    })),
    next: next
      ? {
          title: next.number + '. ' + next.name,
          when: next.possibleFrom ? next.possibleFrom + ' 起可办理' : '现在即可办理',
          reason: next.reason || '',
        }
      : null,
    tasks: (record.tasks || []).map((t) => ({
      name: t.name,
      dueOn: t.dueOn,
      overdue: !!t.overdue,
      ownerText: OWNER_NAMES[t.owner] || '',
      missingText: t.missing > 0 ? '缺交 ' + t.missing + ' 次' : '',
    })),
    contacts: people(record.contacts),
    introducers: people(record.introducers),
    probationEndsOn: record.probationEndsOn || '',
    attachments: attachments(record.attachments),
    writesReports: writesThoughtReports(record),
    thoughtReport: thoughtReportTask(record),
  };
}

function task(item) {
  return {
    key: item.recordId + '-' + item.kind + '-' + item.dueOn,
    recordId: item.recordId,
    name: item.name,
    number: item.number,
    branchName: item.branchName,
    taskName: item.taskName,
    dueOn: item.dueOn,
    owners: (item.ownerNames || []).join('、') || OWNER_NAMES[item.owner] || '',
    missingText: item.missing > 0 ? '缺交 ' + item.missing + ' 次' : '',
  };
}

function worklist(w) {
  return {
    on: w.on,
    overdue: (w.overdue || []).map(task),
    dueThisMonth: (w.dueThisMonth || []).map(task),
    stages: (w.stages || []).map((s) => ({
      stage: s.stage,
      name: s.name,
      count: s.count,
      people: (s.people || []).map((p) => ({ recordId: p.recordId, name: p.name, number: p.number, branchName: p.branchName })),
    })),
  };
}


const limits = require('../api/limits');

/** The forms' limits: the server's maxLength and ranges (api/limits.js) and the media size limit (Media:MaxBytes, 5 MB by default). */
const LIMITS = {
  name: limits.developmentPerson.name,
  number: limits.developmentPerson.number,
  note: limits.developmentNote.note,
  report: limits.thoughtReport.text,
  objection: limits.objection.text,
  trainingDays: limits.developmentTraining.trainingDays,
  trainingHours: limits.developmentTraining.trainingHours,
  fileBytes: 5 * 1024 * 1024,
};

/** The step names of Domain/Development/DevelopmentStepKind.DisplayName, for choices the server has not named. */
const STEP_NAMES = {
  ActivistObservation: [6, '培养教育考察'],
  ProbationObservation: [21, '预备期教育考察'],
  ThoughtReport: [0, '思想汇报'],
  ProbationExtended: [0, '延长预备期'],
};

const ATTACHMENT_KINDS = { ApplicationLetter: '入党申请书', ThoughtReport: '思想汇报', PoliticalCheck: '政审材料', Other: '其他材料' };

/** The highest numbered step recorded (0: none). */
function lastNumber(record) {
  return (record.steps || []).reduce((max, s) => (s.number > max ? s.number : max), 0);
}

function choice(kind, number, name, extra) {
  return Object.assign({ kind, number, label: number > 0 ? number + '. ' + name : name, possibleFrom: null, reason: '' }, extra);
}

/**
 * What the committee may record next on a record, as the server's order rules allow (DevelopmentRecord.OrderError):
 * the next numbered step (with the day it becomes possible), a repeated observation (6 or 21), a thought report from
 * step 3 until step 25, and an extension of probation between admission (15) and confirmation (23).
 */
function stepChoices(record, role) {
  const last = lastNumber(record);
  const list = [];
  if (record.next) list.push(choice(record.next.kind, record.next.number, record.next.name, { possibleFrom: record.next.possibleFrom || null, reason: record.next.reason || '' }));
  const add = (kind) => {
    if (!list.some((c) => c.kind === kind)) list.push(choice(kind, STEP_NAMES[kind][0], STEP_NAMES[kind][1]));
  };
  if (last >= 6 && last < 7) add('ActivistObservation');
  if (last >= 21 && last < 22) add('ProbationObservation');
  if (last >= 3 && last < 25) add('ThoughtReport');
  if (last >= 15 && last < 23) add('ProbationExtended');
  return role === 'contact' ? list.filter((c) => CONTACT_STEPS.indexOf(c.kind) >= 0) : list;
}

/** Steps an assigned training contact or introducer may record (RecordStep.ContactSteps); the committee records every step. */
const CONTACT_STEPS = ['ActivistObservation', 'ProbationObservation', 'ThoughtReport'];

/**
 * How the signed-in member relates to a record the API let them read: 'committee' (the record's branch committee or a
 * general-branch admin, as DevelopmentAccess), 'contact' (an assigned training contact or introducer), or null.
 */
/** One person of GET /api/development/assigned as the contact's list shows them. */
function assignedPerson(r) {
  return { id: r.id, name: r.name, stageName: r.stageName, roleText: ROLE_NAMES[r.role] || '' };
}

function recordRole(member, record) {
  if (!member || !record) return null;
  if (roles.canManageBranch(member, record.branchId)) return 'committee';
  const assigned = (record.contacts || []).concat(record.introducers || []);
  return assigned.some((p) => String(p.memberId) === String(member.id)) ? 'contact' : null;
}

/** What the step form asks for a kind (RecordStep.Request): people with their counts, training, resolution, months. */
function stepNeeds(kind) {
  return {
    talkPartners: kind === 'ApplicantTalk',
    contacts: kind === 'ContactsAssigned',
    introducers: kind === 'IntroducersAssigned',
    training: kind === 'CandidateTraining',
    resolution: kind === 'Admission' || kind === 'Confirmation' || kind === 'ProbationExtended',
    resolutionRequired: kind === 'Admission' || kind === 'Confirmation',
    extension: kind === 'ProbationExtended',
  };
}

/** An optional whole number within the server's range ({ minimum, maximum } of api/limits.js); empty passes. */
function inRange(value, range) {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text === '' || (/^\d+$/.test(text) && Number(text) >= range.minimum && Number(text) <= range.maximum);
}

/**
 * Checks the step form before it is sent (the server checks again and its answer is shown as it comes): returns the
 * Chinese reason it cannot go, or ''.
 */
function stepProblem(form) {
  const needs = stepNeeds(form.kind);
  if (!form.kind) return '请选择要记录的步骤。';
  if (!form.occurredOn && !needs.resolutionRequired) return '请选择日期。';
  if (needs.talkPartners && !form.talkPartnerIds.length) return '请选择谈话人。';
  if (needs.contacts && (form.contactIds.length < 1 || form.contactIds.length > 2)) return '请指定1至2名培养联系人（须为正式党员）。';
  if (needs.introducers && form.introducerIds.length !== 2) return '请确定2名入党介绍人（须为正式党员）。';
  if (needs.resolutionRequired && !form.resolutionId) return '请选择支部党员大会通过的决议。';
  if (needs.training && !inRange(form.trainingDays, LIMITS.trainingDays)) return '培训天数应在' + LIMITS.trainingDays.minimum + '到' + LIMITS.trainingDays.maximum + '之间。';
  if (needs.training && !inRange(form.trainingHours, LIMITS.trainingHours)) return '培训学时应在' + LIMITS.trainingHours.minimum + '到' + LIMITS.trainingHours.maximum + '之间。';
  if (needs.extension && !(Number(form.extensionMonths) > 0)) return '请填写延长的月数。';
  if (String(form.note || '').length > LIMITS.note) return '备注不能超过' + LIMITS.note + '字。';
  return '';
}

/** The body of POST /records/{id}/steps from the form: only what the kind takes. */
function stepBody(form) {
  const needs = stepNeeds(form.kind);
  const n = (v) => (v === '' || v === null || v === undefined ? undefined : Number(v));
  return {
    kind: form.kind,
    // Admission and confirmation take the general meeting's day (the server sets it from the resolution).
    occurredOn: needs.resolutionRequired ? undefined : form.occurredOn || undefined,
    note: String(form.note || '').trim() || undefined,
    talkPartnerIds: needs.talkPartners ? form.talkPartnerIds.map(Number) : undefined,
    contactIds: needs.contacts ? form.contactIds.map(Number) : undefined,
    introducerIds: needs.introducers ? form.introducerIds.map(Number) : undefined,
    resolutionId: needs.resolution && form.resolutionId ? Number(form.resolutionId) : undefined,
    trainingDays: needs.training ? n(form.trainingDays) : undefined,
    trainingHours: needs.training ? n(form.trainingHours) : undefined,
    extensionMonths: needs.extension ? n(form.extensionMonths) : undefined,
  };
}

/** A refusal as the form shows it: the server's title and detail (e.g. 时间未到 with the day it becomes possible). */
function refusal(err) {
  return { title: (err && err.title) || '操作失败', detail: (err && err.detail) || '请稍后再试。' };
}

/** Publicity (公示) the record is ready for (DevelopmentRecord.CheckPublicity): before admission after step 12, before confirmation after 22. */
function publicityChoices(record) {
  const last = lastNumber(record);
  const list = [];
  if (last >= 12 && last < 15) list.push({ before: 'Admission', label: '接收预备党员前公示' });
  if (last === 22) list.push({ before: 'Confirmation', label: '预备党员转正前公示' });
  return list;
}

function attachments(list) {
  return (list || []).map((a) => ({
    id: a.id,
    kindText: ATTACHMENT_KINDS[a.kind] || '附件',
    date: String(a.uploadedAt || '').slice(0, 10),
    sizeText: a.size >= 1024 * 1024 ? (a.size / 1024 / 1024).toFixed(1) + ' MB' : Math.max(1, Math.round(a.size / 1024)) + ' KB',
    byApplicant: !!a.byApplicant,
    url: a.url,
    isPdf: a.contentType === 'application/pdf',
  }));
}

/** A publicity (PublicityView): before which step, its period in working days, whether it runs today. */
function publicity(p) {
  return {
    id: p.id,
    title: p.beforeName + '前公示',
    period: p.startsOn + ' 至 ' + p.endsOn + '（' + p.workingDays + '个工作日）',
    running: !!p.running,
  };
}

/** A running publicity as the members of the organisation see it (GET /publicity): the person's name and the step. */
function memberPublicity(p) {
  return Object.assign(publicity(p), { name: p.personName });
}

/** Checks an objection before it is sent: the Chinese reason it cannot go, or ''. */
function objectionProblem(text) {
  const t = String(text || '').trim();
  if (!t) return '请填写异议内容。';
  if (t.length > LIMITS.objection) return '异议不能超过' + LIMITS.objection + '字。';
  return '';
}

/**
 * The record as the committee sees it: the timeline plus number, stage, publicities, attachments and what may be done.
 * An assigned contact (role 'contact') sees the same but may record only observations and thought reports, starts no
 * publicity and reads no objections (committee only).
 */
function committeeRecord(record, role) {
  const view = timeline(record);
  return Object.assign(view, {
    id: record.id,
    branchId: record.branchId,
    number: record.number,
    stage: record.stage,
    bound: !!record.bound,
    extensions: record.extensions || 0,
    publicities: (record.publicities || []).map(publicity),
    attachments: attachments(record.attachments),
    committee: role !== 'contact',
    canPublicize: role !== 'contact' && publicityChoices(record).length > 0,
    canRecord: stepChoices(record, role).length > 0,
  });
}

/** The thought report the person owes now: its task (due day, missed periods), or null when none is owed. */
function thoughtReportTask(record) {
  const task = (record.tasks || []).filter((t) => t.kind === 'ThoughtReport')[0];
  return task ? { dueOn: task.dueOn, overdue: !!task.overdue, missingText: task.missing > 0 ? '此前缺交 ' + task.missing + ' 次' : '' } : null;
}

/** Whether the person hands in thought reports now (from activist, step 3, until the record is archived). */
function writesThoughtReports(record) {
  const last = lastNumber(record);
  return last >= 3 && last < 25;
}

/** Members for a people picker: active members of the branch; contacts and introducers must be full members. */
function pickable(members, fullOnly) {
  return (members || [])
    .filter((m) => !fullOnly || m.status === 'Full')
    .map((m) => ({ id: m.id, label: m.name + '（' + m.number + '）', full: m.status === 'Full' }));
}

module.exports = {
  LIMITS, timeline, worklist, lastNumber, stepChoices, stepNeeds, stepProblem, stepBody, refusal, publicityChoices,
  assignedPerson, attachments, committeeRecord, thoughtReportTask, writesThoughtReports, pickable, CONTACT_STEPS, recordRole, publicity,
  memberPublicity, objectionProblem,
};
