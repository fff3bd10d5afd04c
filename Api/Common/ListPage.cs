namespace SmartBranch.Api.Common;

/// <summary>
/// The one shape of every list the API answers: <c>{ "items": [...], "nextCursor": string|null }</c>. A list that is
/// paged passes <c>nextCursor</c> back as <c>?cursor=</c> for the next page; null means there is no next page (a list
/// that is never paged always answers null). The OpenAPI schema id is the item's id + "Page" (NoticeListItem → NoticeListPage).
/// </summary>
/// <typeparam name="T">The item record.</typeparam>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? NextCursor = null);
