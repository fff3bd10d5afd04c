namespace SmartBranch.Api.Tests.Platform;

public sealed class ErrorResponseTests : FunctionalTest
{
    [Test]
    public async Task Returns404Problem_WhenRouteIsUnknown()
    {
        var problem = await (await App.CreateClient().GetAsync("/api/no-such-thing")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("未找到"));
    }

    [Test]
    public async Task Returns400Problem_WhenJsonIsMalformed()
    {
        var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        var response = await App.CreateClient().PostAsync("/api/auth/wechat-login", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("Exception"));
    }

    [Test]
    public async Task Returns405Problem_WhenMethodIsWrong()
    {
        await (await App.CreateClient().DeleteAsync("/api/auth/wechat-login")).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Test]
    public async Task ServesSwaggerWithEveryApiRoute()
    {
        var response = await App.CreateClient().GetAsync("/swagger/v1/swagger.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadAsStringAsync();
        Assert.That(json, Does.Contain("/api/auth/wechat-login").And.Contain("/api/me").And.Contain("bearer"));
    }

    [Test]
    public async Task ReportsReady_WhenDatabaseAndRedisAnswer()
    {
        var client = App.CreateClient();

        Assert.That(await client.GetStringAsync("/health/ready"), Is.EqualTo("Healthy"));
        Assert.That(await client.GetStringAsync("/health/live"), Is.EqualTo("Healthy"));
    }
}
