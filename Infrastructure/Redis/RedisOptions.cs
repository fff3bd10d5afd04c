namespace SmartBranch.Infrastructure.Redis;

/// <summary>Section "Redis".</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string; empty means the in-process fallback (not allowed in Production).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix put before every key, so several deployments (or test runs) can share one server.</summary>
    public string InstanceName { get; set; } = string.Empty;
}
