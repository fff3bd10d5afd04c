using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Development;

/// <summary>
/// The 25 steps of member development (《中国共产党发展党员工作细则》, 2014; Domain/README.md "Member development"),
/// numbered as the rules number them, plus the events between them that are not numbered steps: a thought report
/// (思想汇报) and an extension of probation (延长预备期). Stored by name.
/// </summary>
public enum DevelopmentStepKind
{
    /// <summary>(1) 递交入党申请书</summary>
    [Label("递交入党申请书")]
    Application = 1,

    /// <summary>(2) 党组织派人谈话</summary>
    [Label("党组织派人谈话")]
    ApplicantTalk = 2,

    /// <summary>(3) 推荐和确定入党积极分子</summary>
    [Label("确定为入党积极分子")]
    ActivistConfirmed = 3,

    /// <summary>(4) 入党积极分子报上级党委备案</summary>
    [Label("积极分子报上级党委备案")]
    ActivistFiled = 4,

    /// <summary>(5) 指定培养联系人 (1–2 full members)</summary>
    [Label("指定培养联系人")]
    ContactsAssigned = 5,

    /// <summary>(6) 培养教育考察 (a branch review every half year; may be recorded again)</summary>
    [Label("培养教育考察")]
    ActivistObservation = 6,

    /// <summary>(7) 确定发展对象</summary>
    [Label("确定为发展对象")]
    CandidateConfirmed = 7,

    /// <summary>(8) 发展对象报上级党委备案</summary>
    [Label("发展对象报上级党委备案")]
    CandidateFiled = 8,

    /// <summary>(9) 确定入党介绍人 (two full members)</summary>
    [Label("确定入党介绍人")]
    IntroducersAssigned = 9,

    /// <summary>(10) 进行政治审查</summary>
    [Label("政治审查")]
    PoliticalCheck = 10,

    /// <summary>(11) 开展集中培训 (at least 3 days or 24 class hours)</summary>
    [Label("集中培训")]
    CandidateTraining = 11,

    /// <summary>(12) 支部委员会审查</summary>
    [Label("支部委员会审查")]
    CommitteeReview = 12,

    /// <summary>(13) 上级党委预审</summary>
    [Label("上级党委预审")]
    UpperPreReview = 13,

    /// <summary>(14) 填写入党志愿书</summary>
    [Label("填写入党志愿书")]
    ApplicationForm = 14,

    /// <summary>(15) 支部党员大会讨论接收预备党员 (a general meeting's resolution)</summary>
    [Label("支部党员大会讨论接收")]
    Admission = 15,

    /// <summary>(16) 上级党委派人谈话</summary>
    [Label("上级党委派人谈话")]
    UpperTalk = 16,

    /// <summary>(17) 上级党委审批</summary>
    [Label("上级党委审批")]
    UpperApproval = 17,

    /// <summary>(18) 再上一级党委组织部门备案</summary>
    [Label("再上一级党委备案")]
    AdmissionFiled = 18,

    /// <summary>(19) 编入党支部和党小组</summary>
    [Label("编入党支部和党小组")]
    Placed = 19,

    /// <summary>(20) 入党宣誓</summary>
    [Label("入党宣誓")]
    Oath = 20,

    /// <summary>(21) 继续教育考察 (may be recorded again)</summary>
    [Label("预备期教育考察")]
    ProbationObservation = 21,

    /// <summary>(22) 提出转正申请</summary>
    [Label("提出转正申请")]
    FullMembershipApplication = 22,

    /// <summary>(23) 支部党员大会讨论转正 (a general meeting's resolution)</summary>
    [Label("支部党员大会讨论转正")]
    Confirmation = 23,

    /// <summary>(24) 上级党委审批转正</summary>
    [Label("上级党委审批转正")]
    ConfirmationApproval = 24,

    /// <summary>(25) 材料归档</summary>
    [Label("材料归档")]
    Archived = 25,

    /// <summary>思想汇报: not a numbered step; one is owed every period (a quarter by default).</summary>
    [Label("思想汇报")]
    ThoughtReport = 101,

    /// <summary>延长预备期: not a numbered step; allowed once, by 6–12 months.</summary>
    [Label("延长预备期")]
    ProbationExtended = 102,
}

/// <summary>The five stages; derived from the recorded steps, never stored.</summary>
public enum DevelopmentStage
{
    /// <summary>入党申请人 (steps 1–2)</summary>
    [Label("入党申请人")]
    Applicant,

    /// <summary>入党积极分子 (steps 3–6)</summary>
    [Label("入党积极分子")]
    Activist,

    /// <summary>发展对象 (steps 7–14)</summary>
    [Label("发展对象")]
    Candidate,

    /// <summary>预备党员 (steps 15–22)</summary>
    [Label("预备党员")]
    Probationary,

    /// <summary>正式党员 (from step 23)</summary>
    [Label("正式党员")]
    Full,
}

/// <summary>Facts about each step: its number, its Chinese name, the stage it opens.</summary>
public static class DevelopmentSteps
{
    /// <summary>The 25 numbered steps in order.</summary>
    public static readonly IReadOnlyList<DevelopmentStepKind> Numbered =
        Enum.GetValues<DevelopmentStepKind>().Where(k => (int)k <= 25).OrderBy(k => (int)k).ToList();

    /// <summary>True for the 25 steps; false for thought reports and extensions.</summary>
    public static bool IsNumbered(this DevelopmentStepKind kind) => (int)kind is >= 1 and <= 25;

    /// <summary>The step's number (1–25), or 0 for an event that is not a numbered step.</summary>
    public static int Number(this DevelopmentStepKind kind) => kind.IsNumbered() ? (int)kind : 0;

    /// <summary>Steps that may be recorded again (half-yearly observation records).</summary>
    public static bool IsRepeatable(this DevelopmentStepKind kind) =>
        kind is DevelopmentStepKind.ActivistObservation or DevelopmentStepKind.ProbationObservation or DevelopmentStepKind.ThoughtReport;

    /// <summary>The stage a person is in once the highest recorded step is <paramref name="number"/> (0: none yet).</summary>
    public static DevelopmentStage StageAfter(int number) => number switch
    {
        >= 23 => DevelopmentStage.Full,
        >= 15 => DevelopmentStage.Probationary,
        >= 7 => DevelopmentStage.Candidate,
        >= 3 => DevelopmentStage.Activist,
        _ => DevelopmentStage.Applicant,
    };

    public static string DisplayName(this DevelopmentStepKind kind) => EnumLabels.Of(kind);

    public static string DisplayName(this DevelopmentStage stage) => EnumLabels.Of(stage);
}
