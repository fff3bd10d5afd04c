namespace SmartBranch.Api.Features.Appraisals;

/// <summary>Appraisal settings (section "Appraisals").</summary>
public sealed class AppraisalOptions
{
    public const string SectionName = "Appraisals";

    /// <summary>
    /// Probationary members take part in the appraisal (they are appraised and see the round) but have no vote
    /// (2018 Branch Work Regulations). Set true where local practice lets them vote.
    /// </summary>
    public bool ProbationaryMayVote { get; set; }
}
