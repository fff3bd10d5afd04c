namespace SmartBranch.Infrastructure;

/// <summary>The environment is not fit to serve (e.g. an unmigrated production database); the message tells the operator what to do.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
