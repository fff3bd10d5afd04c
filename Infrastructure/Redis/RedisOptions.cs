namespace SmartBranch.Infrastructure.Redis;

/// <summary>Section "Redis".</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string; empty means the in-process fallback (not allowed in Production).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix put before every key, so several deployments (or test runs) can share one server.</summary>
    public string InstanceName { get; set; } = string.Empty;

    /// <summary>
    /// Connect and command timeout unless the connection string sets connectTimeout/syncTimeout/asyncTimeout.
    /// Short, so a Redis that hangs turns into a quick 503 rather than a slow request.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);
}
