namespace SmartBranch.Api.Tests.Platform;

/// <summary>Production refuses to start on a setup that would lose data or fake WeChat, and names the setting.</summary>
public sealed class ProductionStartupTests
{
    private const string AppId = "wx0123456789abcdef";

    [Test]
    public async Task Starts_WhenRedisWeChatAndMigratedDatabaseAreConfigured()
    {
        using var app = Production(new());

        var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
        Assert.That((await app.CreateClient().GetAsync("/swagger/v1/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no API description in production unless Swagger:Enabled");
    }

    [Test]
    public void Refuses_WhenRedisIsNotConfigured()
    {
        using var app = Production(new() { ["Redis:ConnectionString"] = string.Empty });

        Assert.That(StartFailure(app), Does.Contain("Redis:ConnectionString is required in Production"));
    }

    [Test]
    public void Refuses_WhenWeChatEmulatorIsSwitchedOn()
    {
        using var app = Production(new() { ["WeChat:UseEmulator"] = "true" });

        Assert.That(StartFailure(app), Does.Contain("WeChat:UseEmulator cannot be switched on in Production"));
    }

    [TestCase("WeChat:AppId")]
    [TestCase("WeChat:AppSecret")]
    public void Refuses_WhenWeChatCredentialIsMissing(string key)
    {
        using var app = Production(new() { [key] = string.Empty });

        Assert.That(StartFailure(app), Does.Contain("WeChat:AppId and WeChat:AppSecret are required"));
    }

    [Test]
    public void Refuses_WhenDatabaseHasPendingMigrations()
    {
        // An own SQLite file the app does not migrate, whichever database the suite runs on.
        var path = Path.Combine(Path.GetTempPath(), $"smartbranch-unmigrated-{Guid.NewGuid():N}.db");
        try
        {
            using var app = Production(new()
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Default"] = $"Data Source={path}",
                ["Database:MigrateOnStart"] = "false",
            });

            var failure = StartFailure(app);

            Assert.Multiple(() =>
            {
                Assert.That(failure, Does.Contain("pending migration"));
                Assert.That(failure, Does.Contain("Initial"));
                Assert.That(failure, Does.Contain("Run the migration step first"));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static AppFactory Production(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = AppId,
            ["WeChat:AppSecret"] = "not-a-real-secret",
            ["Reminders:Templates:Meeting:TemplateId"] = "tmpl-meeting",
            ["Reminders:Templates:Activity:TemplateId"] = "tmpl-activity",
            ["Reminders:Templates:Notice:TemplateId"] = "tmpl-notice",
            ["Reminders:Templates:LeaveDecision:TemplateId"] = "tmpl-leave",
            ["Reminders:Templates:Organization:TemplateId"] = "tmpl-org",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new AppFactory(settings) { Environment = "Production" };
    }

    /// <summary>
    /// Starts the app and returns what the operator sees: Program.cs prints a refusal to standard error and
    /// exits with code 1 (the host never starts); anything else surfaces as the host's exception.
    /// </summary>
    private static string StartFailure(AppFactory app)
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            app.CreateClient();
        }
        catch (Exception ex)
        {
            return stderr + Messages(ex);
        }
        finally
        {
            Console.SetError(original);
        }

        throw new AssertionException("the app started");
    }

    private static string Messages(Exception ex) => ex switch
    {
        AggregateException aggregate => string.Join(" | ", aggregate.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => $"{ex.Message} | {Messages(inner)}",
        _ => ex.Message,
    };
}
