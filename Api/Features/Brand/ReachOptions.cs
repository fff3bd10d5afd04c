using System.ComponentModel.DataAnnotations;

namespace SmartBranch.Api.Features.Brand;

/// <summary>Section "Reach": how interactions are weighed into heat (热度). See README, "Reach".</summary>
public sealed class ReachOptions
{
    public const string SectionName = "Reach";

    /// <summary>Weight of a view: a member's first view of a story or notice, or an opening of a share.</summary>
    [Range(0, 1000)]
    public double ViewWeight { get; set; } = 1;

    [Range(0, 1000)]
    public double LikeWeight { get; set; } = 3;

    [Range(0, 1000)]
    public double CommentWeight { get; set; } = 5;

    /// <summary>Weight of a share: a member passing the content on is the strongest sign of interest.</summary>
    [Range(0, 1000)]
    public double ShareWeight { get; set; } = 8;

    /// <summary>After this long an interaction counts half as much (exponential decay).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromDays(7);
}
