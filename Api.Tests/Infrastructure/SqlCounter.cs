using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>
/// Counts, from EF Core's diagnostics, what reached this app's database from now on: the transactions committed and
/// the commands executed whose SQL text contains the text given (all commands when null). Other apps'
/// databases (tests run in parallel) are told apart by the connection string; naming a table keeps the app's own
/// background work (reminders, caches) out of a count of one request's commands. EF Core remembers for a second that
/// nobody listens to a context's commands (its logging cache time), so a counter of commands is made before the app
/// starts (in <c>CreateApp</c>, kept for the fixture, <see cref="ResetCommands"/> before each count): the app's contexts
/// then never see a moment without it.
/// </summary>
public sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string? _connectionString;
    private readonly string? _mentioning;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private int _commits;
    private int _commands;

    /// <param name="app">The app whose database is counted (started here if it has not started yet; what it does while starting is not counted).</param>
    /// <param name="mentioning">Only commands whose text contains this (e.g. a quoted table name) are counted.</param>
    public SqlCounter(AppFactory app, string? mentioning = null)
    {
        _mentioning = mentioning;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
        _connectionString = app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default")!;
    }

    /// <summary>Transactions committed so far.</summary>
    public int Commits => Volatile.Read(ref _commits);

    /// <summary>Commands executed so far (those mentioning the text given, if any).</summary>
    public int Commands => Volatile.Read(ref _commands);

    /// <summary>Starts counting commands again from zero.</summary>
    public void ResetCommands() => Interlocked.Exchange(ref _commands, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this, name => name == RelationalEventId.TransactionCommitted.Name || name == RelationalEventId.CommandExecuted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case TransactionEndEventData { Context: { } context } when IsThisApp(context):
                Interlocked.Increment(ref _commits);
                break;
            case CommandExecutedEventData { Context: { } context } command when IsThisApp(context)
                && (_mentioning is null || command.Command.CommandText.Contains(_mentioning, StringComparison.Ordinal)):
                Interlocked.Increment(ref _commands);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }

    private bool IsThisApp(DbContext context) => context.Database.GetConnectionString() == _connectionString;
}
