using System.ComponentModel.DataAnnotations;

namespace SmartBranch.Api.Features.Study;

/// <summary>Section "Study" (Api/Features/Study/README.md). Every number the domain reference marks configurable.</summary>
public sealed class StudyOptions
{
    public const string SectionName = "Study";

    /// <summary>Share of a material's time that completes it (default 0.9 = 90 %).</summary>
    [Range(0.1, 1.0)]
    public double CompletionThreshold { get; set; } = 0.9;

    /// <summary>Study hours (class hours) a member is expected to complete in a year (default 32, Domain/README.md).</summary>
    [Range(1, 1000)]
    public int YearlyTargetHours { get; set; } = 32;

    /// <summary>Minutes in one class hour (学时), by which minutes of study become hours (default 45).</summary>
    [Range(1, 120)]
    public int MinutesPerClassHour { get; set; } = 45;

    /// <summary>Longest interval between two progress reports that still earns time; a longer silence earns only this (default 1 minute).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan MaxReportGap { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a media URL handed to a member stays valid (default 2 hours).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MediaUrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Largest video in bytes (default 1 GB).</summary>
    [Range(1024, 20L * 1024 * 1024 * 1024)]
    public long MaxVideoBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Largest audio file in bytes (default 200 MB).</summary>
    [Range(1024, 20L * 1024 * 1024 * 1024)]
    public long MaxAudioBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest PDF in bytes (default 50 MB).</summary>
    [Range(1024, 20L * 1024 * 1024 * 1024)]
    public long MaxPdfBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest chunk of an upload in bytes (default 8 MB; every chunk but the last has the size chosen at the start).</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public int MaxChunkBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Smallest chunk (default 256 KB), so a large file is not sent in thousands of requests.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MinChunkBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// An upload still unfinished this long after it started is abandoned: the sweep deletes its stored chunks and its
    /// rows (default 24 hours; at least 1 hour, so no upload in progress is cut off).
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan AbandonedUploadAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the sweep of abandoned uploads runs (default 1 hour; zero switches it off).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan UploadSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest file of any kind: what an upload may declare before its content is known.</summary>
    public long MaxUploadBytes => Math.Max(MaxVideoBytes, Math.Max(MaxAudioBytes, MaxPdfBytes));
}
