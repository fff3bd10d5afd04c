using System.ComponentModel.DataAnnotations;

namespace SmartBranch.Api.Features.Org;

/// <summary>Organisation settings (section "Org").</summary>
public sealed class OrgOptions
{
    public const string SectionName = "Org";

    /// <summary>A committee term ending within this many days without a successor is flagged and reminded (Domain/README.md: configurable; default 60).</summary>
    [Range(1, 365)]
    public int TermEndWarningDays { get; set; } = SmartBranch.Domain.Organization.BranchFacts.DefaultTermEndWarningDays;

    /// <summary>A member away this many months without a transfer is flagged (Domain/README.md: six months).</summary>
    [Range(1, 60)]
    public int AwayMonths { get; set; } = 6;

    /// <summary>How often the background sweep looks for terms ending, expired letters and members away; zero turns the loop off (tests run it by hand).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);
}
