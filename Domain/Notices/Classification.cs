using System.Text;
using System.Text.RegularExpressions;
using SmartBranch.Domain.Common;

namespace SmartBranch.Domain.Notices;

/// <summary>
/// Finds state-secret classification markings (密级标识: 秘密, 机密, 绝密) in text. Classified material must
/// never be stored (Domain/README.md), but the words also occur in ordinary sentences ("没有秘密可言",
/// "机密文件管理培训"), so only the ways a marking is written count: the level followed by ★ and a term
/// ("机密★1年"), the level followed by 级 ("秘密级"), a "密级" label ("密级：机密"), the level alone in
/// brackets ("【绝密】"), or the level alone on a line (the header of a classified document).
/// </summary>
public static class Classification
{
    /// <summary>The refusal shown to the poster.</summary>
    public static DomainError Refusal(string marking) => new(
        "notice.classified",
        $"内容中含有密级标识“{marking}”。涉密信息严禁在互联网平台存储和传播，本系统不接收涉密内容。请删除涉密内容后重新发布；确需传达的涉密事项，请通过机要渠道办理。");

    /// <summary>The first classification marking in <paramref name="text"/>, or null when there is none.</summary>
    public static string? FindMarking(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = Normalize(text);
        foreach (var pattern in Patterns)
        {
            var match = pattern.Match(normalized);
            if (match.Success)
            {
                return match.Value.Trim();
            }
        }

        return null;
    }

    /// <summary>Refuses text carrying a marking.</summary>
    public static Result Check(params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (FindMarking(text) is { } marking)
            {
                return Refusal(marking);
            }
        }

        return Result.Ok;
    }

    /// <summary>Full-width forms become ASCII (：→:, （→(), invisible characters go, so disguised markings still match.</summary>
    private static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            builder.Append(c == '\u3000' ? ' ' : c);
        }

        return builder.ToString();
    }

    // A level word, tolerating spaces put between its two characters.
    private const string Level = @"(?:秘[ \t]*密|机[ \t]*密|绝[ \t]*密)";
    private const string Stars = @"[★☆*✩✪✫✬✭✮✯⭐]";

    private static readonly Regex[] Patterns =
    [
        // 机密★1年, 绝密 ★ 长期, 秘密☆
        new(Level + @"\s*" + Stars, RegexOptions.CultureInvariant),

        // 秘密级, 机密级文件 (but not 机密级别: talking about levels is not a marking)
        new(Level + @"\s*级(?!别)", RegexOptions.CultureInvariant),

        // 密级：机密, 密级 绝密, 密级:"秘密"
        new(@"密\s*级\s*[:：]?\s*[""“'‘「『]?\s*" + Level, RegexOptions.CultureInvariant),

        // 【机密】, [绝密], (秘密), 〔机密〕
        new(@"[\[【(〔「『<《]\s*" + Level + @"\s*[\]】)〕」』>》]", RegexOptions.CultureInvariant),

        // A line holding nothing but the level: the header of a classified document.
        new(@"(?m)^[ \t]*" + Level + @"[ \t]*\r?$", RegexOptions.CultureInvariant),
    ];
}
