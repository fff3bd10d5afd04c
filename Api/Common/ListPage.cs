using System.Globalization;

namespace SmartBranch.Api.Common;

/// <summary>
/// The one shape of every list the API answers: <c>{ "items": [...], "nextCursor": string|null }</c>. A list that is
/// paged passes <c>nextCursor</c> back as <c>?cursor=</c> for the next page; null means there is no next page (a list
/// that is never paged always answers null). The OpenAPI schema id is the item's id + "Page" (NoticeListItem → NoticeListPage).
/// A cursor the list cannot read is refused with a 400 ProblemDetails (code <c>list.invalid_cursor</c>, Problems.InvalidCursor).
/// </summary>
/// <typeparam name="T">The item record.</typeparam>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? NextCursor = null);

/// <summary>The paging cursor of every list: reading the common id cursor and the one refusal of a bad cursor.</summary>
public static class ListCursor
{
    /// <summary>The stable code of the bad-cursor refusal.</summary>
    public const string InvalidCode = "list.invalid_cursor";

    /// <summary>The Chinese detail of the bad-cursor refusal.</summary>
    public const string InvalidDetail = "分页位置无效，请从第一页重新加载。";

    /// <summary>The Chinese title of the bad-cursor refusal.</summary>
    public const string InvalidTitle = "分页参数无效";

    /// <summary>
    /// Reads an id cursor (a list paged by descending id answers the last id as <c>nextCursor</c>): true with null
    /// when there is none, true with the id when it is a positive integer, false otherwise (answer <see cref="Problems.InvalidCursor"/>).
    /// </summary>
    public static bool TryReadId(string? cursor, out long? before)
    {
        before = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        before = id;
        return true;
    }

    /// <summary>
    /// Writes a keyset cursor: the sort keys of the page's last item followed by its id, dot-separated non-negative
    /// integers (a time is written as its UTC ticks). Read back with <see cref="TryReadKeys"/>.
    /// </summary>
    public static string WriteKeys(params ReadOnlySpan<long> keys)
    {
        var parts = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            parts[i] = keys[i].ToString(CultureInfo.InvariantCulture);
        }

        return string.Join('.', parts);
    }

    /// <summary>
    /// Reads a keyset cursor written by <see cref="WriteKeys"/> with <paramref name="count"/> parts: true with null when
    /// there is none, true with the parts when each is a non-negative integer and the last (the id) is positive, false
    /// otherwise (answer <see cref="Problems.InvalidCursor"/>).
    /// </summary>
    public static bool TryReadKeys(string? cursor, int count, out long[]? keys)
    {
        keys = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        var parts = cursor.Split('.');
        if (parts.Length != count)
        {
            return false;
        }

        var read = new long[count];
        for (var i = 0; i < count; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out read[i]))
            {
                return false;
            }
        }

        if (read[^1] <= 0)
        {
            return false;
        }

        keys = read;
        return true;
    }
}
