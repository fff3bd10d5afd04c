using System.Diagnostics.Metrics;
using System.Globalization;

namespace SmartBranch.Api.Common.Telemetry;

/// <summary>
/// The app's own counters (meter <c>SmartBranch</c>), beside what ASP.NET Core, EF Core, HttpClient and Redis
/// report. Exported over OTLP when an endpoint is configured (<see cref="TelemetrySetup"/>); readable in process
/// by <c>dotnet-counters monitor -n SmartBranch.Api --counters SmartBranch</c> either way.
/// </summary>
public sealed class AppMetrics
{
    /// <summary>Name of the app's meter.</summary>
    public const string MeterName = "SmartBranch";

    private readonly Counter<long> _logins;
    private readonly Counter<long> _remindersQueued;
    private readonly Counter<long> _remindersSent;
    private readonly Counter<long> _remindersFailed;
    private readonly Counter<long> _contentChecks;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _logins = meter.CreateCounter<long>("smartbranch.logins", "{login}", "WeChat logins by outcome: member, unbound, invalid_code, risky_user, rate_limited, unavailable.");
        _remindersQueued = meter.CreateCounter<long>("smartbranch.reminders.queued", "{reminder}", "Due reminders put on the send queue.");
        _remindersSent = meter.CreateCounter<long>("smartbranch.reminders.sent", "{reminder}", "Subscription messages WeChat accepted.");
        _remindersFailed = meter.CreateCounter<long>("smartbranch.reminders.failed", "{reminder}", "Send attempts that did not reach the member, by WeChat errcode (no_quota: none banked, nothing sent).");
        _contentChecks = meter.CreateCounter<long>("smartbranch.content_checks", "{check}", "Text content checks (msgSecCheck) by verdict.");
    }

    public void Login(string outcome) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void RemindersQueued(int count) => _remindersQueued.Add(count);

    public void ReminderSent() => _remindersSent.Add(1);

    /// <summary>A send WeChat refused with <paramref name="errCode"/>, or none attempted (<c>no_quota</c>).</summary>
    public void ReminderFailed(string errCode) => _remindersFailed.Add(1, new KeyValuePair<string, object?>("wechat.errcode", errCode));

    public void ReminderFailed(int errCode) => ReminderFailed(errCode.ToString(CultureInfo.InvariantCulture));

    public void ContentChecked(string verdict) => _contentChecks.Add(1, new KeyValuePair<string, object?>("verdict", verdict));
}
