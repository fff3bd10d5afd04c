// Field limits the forms need before sending, as the server defines them. Their source is the server's validators
// (e.g. Domain Notice.TitleMaxLength), published as `maxLength` in the OpenAPI document (Api/openapi.json);
// test/limits.test.js fails when a value here differs from the document, so there is one definition: the server's.
// Classification markings are not checked here at all: the server refuses them (422) and the page shows its words.

module.exports = {
  notice: {
    // PostNoticeRequest.title, EditNoticeRequest.title
    title: 60,
  },
  activity: {
    // CreateActivityRequest / UpdateActivityRequest
    title: 100,
    place: 200,
  },
  developmentPerson: {
    // CreateRecordRequest / BindApplicantRequest (Member.NameMaxLength, Member.NumberMaxLength)
    name: 50,
    number: 32,
  },
  developmentNote: {
    // CreateRecordRequest / RecordStepRequest (DevelopmentStep.NoteMaxLength)
    note: 500,
  },
  thoughtReport: {
    // SubmitThoughtReportRequest (the summary; the full text goes as a file)
    text: 500,
  },
  objection: {
    // ObjectToPublicityRequest (an objection to a publicity, 公示异议)
    text: 1000,
  },
};
