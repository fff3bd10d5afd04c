using SmartBranch.Api.Common.Privacy;
using SmartBranch.Api.Features.Org;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Transfers;

public static class RegisterIncoming
{
    /// <summary>
    /// The person as the roster keeps them, and the incoming letter: its number, the issuing organisation, the day
    /// it was issued, its last valid day and dues paid up to ("yyyy-MM").
    /// </summary>
    public sealed record Request(
        string LetterNumber,
        string FromOrganization,
        DateOnly IssuedOn,
        DateOnly? ValidUntil,
        string? DuesPaidUpTo) : MemberDetails;

    /// <summary>The new roster entry, the incoming transfer (already received) and the invitation with which the member binds.</summary>
    public sealed record Response(int MemberId, TransferView Transfer, string InvitationScene, DateTimeOffset InvitationExpiresAt);

    public sealed class Validator : MemberDetailsValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.LetterNumber).NotEmpty().WithMessage("请填写介绍信编号。").MaximumLength(Transfer.LetterNumberMaxLength);
            RuleFor(r => r.FromOrganization).NotEmpty().WithMessage("请填写开具介绍信的党组织。").MaximumLength(Transfer.OrganizationMaxLength);
            RuleFor(r => r.ValidUntil).GreaterThanOrEqualTo(r => r.IssuedOn).When(r => r.ValidUntil is not null).WithMessage("有效期不能早于开具日期。");
            RuleFor(r => r.DuesPaidUpTo).Must(m => Months.TryParse(m, out _)).WithMessage("党费缴至月份格式应为 yyyy-MM。");
        }
    }

    /// <summary>201; 400 for membership data that cannot be true or a letter issued in the future; 409 for a number already on the roster; 403/404 unless the caller manages the branch.</summary>
    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        int id,
        Request request,
        PhoneNumbers phones,
        IdNumbers ids,
        [AsParameters] HandlerServices services)
    {
        var (current, db, audit, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (unit, refusal) = await db.LoadUnitAsync(access, id, access.CanManage, cancellationToken);
        if (unit is null)
        {
            return Problems.From(refusal!);
        }

        if (unit.Kind != UnitKind.Branch || unit.IsClosed)
        {
            return Problems.BadRequest("无法登记", "转入党员须登记到未撤销的党支部。");
        }

        var now = time.GetUtcNow();
        var today = LocalCalendar.Today(now);
        if (request.IssuedOn > today)
        {
            return Problems.BadRequest("日期无效", "介绍信开具日期不能晚于今天。");
        }

        if (await MemberFields.CheckAsync(db, id, request, today, cancellationToken) is { Error: { } error })
        {
            return Problems.From(error);
        }

        if (await Org.MemberFields.NumberTakenAsync(db, request.Number, null, cancellationToken))
        {
            return Problems.Conflict("学工号重复", "该学工号已在党员名册中。");
        }

        var member = new Member(request.Name.Trim(), request.Number.Trim(), id, request.Status);
        MemberFields.Apply(member, request, phones);
        db.Members.Add(member);
        Months.TryParse(request.DuesPaidUpTo, out var dues);
        Transfer? transfer = null;
        var invitation = new Invitation(id, CreateInvitation.NewCode(), singleUse: true, now + CreateInvitation.DefaultLifetime, current.Id, now);
        db.Invitations.Add(invitation);
        await db.SaveWithAuditAsync(_ =>
        {
            transfer = Transfer.RegisterIncoming(member.Id, id, request.FromOrganization.Trim(), request.LetterNumber.Trim(), request.IssuedOn, request.ValidUntil, dues, current.Id, now);
            db.Transfers.Add(transfer);
            audit.Record(id, "transfer.incoming", SubjectTypes.Member, member.Id, $"登记转入党员 {member.Name}（{member.Number}），介绍信 {request.LetterNumber.Trim()}，来自{request.FromOrganization.Trim()}");
            return Task.CompletedTask;
        }, cancellationToken);

        var view = await TransferViews.BuildOneAsync(db, access, ids, transfer!, time, cancellationToken);
        return TypedResults.Created($"/api/transfers/{transfer!.Id}", new Response(member.Id, view, invitation.Scene, invitation.ExpiresAt));
    }
}
