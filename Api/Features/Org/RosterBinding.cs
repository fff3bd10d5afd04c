using SmartBranch.Api.Features.Me;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

/// <summary>
/// The end both ways of binding share (the invitation with name and number, the phone number WeChat verified): once
/// the roster entry is found, bind it to the WeChat account, write the <c>member.bound</c> audit entry and save.
/// </summary>
internal static class RosterBinding
{
    /// <summary>
    /// The member's profile as <c>/api/me</c> answers it once bound. 409 when the entry is bound already; when it was
    /// taken a moment earlier (the concurrency token: <paramref name="takenDetail"/> says what to do); when this account
    /// bound another entry in a parallel request (unique openid). <c>how</c> says how the person proved who they are,
    /// for the audit summary (e.g. 通过邀请绑定微信).
    /// </summary>
    public static async Task<Result<MemberProfile>> BindAsync(
        AppDbContext db,
        AccessCache cache,
        Member member,
        string openId,
        string how,
        string takenDetail,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (member.BindTo(openId, now).Error is { } bound)
        {
            return bound;
        }

        db.AuditLog.Add(new AuditEntry(member.Id, member.BranchId, "member.bound", SubjectTypes.Member, member.Id, $"{member.Name}（{member.Number}）{how}", now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DomainError("member.taken", takenDetail, ErrorKind.Conflict, "绑定失败");
        }
        catch (DbUpdateException)
        {
            return new DomainError("member.already_bound", "您的微信已绑定党员信息，无需重复绑定。", ErrorKind.Conflict, "已绑定");
        }

        // The save started a new access generation, so this reads the binding just made.
        var profile = await MemberProfiles.LoadAsync(cache, db, openId, now, cancellationToken);
        return profile!;
    }
}
