using System.Text.Json;
using SmartBranch.Infrastructure.Redis;

namespace SmartBranch.Infrastructure.Sessions;

/// <summary>
/// Login tickets in Redis: <c>sb:console-login:{id}</c> holds the ticket as JSON with a TTL that ends at its expiry.
/// Decisions and the one-time take are Lua scripts, so two scans or two polls can never both win.
/// </summary>
internal sealed class RedisLoginTicketStore(RedisConnection redis, TimeProvider time) : ILoginTicketStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    // KEYS[1] the ticket; ARGV[1] the state it must be in; ARGV[2] the replacement (empty: delete). Returns the old value.
    private const string SwapIfState = """
        local value = redis.call('GET', KEYS[1])
        if not value then return false end
        if cjson.decode(value)['state'] ~= ARGV[1] then return false end
        if ARGV[2] == '' then
          redis.call('DEL', KEYS[1])
        else
          redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
        end
        return value
        """;

    public async Task CreateAsync(LoginTicket ticket, CancellationToken cancellationToken)
    {
        var ttl = ticket.ExpiresAt - time.GetUtcNow();
        if (ttl > TimeSpan.Zero)
        {
            await redis.Database.StringSetAsync(Key(ticket.Id), Serialize(ticket), ttl);
        }
    }

    public async Task<LoginTicket?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var value = await redis.Database.StringGetAsync(Key(id));
        return value.IsNullOrEmpty ? null : Live(Deserialize(value.ToString()));
    }

    public async Task<bool> DecideAsync(string id, LoginTicketState decision, string openId, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is not { State: LoginTicketState.Pending } ticket)
        {
            return false;
        }

        var decided = Serialize(ticket with { State = decision, OpenId = openId });
        var old = await redis.Database.ScriptEvaluateAsync(SwapIfState, [Key(id)], [nameof(LoginTicketState.Pending), decided]);
        return !old.IsNull;
    }

    public async Task<LoginTicket?> TakeConfirmedAsync(string id, CancellationToken cancellationToken)
    {
        var old = await redis.Database.ScriptEvaluateAsync(SwapIfState, [Key(id)], [nameof(LoginTicketState.Confirmed), string.Empty]);
        return old.IsNull ? null : Live(Deserialize(old.ToString()!));
    }

    // Redis expires the key on its own clock; the ticket's own expiry, on the app's clock, is what counts.
    private LoginTicket? Live(LoginTicket ticket) => ticket.ExpiresAt > time.GetUtcNow() ? ticket : null;

    private static string Key(string id) => $"sb:console-login:{id}";

    private static string Serialize(LoginTicket ticket) => JsonSerializer.Serialize(ticket, Json);

    private static LoginTicket Deserialize(string value) => JsonSerializer.Deserialize<LoginTicket>(value, Json)!;
}
