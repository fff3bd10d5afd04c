using SmartBranch.Api.Common;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// A server without a CJK font cannot print 签到表 or 介绍信 (503). The secretary reads one Chinese sentence; which
/// font paths were looked at and which Debian package to install go to the operator's log, not to the answer. (The
/// font is installed once per process, so the answer is checked here rather than through a server without fonts.)
/// </summary>
public sealed class NoChineseFontTests
{
    [Test]
    public void TellsTheSecretaryInChinese_AndTheOperatorInTheLog_WhenNoChineseFontIsInstalled()
    {
        using var logs = new CapturedLogs();
        const string problem = "No CJK font found (looked at /usr/share/fonts/truetype/wqy/wqy-microhei.ttc). Install the Debian package fonts-wqy-microhei (or fonts-noto-cjk) or set Letters:FontPath to a .ttf/.otf/.ttc CJK font.";

        var answer = Problems.NoChineseFont(logs.CreateLogger("SmartBranch.Api.Features.Meetings.GetAttendanceSheet"), "签到表", problem);

        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.EqualTo(503));
            Assert.That(answer.ProblemDetails.Title, Is.EqualTo("服务暂不可用"));
            Assert.That(answer.ProblemDetails.Detail, Is.EqualTo("服务器未安装中文字体，暂时无法打印签到表，请联系管理员。"));
            Assert.That(logs.Lines, Has.One.StartsWith("Error ").And.Contains("签到表").And.Contains("fonts-wqy-microhei"));
        });
    }
}
