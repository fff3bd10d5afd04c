using SmartBranch.Api.Common.Privacy;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

/// <summary>
/// A person's roster details as a committee member enters them: the body of adding and of editing a roster entry
/// (every field; on edit an empty phone removes it), and the person part of registering an incoming transfer
/// (<c>POST /api/org/units/{id}/incoming</c> adds the letter). One record, so the fields, their limits and
/// their checks are written once.
/// </summary>
public record MemberDetails
{
    public string Name { get; init; } = "";

    /// <summary>Staff or student number (学工号), unique in the organisation.</summary>
    public string Number { get; init; } = "";

    /// <summary>Mainland mobile number; optional.</summary>
    public string? Phone { get; init; }

    public MembershipStatus Status { get; init; }

    /// <summary>入党日期: admission as a probationary member.</summary>
    public DateOnly? AdmittedOn { get; init; }

    /// <summary>转正日期: becoming a full member (empty for probationary members).</summary>
    public DateOnly? FullSince { get; init; }

    /// <summary>A party group of the member's branch, or null.</summary>
    public int? PartyGroupId { get; init; }
}

/// <summary>Shape checks of <see cref="MemberDetails"/>; a request that adds fields adds their rules in its own validator.</summary>
public abstract class MemberDetailsValidator<T> : AbstractValidator<T>
    where T : MemberDetails
{
    protected MemberDetailsValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("请填写姓名。").MaximumLength(Member.NameMaxLength);
        RuleFor(r => r.Number).NotEmpty().WithMessage("请填写学工号。").MaximumLength(Member.NumberMaxLength)
            .Must(MemberFields.IsValidNumber).WithMessage("学工号只能包含字母、数字、下划线和短横线。");
        RuleFor(r => r.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumbers.IsValid(PhoneNumbers.Normalize(p)))
            .WithMessage("手机号格式不正确，应为11位手机号码。");
        RuleFor(r => r.Status).IsInEnum().WithMessage("党员状态应为 Full（正式）或 Probationary（预备）。");
    }
}

/// <summary>The validator of the add and edit bodies.</summary>
public sealed class MemberDetailsValidator : MemberDetailsValidator<MemberDetails>;

internal static class MemberFields
{
    public static bool IsValidNumber(string? number) =>
        !string.IsNullOrEmpty(number) && number.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>
    /// A staff/student number as binding compares it: folded like an imported cell (full-width digits, spaces:
    /// <see cref="Common.Tables.TableCells.NormalizeCode"/>) and upper-cased, so <c>t1006</c> finds the roster's
    /// <c>T1006</c>. The stored side is compared upper-cased too (<c>m.Number.ToUpper()</c>, SQL <c>UPPER</c>);
    /// numbers are ASCII (<see cref="IsValidNumber"/>), where both upper-casings agree.
    /// </summary>
    public static string NumberKey(string? number) => Common.Tables.TableCells.NormalizeCode(number).ToUpperInvariant();

    /// <summary>Whether another member already holds <paramref name="number"/> in any letter case (<see cref="NumberKey"/>).</summary>
    public static Task<bool> NumberTakenAsync(AppDbContext db, string number, int? exceptMemberId, CancellationToken cancellationToken)
    {
        var key = NumberKey(number);
        return db.Members.AnyAsync(m => m.Id != exceptMemberId && m.Number.ToUpper() == key, cancellationToken);
    }

    /// <summary>Refuses a party group outside the branch and membership data that cannot be true.</summary>
    public static async Task<Result> CheckAsync(AppDbContext db, int branchId, MemberDetails fields, DateOnly today, CancellationToken cancellationToken)
    {
        if (fields.PartyGroupId is int groupId
            && !await db.Units.AnyAsync(u => u.Id == groupId && u.ParentId == branchId && u.Kind == UnitKind.PartyGroup, cancellationToken))
        {
            return new DomainError("member.unknown_group", "所选党小组不属于该党支部。");
        }

        return Member.CheckMembership(fields.Status, fields.AdmittedOn, fields.FullSince, today);
    }

    /// <summary>Writes the fields to the member; the phone is encrypted on the way in.</summary>
    public static void Apply(Member member, MemberDetails fields, PhoneNumbers phones)
    {
        var phone = string.IsNullOrWhiteSpace(fields.Phone) ? null : PhoneNumbers.Normalize(fields.Phone);
        member.UpdateDetails(fields.Name.Trim(), fields.Number.Trim(), phones.Protect(phone));
        member.SetMembership(fields.Status, fields.AdmittedOn, fields.FullSince);
        member.PlaceIn(member.BranchId, fields.PartyGroupId);
    }
}
