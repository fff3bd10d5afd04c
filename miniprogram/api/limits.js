// Field limits the forms need before sending, as the server defines them. Their source is the server's validators
// (e.g. Domain Notice.TitleMaxLength), published in the OpenAPI document (Api/openapi.json): a number here is a
// text's `maxLength`; an object { minimum, maximum } is a number's range (`minimum`/`maximum`, both inclusive).
// test/limits.test.js fails when a value here differs from the document, and when a page writes one of the range
// bounds itself, so there is one definition: the server's.
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
  studyMaterial: {
    // PublishMaterialRequest (StudyMaterial.TitleMaxLength, TopicMaxLength)
    title: 60,
    topic: 30,
    // PublishMaterialRequest.estimatedMinutes (1 to StudyMaterial.MaxEstimatedMinutes, minutes)
    estimatedMinutes: { minimum: 1, maximum: 480 },
  },
  developmentTraining: {
    // RecordStepRequest for step 11 (candidate training, 集中培训): days and class hours
    trainingDays: { minimum: 0, maximum: 366 },
    trainingHours: { minimum: 0, maximum: 5000 },
  },
  transferLetter: {
    // IssueLetterRequest.validDays (days the introduction letter stays valid; empty = the default)
    validDays: { minimum: 1, maximum: 366 },
    // IssueLetterRequest.ethnicity (Transfer.EthnicityMaxLength)
    ethnicity: 20,
  },
  transferReceipt: {
    // RecordReceiptRequest.note (Transfer.TextMaxLength)
    note: 500,
  },
  transfer: {
    // RequestTransferRequest.toOrganization (Transfer.OrganizationMaxLength); the graduation sheet's 转入党组织 column
    // (a file, so no schema of its own) is held to the same limit by GraduationBatch.cs
    toOrganization: 200,
  },
  memberStatus: {
    // RecordStatusChangeRequest.reason (MemberStatusEvent.ReasonMaxLength)
    reason: 500,
  },
  resolution: {
    // RecordResolutionRequest.title (Resolution.TitleMaxLength)
    title: 200,
  },
  meeting: {
    // ScheduleMeetingRequest / UpdateMeetingRequest (Meeting.TopicMaxLength, PlaceMaxLength, OnlineLinkMaxLength,
    // AgendaMaxLength; the shared MeetingDetailsValidator)
    topic: 200,
    place: 200,
    onlineLink: 500,
    agenda: 4000,
  },
  leaveRequest: {
    // RequestLeaveRequest.reason (LeaveRequest.ReasonMaxLength)
    reason: 500,
  },
  studyAssignment: {
    // CreateAssignmentRequest (StudyAssignment.TitleMaxLength)
    title: 60,
  },
  duesReceipt: {
    // RecordDuesPaymentRequest
    receiptNumber: 64,
  },
  duesReason: {
    // ApproveDuesReductionRequest, RefundDuesPaymentRequest (DuesBase.ReasonMaxLength, DuesPayment.TextMaxLength)
    reason: 200,
  },
  wallMessage: {
    // PostWallMessageRequest (WallMessage.TextMaxLength)
    text: 140,
  },
  poll: {
    // CreatePollRequest (Poll.QuestionMaxLength)
    question: 200,
  },
  appraisalRound: {
    // OpenAppraisalRoundRequest (AppraisalRound.TitleMaxLength)
    title: 100,
  },
  selfAppraisal: {
    // WriteSelfAppraisalRequest (AppraisedMember.SelfAppraisalMaxLength)
    text: 3000,
  },
  mailbox: {
    // SendMailboxMessageRequest (MailboxMessage.TextMaxLength)
    text: 2000,
  },
  storyComment: {
    // CommentOnStoryRequest (StoryComment.TextMaxLength)
    text: 500,
  },
  brand: {
    // UpdateBrandRequest (BrandProfile)
    name: 40,
    slogan: 60,
    introduction: 2000,
  },
  screenLink: {
    // CreateScreenLinkRequest / UpdateScreenLinkRequest
    label: 40,
  },
};
