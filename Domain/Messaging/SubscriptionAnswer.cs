using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Messaging;

/// <summary>What wx.requestSubscribeMessage reports per template; only <see cref="Accept"/> banks a send.</summary>
public enum SubscriptionAnswer
{
    [Label("同意")]
    Accept,
    [Label("拒绝")]
    Reject,
    [Label("已被封禁")]
    Ban,
    [Label("已被过滤")]
    Filter,
}
