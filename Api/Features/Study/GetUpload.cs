namespace SmartBranch.Api.Features.Study;

public static class GetUpload
{
    /// <summary>The caller's upload: which chunks are missing (to resume after a dropped connection) and, once complete, the file's facts. Another's upload is 404.</summary>
    public static async Task<Results<Ok<StudyUploadResponse>, ProblemHttpResult>> Handle(Guid id, CurrentMember current, AppDbContext db, CancellationToken cancellationToken)
    {
        var media = await StudyUploads.LoadOwnAsync(db, id, current.Id, cancellationToken);
        return media is null ? Problems.NotFound(StudyUploads.NotFoundDetail) : TypedResults.Ok(StudyUploads.ToResponse(media));
    }
}
