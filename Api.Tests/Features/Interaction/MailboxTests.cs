using System.Text.Json;
using SmartBranch.Api.Common;
using SmartBranch.Api.Features.Mailbox;
using SmartBranch.Api.Tests.Features.Brand;
using SmartBranch.Api.Tests.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Features.Interaction;

/// <summary>
/// 书记信箱 over HTTP with a controlled clock. The clock starts on Monday 2026-03-02 09:00 China time, so with the
/// default 5 working days a message is due by the end of Monday 03-09 and goes to the general branch at the end
/// of Monday 03-16.
/// </summary>
public sealed class MailboxTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task RefusesAndStoresNothing_WhenTheTextHasOnlyInvisibleCharacters()
    {
        var (org, member) = await App.SeedSignedInAsync(who: o => o.A.Members[0]);

        var refused = await member.PostOkAsync("/api/mailbox", new { addressee = "Branch", category = "Suggestion", text = "\u200b\u200c" }, HttpStatusCode.BadRequest);
        var stored = await App.WithDbAsync(db => db.MailboxMessages.CountAsync(m => m.AuthorMemberId == org.A.Members[0].Id));

        Assert.Multiple(() =>
        {
            Assert.That(refused.GetProperty("errors").GetProperty("text")[0].GetString(), Is.EqualTo("请填写留言内容。"));
            Assert.That(stored, Is.Zero);
        });
    }

    /// <summary>Each test starts its clock where the last one left it; tests only move forward, by whole days past the start.</summary>
    private void AdvanceTo(DateTimeOffset target)
    {
        if (target > Now)
        {
            App.Time!.Advance(target - Now);
        }
    }

    private DateTimeOffset NextMonday9()
    {
        var local = Now.ToOffset(TimeSpan.FromHours(8));
        var day = local.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
    }

    [Test]
    public async Task DeadlineIsFiveWorkingDaysEndOfDay_AndALateAnswerIsFlagged()
    {
        var start = NextMonday9();
        AdvanceTo(start);
        var (org, member) = await App.SeedSignedInAsync(who: o => o.A.Members[0]);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var id = await member.WriteToMailboxAsync();

        var mine = await member.GetOkAsync("/api/mailbox/mine");
        var due = mine.Item(id).GetProperty("replyDueAt").GetDateTimeOffset();
        Assert.That(due, Is.EqualTo(new DateTimeOffset(start.Date.AddDays(8), TimeSpan.FromHours(8))), "end of the 5th working day after Monday = end of next Monday");

        var inTime = await secretary.GetOkAsync("/api/mailbox");
        Assert.That(inTime.Item(id).GetProperty("overdue").GetBoolean(), Is.False);
        Assert.That(inTime.GetProperty("overdue").GetInt32(), Is.Zero);

        AdvanceTo(due.AddHours(9));
        var late = await secretary.GetOkAsync("/api/mailbox?overdueOnly=true");
        Assert.That(late.Ids(), Is.EqualTo(new[] { id }));
        Assert.That(late.Item(id).GetProperty("overdue").GetBoolean(), Is.True);
        Assert.That(late.Item(id).GetProperty("escalated").GetBoolean(), Is.False);

        var answered = await secretary.PostOkAsync($"/api/mailbox/{id}/answer", new { text = "已安排，下周起试行。" });
        Assert.That(answered.GetProperty("status").GetString(), Is.EqualTo("Answered"));
        Assert.That(answered.GetProperty("replies")[0].GetProperty("onTime").GetBoolean(), Is.False);
        Assert.That(await App.WithDbAsync(db => db.MailboxMessages.Where(m => m.Id == id).Select(m => m.FirstAnsweredOnTime).SingleAsync()), Is.False);

        var figures = await (await App.SignInAsync(org.Admin)).GetOkAsync($"/api/mailbox/figures?generalBranchId={org.GeneralBranchId}");
        var branch = figures.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetInt32() == org.A.Id);
        Assert.That(branch.GetProperty("messages").GetInt32(), Is.EqualTo(1));
        Assert.That(branch.GetProperty("answered").GetInt32(), Is.EqualTo(1));
        Assert.That(branch.GetProperty("answeredOnTimePercent").GetDouble(), Is.Zero);
        Assert.That(branch.GetProperty("medianHoursToAnswer").GetDouble(), Is.EqualTo((due.AddHours(9) - start).TotalHours).Within(0.05));
    }

    [Test]
    public async Task PagesThroughNextCursor_WithNothingLostOrRepeated_AndFiguresOverTheWholeList()
    {
        AdvanceTo(NextMonday9());
        var (org, member) = await App.SeedSignedInAsync(who: o => o.A.Members[0]);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var written = new List<int>();
        for (var i = 0; i < ListMailbox.PageSize + 3; i++)
        {
            if (i == 12)
            {
                // The rest are due a day later; within each day the messages share a deadline and sort by id.
                AdvanceTo(Now.AddDays(1));
            }

            written.Add(await member.WriteToMailboxAsync($"建议第{i + 1}条：增加一次线上学习。"));
        }

        var answered = new[] { written[14], written[2], written[20] };
        foreach (var id in answered)
        {
            await secretary.PostOkAsync($"/api/mailbox/{id}/answer", new { text = "已收到，正在安排。" });
        }

        AdvanceTo(Now.AddDays(30));
        var pages = new List<JsonElement>();
        for (var cursor = default(string); pages.Count < 5;)
        {
            var page = await secretary.GetOkAsync("/api/mailbox" + (cursor is null ? string.Empty : $"?cursor={Uri.EscapeDataString(cursor)}"));
            pages.Add(page);
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        // States by name (Answered, Open), then oldest deadline, then id.
        var expected = answered.Order().Concat(written.Except(answered)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Ids().Count), Is.EqualTo(new[] { ListMailbox.PageSize, 3 }));
            Assert.That(pages.SelectMany(p => p.Ids()), Is.EqualTo(expected), "every message once, in order");
            Assert.That(pages.Select(p => p.GetProperty("overdue").GetInt32()), Is.All.EqualTo(written.Count - answered.Length), "counted over the whole list");
            Assert.That(pages.Select(p => p.GetProperty("escalated").GetInt32()), Is.All.EqualTo(written.Count - answered.Length));
        });

        foreach (var bad in new[] { "x", "7", "0.1", "9.1.2", "1.99999999999999999999.2" })
        {
            await (await secretary.GetAsync($"/api/mailbox?cursor={bad}")).AssertProblemAsync(HttpStatusCode.BadRequest, ListCursor.InvalidCode);
        }
    }

    [Test]
    public async Task FlagMovesToTheGeneralBranch_AfterTheSecondPeriod()
    {
        var start = NextMonday9();
        AdvanceTo(start);
        var (org, member) = await App.SeedSignedInAsync(who: o => o.A.Members[1]);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var admin = await App.SignInAsync(org.Admin);
        var id = await member.WriteToMailboxAsync("宿舍楼党员活动室能否周末开放？", category: "Question");

        Assert.That((await admin.GetOkAsync("/api/mailbox")).Ids(), Does.Not.Contain(id), "the general branch does not read a branch's mailbox");
        await admin.SendAsync(HttpMethod.Get, $"/api/mailbox/{id}", null, HttpStatusCode.NotFound);

        // Past the deadline: flagged to the secretary, by list and by reminder; not yet to the general branch.
        AdvanceTo(new DateTimeOffset(start.Date.AddDays(9), TimeSpan.FromHours(8)).AddHours(8));
        await App.DrainAsync();
        Assert.That((await secretary.GetOkAsync("/api/mailbox")).Item(id).GetProperty("overdue").GetBoolean(), Is.True);
        Assert.That((await admin.GetOkAsync("/api/mailbox")).Ids(), Does.Not.Contain(id));
        var reminders = await App.RemindersAsync(SubjectTypes.MailboxMessage, id);
        Assert.That(reminders.Single(r => r.Slot == "overdue-0").MemberId, Is.EqualTo(org.A.Secretary.Id));
        Assert.That(reminders.Single(r => r.Slot == "overdue-0").InInbox, Is.True);
        Assert.That(reminders.Single(r => r.Slot == "escalated-0").IsPending, Is.True);

        // Past the second period: the general branch sees it, flagged, and is reminded.
        AdvanceTo(new DateTimeOffset(start.Date.AddDays(16), TimeSpan.FromHours(8)).AddHours(8));
        await App.DrainAsync();
        var adminList = await admin.GetOkAsync("/api/mailbox");
        Assert.That(adminList.Item(id).GetProperty("escalated").GetBoolean(), Is.True);
        Assert.That(adminList.GetProperty("escalated").GetInt32(), Is.EqualTo(1));
        var escalated = (await App.RemindersAsync(SubjectTypes.MailboxMessage, id)).Single(r => r.Slot == "escalated-0");
        Assert.That(escalated.MemberId, Is.EqualTo(org.Admin.Id));
        Assert.That(escalated.InInbox, Is.True);
        var inbox = await admin.GetOkAsync("/api/inbox");
        Assert.That(inbox.ToString(), Does.Contain("逾期转党总支"));

        // The general branch answers; the writer is told.
        await admin.PostOkAsync($"/api/mailbox/{id}/answer", new { text = "已协调学院，周六上午开放。" });
        await App.DrainAsync();
        var answer = (await App.RemindersAsync(SubjectTypes.MailboxMessage, id)).Single(r => r.Slot == "answer-1");
        Assert.That(answer.MemberId, Is.EqualTo(org.A.Members[1].Id));
        Assert.That(answer.InInbox, Is.True);
    }

    [Test]
    public async Task AnswerRemindsTheWriter_AndNotResolvedReopensWithANewDeadline()
    {
        AdvanceTo(NextMonday9());
        var (org, member) = await App.SeedSignedInAsync(who: o => o.A.Members[0]);
        var secretary = await App.SignInAsync(org.A.Secretary);
        var id = await member.WriteToMailboxAsync("家中老人生病，希望支部帮助联系医院。", category: "Difficulty");

        await member.PostOkAsync($"/api/mailbox/{id}/resolution", new { resolved = true }, HttpStatusCode.Conflict);
        await secretary.PostOkAsync($"/api/mailbox/{id}/answer", new { text = "已联系校医院。" });
        await secretary.PostOkAsync($"/api/mailbox/{id}/answer", new { text = "再答一次" }, HttpStatusCode.Conflict);
        await App.DrainAsync();
        var answer = (await App.RemindersAsync(SubjectTypes.MailboxMessage, id)).Single(r => r.Slot == "answer-1");
        Assert.That((answer.MemberId, answer.Page), Is.EqualTo((org.A.Members[0].Id, "pages/mailbox/index")));
        Assert.That((await App.RemindersAsync(SubjectTypes.MailboxMessage, id)).Where(r => r.Slot.StartsWith("overdue", StringComparison.Ordinal)).Select(r => r.Status), Is.All.EqualTo(ReminderStatus.Cancelled));

        App.Time!.Advance(TimeSpan.FromDays(1));
        var reopened = await member.PostOkAsync($"/api/mailbox/{id}/resolution", new { resolved = false });
        Assert.That(reopened.GetProperty("status").GetString(), Is.EqualTo("Open"));
        Assert.That(reopened.GetProperty("replyDueAt").GetDateTimeOffset(), Is.GreaterThan(Now.AddDays(5)));
        Assert.That((await App.RemindersAsync(SubjectTypes.MailboxMessage, id)).Count(r => r.Slot == "overdue-1"), Is.EqualTo(1));

        await secretary.PostOkAsync($"/api/mailbox/{id}/answer", new { text = "已协调附属医院专家门诊。" });
        var resolved = await member.PostOkAsync($"/api/mailbox/{id}/resolution", new { resolved = true });
        Assert.That(resolved.GetProperty("status").GetString(), Is.EqualTo("Resolved"));
        Assert.That(resolved.GetProperty("replies").GetArrayLength(), Is.EqualTo(2));
        Assert.That(resolved.GetProperty("replies")[0].GetProperty("answeredBy").GetString(), Is.EqualTo(org.A.Secretary.Name));
    }

    [Test]
    public async Task RefusesClassifiedText_AndRiskyText_StoringNothing()
    {
        var (org, member) = await App.SeedSignedInAsync(who: o => o.A.Members[0]);
        var word = $"违禁{Guid.NewGuid():N}"[..10];
        App.Emulator.AddRiskyWord(word);

        var classified = await member.SendAsync(HttpMethod.Post, "/api/mailbox", new { addressee = "Branch", category = "Report", text = "附件：机密★1年 的会议纪要", anonymous = false }, HttpStatusCode.UnprocessableEntity);
        Assert.That(classified.GetProperty("detail").GetString(), Does.Contain("密级"));
        await member.SendAsync(HttpMethod.Post, "/api/mailbox", new { addressee = "Branch", category = "Report", text = $"反映{word}问题", anonymous = false }, HttpStatusCode.UnprocessableEntity);
        await member.SendAsync(HttpMethod.Post, "/api/mailbox", new { addressee = "Branch", category = "Nope", text = "x", anonymous = false }, HttpStatusCode.BadRequest);
        await member.SendAsync(HttpMethod.Post, "/api/mailbox", new { addressee = "Branch", category = "Report", text = "", anonymous = false }, HttpStatusCode.BadRequest);
        Assert.That(await App.WithDbAsync(db => db.MailboxMessages.CountAsync(m => m.AuthorMemberId == org.A.Members[0].Id)), Is.Zero);
    }

    [Test]
    public async Task AnonymousAuthorAppearsInNoResponseASecretaryOrAdminCanRead()
    {
        AdvanceTo(NextMonday9());
        App.Time!.Advance(new TimeSpan(0, 17, 23));

        // A crowd seeded first puts member ids far above the few message, audit and reminder ids of this fixture.
        await App.SeedAsync(branches: 1, members: 60);
        var org = await App.SeedAsync();
        var unitIds = new HashSet<int> { org.GeneralBranchId, org.A.Id, org.B.Id, org.A.PartyGroupId, org.B.PartyGroupId };
        var author = org.A.Members[2];
        var writer = await App.SignInAsync(author);
        var image = await writer.UploadImageAsync("Committee");
        var id = await writer.WriteToMailboxAsync("反映食堂党员示范岗值班安排不合理。", anonymous: true, category: "Report", imageIds: [image]);
        var toGeneral = await writer.WriteToMailboxAsync("建议党总支统一组织党课。", anonymous: true, addressee: "GeneralBranch");

        var secretary = await App.SignInAsync(org.A.Secretary);
        var admin = await App.SignInAsync(org.Admin);
        var bodies = new List<(string What, string Body)>();

        async Task Fetch(HttpClient client, string who, HttpMethod method, string url, object? body = null)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });
            bodies.Add(($"{who} {method} {url} → {(int)response.StatusCode}", await response.Content.ReadAsStringAsync()));
        }

        await Fetch(secretary, "secretary", HttpMethod.Get, "/api/mailbox");
        await Fetch(secretary, "secretary", HttpMethod.Get, "/api/mailbox?status=Open");
        await Fetch(secretary, "secretary", HttpMethod.Get, $"/api/mailbox/{id}");
        await Fetch(secretary, "secretary", HttpMethod.Post, $"/api/mailbox/{id}/answer", new { text = "感谢反映，已调整。" });
        await Fetch(secretary, "secretary", HttpMethod.Get, $"/api/mailbox/{id}");
        await writer.PostOkAsync($"/api/mailbox/{id}/resolution", new { resolved = false });
        await Fetch(secretary, "secretary", HttpMethod.Get, $"/api/mailbox/{id}");
        await Fetch(secretary, "secretary", HttpMethod.Get, $"/api/reminders?subjectType=mailbox&subjectId={id}");
        await Fetch(secretary, "secretary", HttpMethod.Get, $"/api/audit?unitId={org.A.Id}");
        await Fetch(secretary, "secretary", HttpMethod.Get, "/api/audit");
        await Fetch(admin, "admin", HttpMethod.Get, "/api/mailbox");
        await Fetch(admin, "admin", HttpMethod.Get, $"/api/mailbox/{toGeneral}");
        await Fetch(admin, "admin", HttpMethod.Post, $"/api/mailbox/{toGeneral}/answer", new { text = "已列入计划。" });
        await Fetch(admin, "admin", HttpMethod.Get, $"/api/mailbox/figures?generalBranchId={org.GeneralBranchId}");
        await Fetch(admin, "admin", HttpMethod.Get, $"/api/audit?unitId={org.GeneralBranchId}");

        // Overdue and escalation reminders land in the readers' inboxes; they must not name the writer either.
        App.Time.Advance(TimeSpan.FromDays(30));
        await App.DrainAsync();
        await Fetch(secretary, "secretary", HttpMethod.Get, "/api/mailbox");
        await Fetch(secretary, "secretary", HttpMethod.Get, "/api/inbox");
        await Fetch(admin, "admin", HttpMethod.Get, "/api/mailbox");
        await Fetch(admin, "admin", HttpMethod.Get, "/api/inbox");

        Assert.That(bodies.Where(b => b.What.Contains("/api/mailbox") && b.What.Contains("GET")).Select(b => b.What), Is.All.Contains("→ 200"));
        var messageIds = new HashSet<int> { id, toGeneral };
        foreach (var (what, body) in bodies)
        {
            Assert.That(body, Does.Not.Contain(author.Name), what);
            Assert.That(body, Does.Not.Contain(author.Number), what);
            if (body.Length > 0 && body[0] is '{' or '[')
            {
                AssertNoIdOf(JsonSerializer.Deserialize<JsonElement>(body), author.Id, messageIds, unitIds, what);
            }
        }

        // Times of an anonymous message are cut to the hour for readers; the writer sees the exact time.
        var seen = await secretary.GetOkAsync($"/api/mailbox/{id}");
        var sentAt = seen.GetProperty("sentAt").GetDateTimeOffset();
        Assert.That((sentAt.Minute, sentAt.Second), Is.EqualTo((0, 0)));
        Assert.That(seen.GetProperty("author").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var own = (await writer.GetOkAsync("/api/mailbox/mine")).Item(id);
        Assert.That(own.GetProperty("sentAt").GetDateTimeOffset().Minute, Is.EqualTo(17));
        Assert.That(own.GetProperty("author").GetProperty("name").GetString(), Is.EqualTo(author.Name));
        Assert.That(await App.WithDbAsync(db => db.MailboxMessages.Where(m => m.Id == id).Select(m => m.AuthorMemberId).SingleAsync()), Is.EqualTo(author.Id), "the system knows the writer");
    }

    /// <summary>No number equal to the writer's id anywhere, except where it is a message's or a unit's own id (ids of different tables may coincide).</summary>
    private static void AssertNoIdOf(JsonElement element, int memberId, HashSet<int> messageIds, HashSet<int> unitIds, string what, string key = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertNoIdOf(property.Value, memberId, messageIds, unitIds, what, property.Name);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoIdOf(item, memberId, messageIds, unitIds, what, key);
                }

                break;
            case JsonValueKind.Number when element.TryGetInt32(out var value) && value == memberId:
                Assert.That((key is "id" or "subjectId" && messageIds.Contains(value)) || (key is "unitId" or "generalBranchId" && unitIds.Contains(value)),
                    $"{what}: \"{key}\": {value} is the writer's member id");
                break;
        }
    }
}
