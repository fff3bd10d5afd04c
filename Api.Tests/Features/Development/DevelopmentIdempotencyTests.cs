using System.Text.Json;

namespace SmartBranch.Api.Tests.Features.Development;

/// <summary>
/// The committee's creating posts honour <c>Idempotency-Key</c> (the mini-program sends one per form submission): a new
/// record and a step sent again with the same key are created once and answered with the first result (publicity and
/// thought reports carry the same endpoint metadata).
/// </summary>
public sealed class DevelopmentIdempotencyTests : FunctionalTest
{
    private static HttpRequestMessage Post(string path, object body, string key) => new(HttpMethod.Post, path)
    {
        Content = JsonContent.Create(body, options: ApiClients.Json),
        Headers = { { "Idempotency-Key", key } },
    };

    private static async Task<(HttpResponseMessage First, HttpResponseMessage Again)> TwiceAsync(HttpClient client, string path, object body)
    {
        var key = Guid.NewGuid().ToString();
        return (await client.SendAsync(Post(path, body, key)), await client.SendAsync(Post(path, body, key)));
    }

    private static async Task AssertReplayedAsync(HttpResponseMessage first, HttpResponseMessage again)
    {
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created), await again.Content.ReadAsStringAsync());
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(again.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
    }

    [Test]
    public async Task CreatesOneRecord_AndOneStep_WhenEachIsSentTwiceWithOneKey()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var number = $"K{Guid.NewGuid():N}"[..12];

        var (created, createdAgain) = await TwiceAsync(secretary, "/api/development/records",
            new { branchId = org.A.Id, name = "周小川", number, birthDate = today.AddYears(-20), appliedOn = today });
        await AssertReplayedAsync(created, createdAgain);
        var id = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetInt32();

        var (talk, talkAgain) = await TwiceAsync(secretary, $"/api/development/records/{id}/steps",
            new { kind = "ApplicantTalk", talkPartnerIds = new[] { org.A.Secretary.Id } });
        await AssertReplayedAsync(talk, talkAgain);

        var (records, steps) = await App.WithDbAsync(async db => (
            await db.DevelopmentRecords.CountAsync(r => r.Number == number),
            await db.DevelopmentSteps.CountAsync(s => s.RecordId == id)));
        Assert.That((records, steps), Is.EqualTo((1, 2)), "one record with the application and one talk");
    }
}
