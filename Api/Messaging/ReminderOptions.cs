using System.ComponentModel.DataAnnotations;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Messaging;

/// <summary>Section "Reminders": the delivery pipeline and the subscription-message templates.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Run the feeder and dispatcher loops in the background (tests switch this off and drive them by hand).</summary>
    public bool BackgroundDispatch { get; set; } = true;

    /// <summary>How long the loops rest when there is nothing to do.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Reminders moved to the queue, and entries a dispatcher takes, at a time.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Dispatcher loops per instance: while one records its batch in the database, another sends.</summary>
    [Range(1, 16)]
    public int Dispatchers { get; set; } = 2;

    /// <summary>Subscription messages a dispatcher sends at the same time.</summary>
    [Range(1, 256)]
    public int SendConcurrency { get; set; } = 32;

    /// <summary>A queue entry left unacknowledged this long by another dispatcher is taken over (XAUTOCLAIM min-idle).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ClaimMinIdle { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dispatcher holds a reminder while sending it; after that another may take it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A reminder Queued this long without being sent goes back to Scheduled (its queue entry was lost).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan QueuedTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>WeChat attempts per reminder for transient failures (-1 busy, unreachable) before it is Failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry of a transient failure; doubled on each further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The subscription-message template of each registered reminder kind (<see cref="ReminderKinds.AddReminderKind"/>), keyed
    /// by kind name (<see cref="ReminderKind.Name"/>, any case as configuration keys are). Kinds left out get their registered emulator default; a kind given only its TemplateId keeps its registered keyword layout.
    /// </summary>
    public Dictionary<string, ReminderTemplateOptions> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One subscription-message template: its id and which reminder field fills each keyword.</summary>
public sealed class ReminderTemplateOptions
{
    /// <summary>Template id from the mini-program's admin console (订阅消息 → 我的模板).</summary>
    public string TemplateId { get; set; } = string.Empty;

    /// <summary>Keyword code (<c>thing1</c>, <c>time2</c> …; the prefix is the type) → the reminder field that fills it.</summary>
    public Dictionary<string, KeywordSource> Fields { get; set; } = [];
}

/// <summary>Reminder fields a template keyword can be filled from.</summary>
public enum KeywordSource
{
    /// <summary>Topic, activity or notice title.</summary>
    Subject,

    /// <summary>The inbox title.</summary>
    Title,

    /// <summary>The inbox text.</summary>
    Body,

    /// <summary>When the meeting or activity takes place (the due time when none).</summary>
    Time,

    /// <summary>The date part of <see cref="Time"/>.</summary>
    Date,

    Place,

    Note,
}
