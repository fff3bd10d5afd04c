namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// A fixture over one running app: the factory starts once before the fixture's tests (and before the
/// fixture's own [OneTimeSetUp], which may seed shared data) and stops after them. A fixture on controlled time
/// passes <c>fakeTime: true</c> to the base; override <see cref="CreateApp"/> for other factory options (settings,
/// services).
/// </summary>
/// <param name="fakeTime">Start the default app on a clock the test moves (see <see cref="AppFactory.Time"/>).</param>
public abstract class FunctionalTest(bool fakeTime = false)
{
    private AppFactory? _app;

    /// <summary>The app under test.</summary>
    protected AppFactory App => _app ?? throw new InvalidOperationException("The app starts in the fixture's OneTimeSetUp.");

    /// <summary>The app's clock; only for a factory made with <c>fakeTime: true</c>.</summary>
    protected DateTimeOffset Now => (App.Time ?? throw new InvalidOperationException("Override CreateApp with fakeTime: true.")).GetUtcNow();

    /// <summary>Makes the fixture's factory; the default has no options but the clock chosen in the constructor.</summary>
    protected virtual AppFactory CreateApp() => new(fakeTime: fakeTime);

    [OneTimeSetUp]
    public void StartApp() => _app = CreateApp();

    /// <summary>Runs after the app has stopped (e.g. to delete the files it wrote); nothing by default.</summary>
    protected virtual void Stopped()
    {
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _app?.Dispose();
        Stopped();
    }
}
