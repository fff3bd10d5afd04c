namespace SmartBranch.Api.Tests.Platform;

/// <summary>Production refuses to start on a setup that would lose data or fake WeChat, and names the setting.</summary>
public sealed class ProductionStartupTests
{
    private const string AppId = "wx0123456789abcdef";

    private static readonly Lazy<System.Security.Cryptography.RSA> MerchantKey = new(() => System.Security.Cryptography.RSA.Create(2048));
    private static readonly Lazy<System.Security.Cryptography.RSA> PlatformKey = new(() => System.Security.Cryptography.RSA.Create(2048));

    [Test]
    public async Task Starts_WhenRedisWeChatAndMigratedDatabaseAreConfigured()
    {
        using var app = Production(new());

        var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
        Assert.That((await app.CreateClient().GetAsync("/swagger/v1/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no API description in production unless Swagger:Enabled");
    }

    [Test]
    public async Task ServesTheApiDescription_InProduction_OnlyWhenSwaggerIsEnabled_AndDropsItElsewhere_WhenDisabled()
    {
        using var production = Production(new() { ["Swagger:Enabled"] = "true" });
        using var development = new AppFactory(new Dictionary<string, string?> { ["Swagger:Enabled"] = "false" });
        using var shipped = new AppFactory();

        var inProduction = await production.CreateClient().GetAsync("/swagger/v1/swagger.json");
        var disabled = await development.CreateClient().GetAsync("/swagger/v1/swagger.json");
        var asShipped = await shipped.CreateClient().GetAsync("/swagger/v1/swagger.json");

        Assert.Multiple(() =>
        {
            Assert.That(inProduction.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Production with Swagger:Enabled=true");
            Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "Development with Swagger:Enabled=false (the benchmark's setting)");
            Assert.That(asShipped.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Development as shipped");
        });
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
    public void Refuses_WhenWeChatPayEmulatorIsSwitchedOn()
    {
        using var app = Production(new() { ["WeChatPay:UseEmulator"] = "true" });

        Assert.That(StartFailure(app), Does.Contain("WeChatPay:UseEmulator cannot be switched on in Production"));
    }

    [TestCase("WeChatPay:MchId", "WeChatPay:MchId, WeChatPay:MerchantSerialNo, WeChatPay:PlatformPublicKeyId and WeChatPay:NotifyUrl are required")]
    [TestCase("WeChatPay:MerchantSerialNo", "WeChatPay:MchId, WeChatPay:MerchantSerialNo, WeChatPay:PlatformPublicKeyId and WeChatPay:NotifyUrl are required")]
    [TestCase("WeChatPay:PlatformPublicKeyId", "WeChatPay:MchId, WeChatPay:MerchantSerialNo, WeChatPay:PlatformPublicKeyId and WeChatPay:NotifyUrl are required")]
    [TestCase("WeChatPay:NotifyUrl", "WeChatPay:MchId, WeChatPay:MerchantSerialNo, WeChatPay:PlatformPublicKeyId and WeChatPay:NotifyUrl are required")]
    [TestCase("WeChatPay:ApiV3Key", "WeChatPay:ApiV3Key must be the 32-character APIv3 key")]
    [TestCase("WeChatPay:MerchantPrivateKey", "WeChatPay:MerchantPrivateKey must be the merchant API private key in PEM")]
    [TestCase("WeChatPay:PlatformPublicKey", "WeChatPay:PlatformPublicKey must be WeChat Pay's public key in PEM")]
    public void Refuses_WhenWeChatPaySettingIsMissing(string key, string message)
    {
        using var app = Production(new() { [key] = string.Empty });

        Assert.That(StartFailure(app), Does.Contain(message));
    }

    [Test]
    public void Refuses_WhenNotifyUrlIsNotHttps()
    {
        using var app = Production(new() { ["WeChatPay:NotifyUrl"] = "http://pay.example.edu.cn/api/dues/wechatpay/notify" });

        Assert.That(StartFailure(app), Does.Contain("WeChatPay:NotifyUrl must be an https URL without a query string"));
    }

    [Test]
    public void Refuses_WhenAReminderKindHasNoRealTemplate_NamingItsSetting()
    {
        using var app = Production(new(), withoutTemplate: "Development");

        Assert.That(StartFailure(app), Does.Contain("configure the real subscription-message template ids in Production")
            .And.Contain("Missing: Reminders:Templates:Development:TemplateId (TEMPLATE_DEVELOPMENT)."));
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

    /// <summary>The app in Production with every setting deploy/compose.yaml passes (the template ids of every reminder kind it names, but <paramref name="withoutTemplate"/>), then <paramref name="overrides"/>.</summary>
    private static AppFactory Production(Dictionary<string, string?> overrides, string? withoutTemplate = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = AppId,
            ["WeChat:AppSecret"] = "not-a-real-secret",
            ["WeChatPay:MchId"] = "1900000109",
            ["WeChatPay:ApiV3Key"] = "0123456789abcdef0123456789abcdef",
            ["WeChatPay:MerchantSerialNo"] = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            ["WeChatPay:MerchantPrivateKey"] = MerchantKey.Value.ExportPkcs8PrivateKeyPem(),
            ["WeChatPay:PlatformPublicKey"] = PlatformKey.Value.ExportSubjectPublicKeyInfoPem(),
            ["WeChatPay:PlatformPublicKeyId"] = "PUB_KEY_ID_0000000000000000000000000001",
            ["WeChatPay:NotifyUrl"] = "https://pay.example.edu.cn/api/dues/wechatpay/notify",
        };
        foreach (var kind in DeployTemplates.InCompose().Keys.Where(k => k != withoutTemplate))
        {
            settings[$"Reminders:Templates:{kind}:TemplateId"] = $"tmpl-{kind.ToLowerInvariant()}";
        }

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
