using System.Text;
using SmartBranch.Api.Common.Tables;

namespace SmartBranch.Api.Tests.Features.Activities;

public sealed class GetAttendanceTests() : FunctionalTest(fakeTime: true)
{
    [Test]
    public async Task CountsSignedUpCheckedInAbsentAndWaiting_AndExportsThemAsCsvAndXlsx()
    {
        var now = App.Time!.GetUtcNow();
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 4);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, now, capacity: 3, waitingList: true, startsAt: now.AddMinutes(10));
        foreach (var client in await ActivityApi.SignInAllAsync(App, org.A.Members.Take(3)))
        {
            await ActivityApi.SignUpAsync(client, id);
        }

        await ActivityApi.SignUpAsync(await App.SignInAsync(org.A.Members[3]), id);
        await secretary.PostAsync($"/api/activities/{id}/attendees/{org.A.Members[0].Id}/check-in", null);

        var attendance = await ActivityApi.AttendanceAsync(secretary, id);

        Assert.Multiple(() =>
        {
            Assert.That(attendance.GetProperty("signedUp").GetInt32(), Is.EqualTo(3));
            Assert.That(attendance.GetProperty("checkedIn").GetInt32(), Is.EqualTo(1));
            Assert.That(attendance.GetProperty("absent").GetInt32(), Is.EqualTo(2));
            Assert.That(attendance.GetProperty("waitlisted").GetInt32(), Is.EqualTo(1));
            Assert.That(ActivityApi.WaitingList(attendance), Is.EqualTo(new[] { org.A.Members[3].Id }));
        });

        var csv = await secretary.GetAsync($"/api/activities/{id}/attendance/export?format=csv");
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var rows = TableFile.Read(new MemoryStream(await csv.Content.ReadAsByteArrayAsync()), TableFormat.Csv);
        Assert.That(rows, Has.Count.EqualTo(4));
        var checkedIn = rows.Single(r => r["姓名"] == org.A.Members[0].Name);
        Assert.Multiple(() =>
        {
            Assert.That(checkedIn["出勤"], Is.EqualTo("已签到"));
            Assert.That(checkedIn["签到方式"], Is.EqualTo("组织者代签"));
            Assert.That(rows.Single(r => r["姓名"] == org.A.Members[3].Name)["候补位次"], Is.EqualTo("1"));
            Assert.That(rows.Count(r => r["出勤"] == "未签到"), Is.EqualTo(2));
        });

        var xlsx = await secretary.GetAsync($"/api/activities/{id}/attendance/export?format=xlsx");
        Assert.That(xlsx.Content.Headers.ContentType?.MediaType, Is.EqualTo(TableFile.ContentType(TableFormat.Xlsx)));
        var sheet = TableFile.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), TableFormat.Xlsx);
        Assert.That(sheet.Select(r => r["姓名"]), Is.EquivalentTo(org.A.Members.Select(m => m.Name)));

        App.Time.Advance(TimeSpan.FromHours(3));
        var afterwards = await secretary.GetAsync($"/api/activities/{id}/attendance/export?format=csv");
        var final = Encoding.UTF8.GetString(await afterwards.Content.ReadAsByteArrayAsync());
        Assert.That(final, Does.Contain("缺席"));
    }

    [Test]
    public async Task Returns400_WhenExportFormatIsUnknown()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, App.Time!.GetUtcNow());

        await (await secretary.GetAsync($"/api/activities/{id}/attendance/export?format=pdf")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Returns403_WhenAPlainMemberAsks()
    {
        var (org, secretary) = await App.SeedSignedInAsync(branches: 1, members: 1);
        var id = await ActivityApi.CreateAsync(secretary, org.A.Id, App.Time!.GetUtcNow());

        await (await (await App.SignInAsync(org.A.Members[0])).GetAsync($"/api/activities/{id}/attendance")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
