using System.Text.RegularExpressions;

namespace SmartBranch.Api.Tests.Features.Notices;

/// <summary>Notice bodies go through an allow-list: known XSS payloads never survive, ordinary formatting does.</summary>
public sealed partial class NoticeSanitizingTests() : SeededTest(branches: 1, members: 1)
{
    private HttpClient _secretary = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _secretary = await App.SignInAsync(Org.A.Secretary);
    }

    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://ok.example/a.png\" onerror=\"alert(1)\">",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<img src=`javascript:alert(1)`>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<img src=\"http://insecure.example/a.png\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">点我</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">点我</a>",
        "<a href=\" javascript:alert(1)\">点我</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">点我</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">点我</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">点我</a>",
        "<a href=\"vbscript:msgbox(1)\">点我</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">点我</a>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">点我</a>",
        "<p style=\"width: expression(alert(1))\">样式</p>",
        "<p style=\"background:url(javascript:alert(1))\">样式</p>",
        "<p style=\"behavior: url(xss.htc)\">样式</p>",
        "<div style=\"-moz-binding: url(https://evil.example/xss.xml#xss)\">样式</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<body onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">悬停</div>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<!--<img src=x onerror=alert(1)>-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ];

    private static IEnumerable<string> XssPayloads => Payloads;

    [TestCaseSource(nameof(XssPayloads))]
    public async Task NothingExecutableSurvives_WhenBodyCarriesAnXssPayload(string payload)
    {
        var id = await _secretary.PostNoticeAsync(NoticeTestApi.Request([Org.A.Id], body: "<p>正文</p>" + payload));

        var stored = (await _secretary.GetJsonAsync($"/api/notices/{id}")).GetProperty("body").GetString()!;

        var lower = stored.ToLowerInvariant();
        Assert.Multiple(() =>
        {
            foreach (var tag in new[] { "<script", "<iframe", "<svg", "<object", "<embed", "<form", "<input", "<style", "<link", "<meta", "<base", "<math", "<body", "<details", "<video", "<source", "<noscript", "<!--" })
            {
                Assert.That(lower, Does.Not.Contain(tag), stored);
            }

            foreach (var scheme in new[] { "javascript:", "vbscript:", "data:", "expression(", "behavior", "-moz-binding", "http://insecure" })
            {
                Assert.That(lower, Does.Not.Contain(scheme), stored);
            }

            Assert.That(EventHandler().IsMatch(stored), Is.False, stored);
            Assert.That(stored, Does.StartWith("<p>正文</p>"));
        });
    }

    [Test]
    public async Task KeepsFormattingTheRichTextComponentShows_WhenBodyIsOrdinary()
    {
        const string body = "<h2>会议安排</h2><p><strong>时间</strong>：周五 <em>14:00</em>，<u>地点</u>：<span style=\"color: red\">三楼会议室</span></p>"
            + "<ul><li>签到</li><li>学习</li></ul><p><a href=\"https://www.12371.cn/\">共产党员网</a></p><p><img src=\"https://img.example/a.png\" alt=\"图\"></p>"
            + "<table><tbody><tr><th>姓名</th><td>王建国</td></tr></tbody></table>";

        var id = await _secretary.PostNoticeAsync(NoticeTestApi.Request([Org.A.Id], body: body));

        var stored = (await _secretary.GetJsonAsync($"/api/notices/{id}")).GetProperty("body").GetString()!;
        Assert.Multiple(() =>
        {
            foreach (var part in new[] { "<h2>会议安排</h2>", "<strong>时间</strong>", "<em>14:00</em>", "<u>地点</u>", "style=\"color: rgba(255, 0, 0, 1)\"", "<li>签到</li>",
                "href=\"https://www.12371.cn/\"", "src=\"https://img.example/a.png\"", "<th>姓名</th>", "<td>王建国</td>" })
            {
                Assert.That(stored, Does.Contain(part));
            }
        });
    }

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
