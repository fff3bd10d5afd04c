namespace SmartBranch.Api.Features.Transfers;

public static class GetTransfer
{
    /// <summary>One transfer for the member, the sending and the receiving branch; 404 for anyone else.</summary>
    public static async Task<Results<Ok<TransferView>, ProblemHttpResult>> Handle(
        int id,
        IdNumbers ids,
        [AsParameters] HandlerServices services)
    {
        var (current, db, _, time, cancellationToken) = services;
        var access = await current.GetAccessAsync(cancellationToken);
        var (transfer, refusal) = await TransferAccess.LoadAsync(db, access, id, _ => true, cancellationToken);
        return transfer is null ? Problems.From(refusal!) : TypedResults.Ok(await TransferViews.BuildOneAsync(db, access, ids, transfer, time, cancellationToken));
    }
}
