using System.Text.Json;
using SmartBranch.Api.Common;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>Every page the server sends people to (codes, subscription messages, inbox links) exists in the bundled mini-program.</summary>
public sealed class MiniProgramPagesTests
{
    private static readonly string[] ServerPages =
    [
        MiniProgramPages.Bind,
        MiniProgramPages.ActivityCheckIn,
        MiniProgramPages.MeetingCheckIn,
        MiniProgramPages.NoticeDetail(1),
        MiniProgramPages.ActivityDetail(1),
        MiniProgramPages.MeetingDetail(1),
        MiniProgramPages.Story(1),
        MiniProgramPages.Mailbox,
        MiniProgramPages.ConsoleLoginConfirm,
    ];

    [TestCaseSource(nameof(ServerPages))]
    public void IsListedInAppJson(string page)
    {
        using var appJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "miniprogram", "app.json")));
        var pages = appJson.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetString()).ToList();
        if (appJson.RootElement.TryGetProperty("subPackages", out var subPackages))
        {
            pages.AddRange(subPackages.EnumerateArray().SelectMany(s =>
                s.GetProperty("pages").EnumerateArray().Select(p => $"{s.GetProperty("root").GetString()!.TrimEnd('/')}/{p.GetString()}")));
        }

        Assert.That(pages, Does.Contain(page.Split('?')[0]));
    }
}
