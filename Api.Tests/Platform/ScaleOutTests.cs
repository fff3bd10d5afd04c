using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;
using SmartBranch.Infrastructure;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>What several instances behind one Redis must share (deploy/scale-check.sh runs real processes).</summary>
public sealed class ScaleOutTests
{
    [Test]
    public void InstancesReadEachOthersProtectedData_WhenTheyShareRedis()
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        using var first = new AppFactory(new Dictionary<string, string?> { ["Redis:InstanceName"] = prefix });
        using var second = new AppFactory(new Dictionary<string, string?> { ["Redis:InstanceName"] = prefix });
        using var elsewhere = new AppFactory();

        var secret = Protector(first).Protect("13800138000");

        Assert.Multiple(() =>
        {
            Assert.That(Protector(second).Unprotect(secret), Is.EqualTo("13800138000"));

            // Another key ring cannot read it: the sharing really goes through the Redis key, not a local folder.
            Assert.That(() => Protector(elsewhere).Unprotect(secret), Throws.InstanceOf<CryptographicException>());
        });
    }

    [Test]
    public async Task KeyRingIsStoredUnderTheInstancePrefix_WhenRedisIsConfigured()
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        using var app = new AppFactory(new Dictionary<string, string?> { ["Redis:InstanceName"] = prefix });

        Protector(app).Protect("x");

        await using var redis = await ConnectionMultiplexer.ConnectAsync(SharedRedis.ConnectionString);
        Assert.That(await redis.GetDatabase().ListLengthAsync(prefix + DependencyInjection.DataProtectionKeysKey), Is.GreaterThan(0));
    }

    [Test]
    public async Task SessionWorksOnAnotherInstance_WhenBothShareRedisAndDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"smartbranch-shared-{Guid.NewGuid():N}.db");
        var shared = new Dictionary<string, string?>
        {
            ["Redis:InstanceName"] = $"t{Guid.NewGuid():N}:",
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={path}",
        };
        try
        {
            using var first = new AppFactory(shared);
            var org = await first.SeedAsync(branches: 1, members: 1);
            using var second = new AppFactory(shared);
            var onFirst = await first.SignInAsync(org.A.Secretary);
            var onSecond = second.CreateClient();
            onSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization;

            var me = await onSecond.GetAsync("/api/me");
            var logout = await onSecond.PostAsync("/api/auth/logout", null);
            var afterLogout = await onFirst.GetAsync("/api/me");

            Assert.Multiple(() =>
            {
                Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
                Assert.That(afterLogout.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static IDataProtector Protector(AppFactory app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SmartBranch.Tests.ScaleOut");
}
