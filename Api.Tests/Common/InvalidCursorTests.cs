using SmartBranch.Api.Common;

namespace SmartBranch.Api.Tests.Common;

/// <summary>Every paged list refuses a cursor it did not answer with the one 400 (code list.invalid_cursor).</summary>
public sealed class InvalidCursorTests() : SeededTest(branches: 1, members: 2)
{
    private static readonly string[] BadCursors = ["not-a-cursor", "-3", "0"];

    [Test]
    public async Task Returns400InvalidCursor_OnEveryPagedList_WhenTheCursorIsNotANextCursor()
    {
        var secretary = await App.SignInAsync(Org.A.Secretary);
        string[] lists =
        [
            "/api/notices",
            "/api/stories",
            "/api/study/materials",
            "/api/inbox",
            $"/api/audit?unitId={Org.A.Id}",
            "/api/activities?scope=open",
            "/api/activities?scope=past",
            "/api/mailbox",
            "/api/meetings?scope=upcoming",
            "/api/meetings?scope=past",
            "/api/meetings?scope=mine",
        ];

        foreach (var list in lists)
        {
            foreach (var cursor in BadCursors)
            {
                var url = $"{list}{(list.Contains('?') ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}";
                var problem = await (await secretary.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, ListCursor.InvalidCode);
                Assert.Multiple(() =>
                {
                    Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("分页参数无效"), url);
                    Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("分页位置无效，请从第一页重新加载。"), url);
                });
            }
        }
    }
}
