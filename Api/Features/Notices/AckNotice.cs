using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Notices;

public static class AckNotice
{
    /// <summary>The caller's sign-off (签收). Signing off again keeps the first time.</summary>
    public sealed record Response(int NoticeId, DateTimeOffset ReadAt, DateTimeOffset AckedAt);

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        int id,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var viewer = await Reader.LoadAsync(current, cancellationToken);
        var (notice, recipient, refusal) = await NoticeRules.LoadReadableAsync(db, id, viewer, cancellationToken);
        if (notice is null)
        {
            return Problems.From(refusal!);
        }

        if (notice.Status != NoticeStatus.Published)
        {
            return Problems.Conflict("通知未发布", "该通知尚未发布或已撤回，无法签收。");
        }

        if (recipient is null)
        {
            return Problems.Conflict("无需签收", "您不在该通知的发送对象中，无需签收。");
        }

        if (!notice.RequiresAck)
        {
            return Problems.Conflict("无需签收", "该通知不要求签收。");
        }

        recipient.Ack(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(notice.Id, recipient.FirstReadAt!.Value, recipient.AckedAt!.Value));
    }
}
