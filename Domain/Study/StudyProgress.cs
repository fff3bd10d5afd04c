using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Study;

/// <summary>What the mini-program reports while a member studies a material.</summary>
public enum StudyEvent
{
    /// <summary>Opened the text, or the player started: the clock starts.</summary>
    [Label("开始")]
    Start,

    /// <summary>Still reading, or the player's position moved (sent every few seconds).</summary>
    [Label("学习中")]
    Progress,

    /// <summary>The player paused or the page was left: the clock stops.</summary>
    [Label("暂停")]
    Pause,

    /// <summary>Read to the end, or the player reached the end: the clock stops.</summary>
    [Label("结束")]
    End,
}

/// <summary>The rules a report is credited by (section "Study", Api/Features/Study/README.md).</summary>
/// <param name="Threshold">Share of the required time that completes a material (default 0.9).</param>
/// <param name="MaxGap">Longest interval between two reports that still counts: a longer silence earns only this.</param>
public sealed record StudyCreditRules(double Threshold, TimeSpan MaxGap);

/// <summary>What one report changed.</summary>
public sealed record StudyReportOutcome(int CreditedNow, bool CompletedNow);

/// <summary>
/// One member's study of one material, on every device together. Time is credited only as real time passes
/// on the server's clock: the interval since the previous report (of any device), no longer than
/// <see cref="StudyCreditRules.MaxGap"/>, and for audio and video no more than the position moved forward.
/// So playing at 2× or skipping earns real time only, several devices at once share one clock, and the total
/// never exceeds the material's length. Completion at the threshold records the hours once.
/// </summary>
public sealed class StudyProgress
{
    public const int TopicMaxLength = StudyMaterial.TopicMaxLength;

    private StudyProgress()
    {
        Topic = string.Empty;
    }

    public StudyProgress(int memberId, int materialId)
    {
        MemberId = memberId;
        MaterialId = materialId;
        Topic = string.Empty;
    }

    public long Id { get; private set; }

    public int MemberId { get; private set; }

    public int MaterialId { get; private set; }

    /// <summary>Seconds credited so far (never more than the material's required time).</summary>
    public int CreditedSeconds { get; private set; }

    /// <summary>True between a start and a pause/end: the clock runs.</summary>
    public bool Running { get; private set; }

    public DateTimeOffset? LastReportAt { get; private set; }

    /// <summary>Last reported media position (seconds), for resuming.</summary>
    public double LastPosition { get; private set; }

    public bool ReachedEnd { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Study hours credited at completion (class hours), and the topic and China-time year they count for.</summary>
    public decimal Hours { get; private set; }

    public string Topic { get; private set; }

    public int? Year { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    /// <summary>Changes with every report: two devices reporting at the same moment cannot both be credited.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Credits one report. <paramref name="requiredSeconds"/> is what completes the material; media positions
    /// bound the credit (<paramref name="isMedia"/>); text must also be read to the end. At completion
    /// <paramref name="hours"/> for <paramref name="topic"/> are recorded, once.
    /// </summary>
    public StudyReportOutcome Report(StudyEvent kind, double position, bool isMedia, int requiredSeconds, StudyCreditRules rules, decimal hours, string topic, int year, DateTimeOffset now)
    {
        Version++;
        var credit = 0;
        if (Running && LastReportAt is { } last && kind != StudyEvent.Start)
        {
            var real = Math.Clamp((now - last).TotalSeconds, 0, rules.MaxGap.TotalSeconds);
            var moved = isMedia ? Math.Max(0, position - LastPosition) : real;
            credit = (int)Math.Floor(Math.Min(real, moved));
            credit = Math.Min(credit, Math.Max(0, requiredSeconds - CreditedSeconds));
            CreditedSeconds += credit;
        }

        Running = kind is StudyEvent.Start or StudyEvent.Progress;
        LastReportAt = now;
        LastPosition = Math.Max(0, position);
        ReachedEnd |= kind == StudyEvent.End;

        var done = !IsCompleted
            && CreditedSeconds >= Math.Ceiling(rules.Threshold * requiredSeconds)
            && (isMedia || ReachedEnd);
        if (done)
        {
            CompletedAt = now;
            Hours = hours;
            Topic = topic;
            Year = year;
        }

        return new StudyReportOutcome(credit, done);
    }
}
