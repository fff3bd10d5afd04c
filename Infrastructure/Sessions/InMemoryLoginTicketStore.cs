namespace SmartBranch.Infrastructure.Sessions;

/// <summary>Login tickets in this process, for the embedded default without Redis (like <see cref="InMemorySessionStore"/>).</summary>
internal sealed class InMemoryLoginTicketStore(TimeProvider time) : ILoginTicketStore
{
    private readonly Dictionary<string, LoginTicket> _tickets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task CreateAsync(LoginTicket ticket, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Prune();
            _tickets[ticket.Id] = ticket;
        }

        return Task.CompletedTask;
    }

    public Task<LoginTicket?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Live(id));
        }
    }

    public Task<bool> DecideAsync(string id, LoginTicketState decision, string openId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Live(id) is not { State: LoginTicketState.Pending } ticket)
            {
                return Task.FromResult(false);
            }

            _tickets[id] = ticket with { State = decision, OpenId = openId };
            return Task.FromResult(true);
        }
    }

    public Task<LoginTicket?> TakeConfirmedAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Live(id) is not { State: LoginTicketState.Confirmed } ticket)
            {
                return Task.FromResult<LoginTicket?>(null);
            }

            _tickets.Remove(id);
            return Task.FromResult<LoginTicket?>(ticket);
        }
    }

    private LoginTicket? Live(string id) =>
        _tickets.TryGetValue(id, out var ticket) && ticket.ExpiresAt > time.GetUtcNow() ? ticket : null;

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var id in _tickets.Where(t => t.Value.ExpiresAt <= now).Select(t => t.Key).ToList())
        {
            _tickets.Remove(id);
        }
    }
}
