namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// A fixture over one running app and one organisation (<see cref="Org"/>) seeded once before the fixture's tests, for
/// fixtures whose tests share it (each test still makes what it changes).
/// </summary>
public abstract class SeededTest(int branches, int members, int probationary = 0, bool fakeTime = false) : FunctionalTest(fakeTime)
{
    /// <summary>The organisation seeded for this fixture.</summary>
    protected SeededOrg Org { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task SeedOrgAsync() => Org = await App.SeedAsync(branches, members, probationary);
}
