using System.Security.Cryptography;
using SmartBranch.Domain.Brand;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Features.Brand;

public static class CreateShare
{
    /// <summary>What is shared: <c>subjectType</c> <c>story</c> or <c>notice</c>, and its id.</summary>
    public sealed record Request(string SubjectType, int SubjectId);

    /// <summary><c>path</c> is the mini-program page to put in the share card; it carries the share id.</summary>
    public sealed record Response(string ShareId, string Path);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.SubjectType).Must(t => t is SubjectTypes.Story or SubjectTypes.Notice).WithMessage("只能分享事迹（story）或通知（notice）。");
            RuleFor(r => r.SubjectId).GreaterThan(0).WithMessage("请指定要分享的内容。");
        }
    }

    /// <summary>Only published Public stories and notices leave the organisation; anything else the caller can read is 422, the rest 404.</summary>
    public static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request,
        CurrentMember current,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var viewer = await Reader.LoadAsync(current, cancellationToken);
        int unitId;
        string path;
        if (request.SubjectType == SubjectTypes.Story)
        {
            var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SubjectId, cancellationToken);
            if (story is null || !BrandRules.CanRead(viewer, story))
            {
                return Problems.NotFound(BrandRules.StoryNotFound);
            }

            if (!story.IsPublished || story.Visibility != Visibility.Public)
            {
                return Problems.Unprocessable("不能分享", "只有已发布的公开事迹可以分享到组织外。");
            }

            unitId = story.UnitId;
            path = MiniProgramPages.Story(story.Id);
        }
        else
        {
            var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == request.SubjectId, cancellationToken);
            var isRecipient = notice is not null && await db.NoticeRecipients.AnyAsync(r => r.NoticeId == notice.Id && r.MemberId == current.Id, cancellationToken);
            var canManage = notice is not null && viewer.Access is { } access && (access.CanManage(notice.UnitId) || access.IsCommitteeOf(notice.UnitId));
            if (notice is null || !(canManage || (notice.Status == NoticeStatus.Published && (notice.Visibility == Visibility.Public || isRecipient))))
            {
                return Problems.NotFound("未找到该通知，或您无权查看。");
            }

            if (notice.Status != NoticeStatus.Published || notice.Visibility != Visibility.Public)
            {
                return Problems.Unprocessable("不能分享", "只有已发布的公开通知可以分享到组织外。");
            }

            unitId = notice.UnitId;
            path = MiniProgramPages.NoticeDetail(notice.Id);
        }

        var share = new Share(NewId(), request.SubjectType, request.SubjectId, unitId, current.Id, time.GetUtcNow());
        db.Shares.Add(share);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/shares/{share.Id}", new Response(share.Id, $"{path}&share={share.Id}"));
    }

    // 16 URL-safe characters (96 bits): unguessable, short enough for a share path.
    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
}
