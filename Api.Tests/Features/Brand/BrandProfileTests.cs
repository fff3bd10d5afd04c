namespace SmartBranch.Api.Tests.Features.Brand;

public sealed class BrandProfileTests : MediaAppTest
{
    [Test]
    public async Task ShowsTheBrandToAnyone_WhenTheSecretarySetsIt()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);
        var logo = await secretary.UploadImageAsync();

        var response = await secretary.PutAsJsonAsync($"/api/org/units/{org.A.Id}/brand", new
        {
            name = "红烛先锋",
            slogan = "立德树人，红烛领航",
            labels = new[] { "党员心灵家园", "师生党群共建", "新时代新精神宣传队伍" },
            logoMediaId = logo,
            introduction = "教工第一党支部以“红烛先锋”为品牌。",
            themeColor = "#b71c1c",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var brand = await App.CreateClient().JsonAsync($"/api/org/units/{org.A.Id}/brand");
        Assert.That(brand.GetProperty("name").GetString(), Is.EqualTo("红烛先锋"));
        Assert.That(brand.GetProperty("labels").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "党员心灵家园", "师生党群共建", "新时代新精神宣传队伍" }));
        Assert.That(brand.GetProperty("logoUrl").GetString(), Is.EqualTo($"/api/media/{logo}"));
        Assert.That(brand.GetProperty("themeColor").GetString(), Is.EqualTo("#B71C1C"));
        Assert.That(brand.GetProperty("canEdit").GetBoolean(), Is.False);
        var audit = await App.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "brand.updated" && a.UnitId == org.A.Id));
        Assert.That(audit, Is.EqualTo(1));
    }

    [Test]
    public async Task ShowsTheUnitName_WhenNoBrandIsSet()
    {
        var org = await App.SeedAsync(members: 1);

        var brand = await App.CreateClient().JsonAsync($"/api/org/units/{org.B.Id}/brand");

        Assert.That(brand.GetProperty("name").GetString(), Is.EqualTo(org.B.Name));
        Assert.That(brand.GetProperty("themeColor").GetString(), Is.EqualTo("#C8161D"));
    }

    [Test]
    public async Task Returns403_WhenAPlainMemberEditsTheBrand()
    {
        var (org, member) = await App.SeedSignedInAsync(members: 1, who: o => o.A.Members[0]);

        var response = await member.PutAsJsonAsync($"/api/org/units/{org.A.Id}/brand", new { name = "自封品牌" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await App.WithDbAsync(db => db.BrandProfiles.CountAsync(b => b.UnitId == org.A.Id)), Is.Zero);
    }

    [Test]
    public async Task Returns400_WhenTheThemeColourIsNotAColour()
    {
        var (org, secretary) = await App.SeedSignedInAsync(members: 1);

        var response = await secretary.PutAsJsonAsync($"/api/org/units/{org.A.Id}/brand", new { name = "红烛先锋", themeColor = "red" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetRawText(), Does.Contain("#RRGGBB"));
    }

    [Test]
    public async Task Returns404_WhenAnotherBranchEditsTheBrand()
    {
        var (org, other) = await App.SeedSignedInAsync(members: 1, who: o => o.B.Secretary);

        var response = await other.PutAsJsonAsync($"/api/org/units/{org.A.Id}/brand", new { name = "不是我的" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "branch A is not visible to B's secretary");
        Assert.That(await App.WithDbAsync(db => db.BrandProfiles.CountAsync(b => b.UnitId == org.A.Id)), Is.Zero);
    }
}
