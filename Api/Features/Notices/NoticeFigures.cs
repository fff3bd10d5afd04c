namespace SmartBranch.Api.Features.Notices;

/// <summary>Read and sign-off figures against the audience fixed at publication; <c>notAcked</c> is null when the notice does not ask for sign-off.</summary>
public sealed record NoticeFigures(int Audience, int Read, int Unread, int Acked, int? NotAcked);

internal static class NoticeFigureQueries
{
    public static async Task<NoticeFigures> LoadAsync(AppDbContext db, int noticeId, bool requiresAck, CancellationToken cancellationToken)
    {
        var rows = db.NoticeRecipients.AsNoTracking().Where(r => r.NoticeId == noticeId);
        var figures = await rows
            .GroupBy(_ => 1)
            .Select(g => new { Audience = g.Count(), Read = g.Count(r => r.FirstReadAt != null), Acked = g.Count(r => r.AckedAt != null) })
            .SingleOrDefaultAsync(cancellationToken);
        return From(figures?.Audience ?? 0, figures?.Read ?? 0, figures?.Acked ?? 0, requiresAck);
    }

    /// <summary>The figures from the counts of recipient rows: all of them, those read, those signed off.</summary>
    public static NoticeFigures From(int audience, int read, int acked, bool requiresAck) =>
        new(audience, read, audience - read, acked, requiresAck ? audience - acked : null);
}
