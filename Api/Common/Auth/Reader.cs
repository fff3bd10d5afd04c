using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Common.Auth;

/// <summary>
/// The caller as a reader of content (notices, stories, media): a bound member with their access scope, or a
/// signed-in WeChat user bound to nobody (<see cref="MemberId"/> and <see cref="Access"/> null), who may read
/// only what is public. Each area decides with it what the caller may read.
/// </summary>
internal sealed record Reader(int? MemberId, AccessScope? Access)
{
    public static async Task<Reader> LoadAsync(CurrentMember current, CancellationToken cancellationToken) =>
        current.MemberId is int id ? new Reader(id, await current.GetAccessAsync(cancellationToken)) : new Reader(null, null);
}
