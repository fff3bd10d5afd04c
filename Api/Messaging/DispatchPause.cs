namespace SmartBranch.Api.Messaging;

/// <summary>
/// "WeChat's daily quota is used up (45009): send nothing until the next day", shared by every dispatcher
/// of this instance. Other instances learn it from their own first 45009.
/// </summary>
internal sealed class DispatchPause
{
    private long _untilTicks;

    public DateTimeOffset Until => new(Interlocked.Read(ref _untilTicks), TimeSpan.Zero);

    public bool IsPaused(DateTimeOffset now) => Interlocked.Read(ref _untilTicks) > now.UtcTicks;

    /// <summary>Pauses until <paramref name="until"/>; false when already paused at least that long.</summary>
    public bool PauseUntil(DateTimeOffset until)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _untilTicks);
            if (current >= until.UtcTicks)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _untilTicks, until.UtcTicks, current) == current)
            {
                return true;
            }
        }
    }
}
