using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Messaging;

/// <summary>Turns a reminder into the template id and keyword values of its kind, within WeChat's limits.</summary>
public sealed class ReminderTemplates(IOptions<ReminderOptions> options, IEnumerable<ReminderKindRegistration> kinds)
{
    private readonly IReadOnlyList<ReminderKindRegistration> _kinds = [.. kinds.OrderBy(k => k.Kind.Name, StringComparer.Ordinal)];

    /// <summary>Shown where a text keyword has nothing to say: WeChat refuses empty values.</summary>
    private const string Nothing = "无";

    public ReminderTemplateOptions For(ReminderKind kind) => options.Value.Templates[kind.Name];

    /// <summary>Every registered kind (by name), its display name and its configured template id.</summary>
    public IEnumerable<(ReminderKind Kind, string Name, string TemplateId)> All =>
        _kinds.Select(k => (k.Kind, k.DisplayName, For(k.Kind).TemplateId));

    /// <summary>The keyword values for <paramref name="reminder"/>, or the keywords that cannot be filled (a defect: content or configuration).</summary>
    internal (Dictionary<string, string> Data, string? Problem) Build(Reminder reminder)
    {
        var fields = For(reminder.Kind).Fields;
        var data = new Dictionary<string, string>(fields.Count);
        List<string>? problems = null;
        foreach (var (keyword, source) in fields)
        {
            var type = Keywords.TypeOf(keyword);
            if (type is null)
            {
                (problems ??= []).Add($"data.{keyword} has no known type");
                continue;
            }

            var prepared = Keywords.Prepare(type.Value, Text(reminder, source));
            if (!prepared.IsValid)
            {
                (problems ??= []).Add($"data.{keyword}.value {prepared.Problem}");
                continue;
            }

            data[keyword] = prepared.Value;
        }

        return (data, problems is null ? null : string.Join("; ", problems));
    }

    private static string Text(Reminder reminder, KeywordSource source) => source switch
    {
        KeywordSource.Subject => reminder.Subject,
        KeywordSource.Title => reminder.Title,
        KeywordSource.Body => reminder.Body,
        KeywordSource.Time => Keywords.FormatTime(reminder.Time ?? reminder.DueAt),
        KeywordSource.Date => Keywords.FormatDate(reminder.Time ?? reminder.DueAt),
        KeywordSource.Place => string.IsNullOrWhiteSpace(reminder.Place) ? Nothing : reminder.Place,
        KeywordSource.Note => string.IsNullOrWhiteSpace(reminder.Note) ? Nothing : reminder.Note,
        _ => string.Empty,
    };
}
