namespace SmartBranch.Api.Tests.Features.Notices;

/// <summary>
/// The audience policy works over the unit tree the caller's access scope loaded: at most one read of the unit table per
/// request (none when the access cache already holds the tree for the current generation; once on a miss).
/// </summary>
public sealed class PostNoticeQueriesTests : FunctionalTest
{
    protected override AppFactory CreateApp() => new(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    });

    [Test]
    public async Task ReadsTheUnitTableAtMostOnce_WhenANoticeIsPostedToUnitsAndChosenMembers()
    {
        var (org, client) = await App.SeedSignedInAsync(members: 3);
        var before = App.Logs.Lines.Count;

        var response = await client.PostAsJsonAsync("/api/notices", NoticeTestApi.Request([org.A.Id], memberIds: [org.A.Members[0].Id]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var commands = App.Logs.Lines.Skip(before).Where(l => l.Contains("Executed DbCommand", StringComparison.Ordinal)).ToList();
        Assert.That(commands.Count(c => c.Contains("FROM \"Units\"", StringComparison.Ordinal)), Is.LessThanOrEqualTo(1), string.Join("\n", commands));
    }
}
