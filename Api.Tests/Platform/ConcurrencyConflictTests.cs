using SmartBranch.Api.Tests.Features.Notices;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>Concurrency conflicts (a unique index another request won) answer 409 with a clear message, never 500.</summary>
// A frozen clock gives the three reminders the same slot, so they race for the same unique rows.
public sealed class ConcurrencyConflictTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task Answers409NotServerError_AndRemindsEachMemberOnce_WhenThreeRemindUnreadArriveTogether()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 3);
        var id = await secretary.PostNoticeAsync(NoticeTestApi.Request([org.A.Id]));
        var taps = new[] { secretary, await App.SignInAsync(org.A.Secretary), await App.SignInAsync(org.A.Secretary) };

        var answers = await Task.WhenAll(taps.Select(c => c.PostAsync($"/api/notices/{id}/remind-unread", null)));

        // Never a 500: the tap that queues the reminders answers 200; a tap refused by the cooldown or by the
        // unique index answers 409; a tap that checked before the first committed finds nothing left to queue.
        var statuses = answers.Select(a => a.StatusCode).ToList();
        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Conflict), string.Join(", ", statuses));
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
        }

        var reminded = new List<int>();
        foreach (var ok in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            reminded.Add((await ok.ReadAsync<System.Text.Json.JsonElement>()).GetProperty("reminded").GetInt32());
        }

        // Every unread member is reminded exactly once.
        var unread = await App.WithDbAsync(db => db.NoticeRecipients.CountAsync(r => r.NoticeId == id && r.FirstReadAt == null));
        var stored = await App.WithDbAsync(db => db.Reminders
            .Where(r => r.SubjectType == SubjectTypes.Notice && r.SubjectId == id && r.Slot.StartsWith("unread-"))
            .GroupBy(r => r.MemberId).Select(g => g.Count()).ToListAsync());
        Assert.That(unread, Is.GreaterThanOrEqualTo(3));
        Assert.That(stored, Has.Count.EqualTo(unread).And.All.EqualTo(1));
        Assert.That(reminded.Order(), Is.EqualTo(new[] { 0, 0, unread }.TakeLast(reminded.Count)), "one tap queued them all");
    }

    [Test]
    public async Task RecognisesAUniqueViolation_OnTheTestProvider()
    {
        var org = await App.SeedAsync(branches: 1, members: 1);
        await App.WithDbAsync(async db =>
        {
            db.MeetingCadences.Add(new MeetingCadence(org.A.Id, MeetingType.PartyLesson, Cadence.Monthly));
            await db.SaveChangesAsync();
        });

        var failure = await App.WithDbAsync(async db =>
        {
            db.MeetingCadences.Add(new MeetingCadence(org.A.Id, MeetingType.PartyLesson, Cadence.Yearly));
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.That(failure!.IsUniqueViolation(), Is.True, failure!.InnerException?.Message);
        Assert.That(new DbUpdateException("not a database error").IsUniqueViolation(), Is.False);
    }
}
