using SmartBranch.Infrastructure.Media;

namespace SmartBranch.Api.Features.Study;

public static class PutUploadChunk
{
    /// <summary>
    /// Stores chunk <c>index</c> (from 0) of the caller's upload; the body is the chunk's raw bytes. Sending a chunk
    /// again (after a dropped connection) replaces it with the same bytes and changes nothing else, so a client
    /// resends whatever it is unsure of. 400 when the chunk's size or index is not what the upload declared.
    /// </summary>
    public static async Task<Results<Ok<StudyUploadResponse>, ProblemHttpResult>> Handle(
        Guid id,
        int index,
        HttpRequest request,
        CurrentMember current,
        AppDbContext db,
        IMediaStorage storage,
        CancellationToken cancellationToken)
    {
        var media = await StudyUploads.LoadOwnAsync(db, id, current.Id, cancellationToken);
        if (media is null)
        {
            return Problems.NotFound(StudyUploads.NotFoundDetail);
        }

        if (media.ExpectedChunkSize(index) is not { } expected)
        {
            return Problems.BadRequest("分片序号无效", $"分片序号应在 0 到 {media.ChunkCount - 1} 之间。");
        }

        // Read at most one byte more than the chunk may have, so an oversized body is refused without buffering it.
        using var chunk = new MemoryStream((int)expected);
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, expected + 1 - chunk.Length)), cancellationToken)) > 0)
        {
            chunk.Write(buffer, 0, read);
            if (chunk.Length > expected)
            {
                break;
            }
        }

        if (media.ReceiveChunk(index, chunk.Length) is { Error: { } refused })
        {
            return Problems.From(refused);
        }

        chunk.Position = 0;
        await storage.PutAsync(StudyUploads.ChunkKey(media.Id, index), chunk, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same chunk arrived twice at once (a resend racing the original): its row is there, its bytes are the same.
            db.ChangeTracker.Clear();
            media = await StudyUploads.LoadOwnAsync(db, id, current.Id, cancellationToken);
            if (media is null || media.Chunks.All(c => c.Index != index))
            {
                throw;
            }
        }

        return TypedResults.Ok(StudyUploads.ToResponse(media!));
    }
}
