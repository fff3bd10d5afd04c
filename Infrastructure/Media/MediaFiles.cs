using FFMpegCore;
using FFMpegCore.Exceptions;

namespace SmartBranch.Infrastructure.Media;

/// <summary>A file format accepted for study media, recognised from its first bytes.</summary>
/// <remarks><c>Family</c>: What the bytes say: <c>mp4</c> (ISO media: video or audio), <c>mp3</c>, <c>aac</c>, <c>wav</c> or <c>pdf</c>.</remarks>
public sealed record SniffedFormat(string Family, string Extension);

/// <summary>What ffprobe found in an audio or video file.</summary>
public sealed record ProbedMedia(TimeSpan Duration, bool HasVideo, bool HasAudio);

/// <summary>
/// File formats by content (magic bytes, never the name) and, for audio and video, what ffprobe finds in
/// them, through FFMpegCore over Debian's ffmpeg package (ffprobe and ffmpeg on PATH).
/// </summary>
public static class MediaFiles
{
    /// <summary>Bytes <see cref="Sniff"/> needs from the start of a file.</summary>
    public const int HeadLength = 16;

    /// <summary>The format of a file starting with <paramref name="head"/>, or null when it is none we accept.</summary>
    public static SniffedFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (FileSignatures.IsPdf(head))
        {
            return new SniffedFormat("pdf", ".pdf");
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return new SniffedFormat("mp4", head[8..12].SequenceEqual("M4A "u8) ? ".m4a" : ".mp4");
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return new SniffedFormat("wav", ".wav");
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE6) == 0xE2))
        {
            // An ID3 tag, or an MPEG audio frame sync with layer III.
            return new SniffedFormat("mp3", ".mp3");
        }

        return head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0 ? new SniffedFormat("aac", ".aac") : null;
    }

    /// <summary>Duration and streams of the audio or video file at <paramref name="path"/>, or null when ffprobe cannot read it as media.</summary>
    public static async Task<ProbedMedia?> ProbeAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var analysis = await FFProbe.AnalyseAsync(path, cancellationToken: cancellationToken);
            return new ProbedMedia(analysis.Duration, analysis.VideoStreams.Count > 0, analysis.AudioStreams.Count > 0);
        }
        catch (Exception ex) when (ex is FFMpegException or FormatNullException or FFProbeProcessException)
        {
            logger.LogInformation(ex, "ffprobe could not read an uploaded media file");
            return null;
        }
    }

    /// <summary>Writes one JPEG frame of the video at <paramref name="input"/>, taken at <paramref name="at"/>, to <paramref name="output"/>.</summary>
    public static async Task<bool> PosterAsync(string input, string output, TimeSpan at, CancellationToken cancellationToken) =>
        (await FFMpegArguments.FromFileInput(input, verifyExists: true, o => o.WithCustomArgument(FormattableString.Invariant($"-ss {at.TotalSeconds:0.###}")))
            .OutputToFile(output, overwrite: true, o => o.WithCustomArgument("-frames:v 1 -f image2 -c:v mjpeg"))
            .CancellableThrough(cancellationToken)
            .ProcessAsynchronously()).Success;
}
