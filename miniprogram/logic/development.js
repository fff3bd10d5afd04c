// View models of the development pages (pkg-develop): the applicant's timeline and the committee's worklist.

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
  };
}

function task(item) {
  return {
    key: item.recordId + '-' + item.kind + '-' + item.dueOn,
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

module.exports = { timeline, worklist };
