namespace SmartBranch.Infrastructure.Media;

/// <summary>
/// The one place that recognises an uploaded file by its first bytes (magic numbers), never by its name or declared
/// type: images (brand media, development attachments) and PDF (attachments, study media; audio and video formats are
/// in <see cref="MediaFiles.Sniff"/>).
/// </summary>
public static class FileSignatures
{
    /// <summary>Bytes the checks here need from the start of a file.</summary>
    public const int HeadLength = 16;

    /// <summary>PNG, JPEG, GIF or WebP: the content type and file extension, or null for anything else.</summary>
    public static (string ContentType, string Extension)? Image(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("image/png", ".png");
        }

        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return ("image/jpeg", ".jpg");
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ("image/gif", ".gif");
        }

        return head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)
            ? ("image/webp", ".webp")
            : null;
    }

    /// <summary>A PDF document (<c>%PDF-</c>).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);
}
