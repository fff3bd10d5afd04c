using SmartBranch.Api.Tests.Features.Notices;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>Concurrency conflicts (a unique index another request won) answer 409 with a clear message, never 500.</summary>
public sealed class ConcurrencyConflictTests : FunctionalTest
{
    // A frozen clock gives the three reminders the same slot, so they race for the same unique rows.
    protected override AppFactory CreateApp() => new(fakeTime: true);

    [Test]
    public async Task Returns409_WhenThreeRemindUnreadArriveTogether()
    {
        var org = await App.SeedAsync(members: 3);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var taps = new[] { secretary, await App.SignInAsync(org.A.Secretary), await App.SignInAsync(org.A.Secretary) };

        var answers = await Task.WhenAll(taps.Select(c => c.PostAsync($"/api/notices/{id}/remind-unread", null)));

        var statuses = answers.Select(a => a.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(", ", statuses));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
        }

        // Every unread member is reminded exactly once.
        var unread = await App.WithDbAsync(db => db.NoticeRecipients.CountAsync(r => r.NoticeId == id && r.FirstReadAt == null));
        var reminded = await App.WithDbAsync(db => db.Reminders
            .Where(r => r.SubjectType == SubjectTypes.Notice && r.SubjectId == id && r.Slot.StartsWith("unread-"))
            .GroupBy(r => r.MemberId).Select(g => g.Count()).ToListAsync());
        Assert.That(reminded, Has.Count.EqualTo(unread).And.All.EqualTo(1));
    }
}
