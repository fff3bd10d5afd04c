using System.ComponentModel.DataAnnotations;

namespace SmartBranch.Infrastructure.Sessions;

/// <summary>Section "Sessions".</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>Sliding lifetime: every use of a session extends it by this much.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}
