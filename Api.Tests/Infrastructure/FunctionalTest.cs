namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// A fixture over one running app: the factory starts once before the fixture's tests (and before the
/// fixture's own [OneTimeSetUp], which may seed shared data) and stops after them. Override
/// <see cref="CreateApp"/> to pass factory options such as settings or <c>fakeTime: true</c>.
/// </summary>
public abstract class FunctionalTest
{
    private AppFactory? _app;

    /// <summary>The app under test.</summary>
    protected AppFactory App => _app ?? throw new InvalidOperationException("The app starts in the fixture's OneTimeSetUp.");

    /// <summary>The app's clock; only for a factory made with <c>fakeTime: true</c>.</summary>
    protected DateTimeOffset Now => (App.Time ?? throw new InvalidOperationException("Override CreateApp with fakeTime: true.")).GetUtcNow();

    /// <summary>Makes the fixture's factory; the default has no options.</summary>
    protected virtual AppFactory CreateApp() => new();

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
