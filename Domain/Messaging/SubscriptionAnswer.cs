namespace SmartBranch.Domain.Messaging;

/// <summary>What wx.requestSubscribeMessage reports per template; only <see cref="Accept"/> banks a send.</summary>
public enum SubscriptionAnswer
{
    Accept,
    Reject,
    Ban,
    Filter,
}
