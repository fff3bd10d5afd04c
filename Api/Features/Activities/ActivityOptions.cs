using System.ComponentModel.DataAnnotations;

namespace SmartBranch.Api.Features.Activities;

/// <summary>Section "Activities".</summary>
public sealed class ActivityOptions
{
    public const string SectionName = "Activities";

    /// <summary>How long before the start members may check in (the window closes at the end).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CheckInOpensBefore { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long before the start confirmed members are reminded.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan StartReminderBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Mini-program page the check-in code opens; it reads the scene and posts it to the check-in endpoint.</summary>
    [Required]
    public string CheckInPage { get; set; } = MiniProgramPages.ActivityCheckIn;
}
