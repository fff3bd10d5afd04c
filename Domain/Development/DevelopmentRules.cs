namespace SmartBranch.Domain.Development;

/// <summary>
/// One timing rule of member development as a row of configuration (Domain/README.md: all configurable). The
/// table is seeded with <see cref="DevelopmentRules.Defaults"/>; the general branch may change a value.
/// </summary>
public sealed class DevelopmentRule
{
    public const int KeyMaxLength = 40;
    public const int DescriptionMaxLength = 200;

    private DevelopmentRule()
    {
        Key = string.Empty;
        Description = string.Empty;
    }

    public DevelopmentRule(string key, int value, string description)
    {
        Key = key;
        Value = value;
        Description = description;
    }

    /// <summary>One of the <see cref="DevelopmentRules"/> key constants.</summary>
    public string Key { get; private set; }

    /// <summary>The value in the unit the key names (years, months, days, hours, working days, times).</summary>
    public int Value { get; private set; }

    /// <summary>What the rule says, in Chinese, with its unit.</summary>
    public string Description { get; private set; }

    /// <summary>Sets a new value; refuses one outside the rule's sane range.</summary>
    public Common.Result Change(int value)
    {
        if (!DevelopmentRules.Ranges.TryGetValue(Key, out var range) || value < range.Min || value > range.Max)
        {
            return new Common.DomainError("development.rule_out_of_range", $"「{Description}」的取值应在 {range.Min}–{range.Max} 之间。");
        }

        Value = value;
        return Common.Result.Ok;
    }
}

/// <summary>
/// The timing rules in force, read from the <see cref="DevelopmentRule"/> rows (a key missing from the table
/// keeps its default). Sources: 《中国共产党发展党员工作细则》 (2014), Domain/README.md "Member development".
/// </summary>
public sealed record DevelopmentRules(IReadOnlyDictionary<string, int> Values)
{
    public const string MinAgeYears = "MinAgeYears";
    public const string FirstTalkWithinMonths = "FirstTalkWithinMonths";
    public const string ActivistMinMonths = "ActivistMinMonths";
    public const string TrainingMinDays = "TrainingMinDays";
    public const string TrainingMinHours = "TrainingMinHours";
    public const string UpperApprovalWithinMonths = "UpperApprovalWithinMonths";
    public const string ProbationMonths = "ProbationMonths";
    public const string ExtensionMinMonths = "ExtensionMinMonths";
    public const string ExtensionMaxMonths = "ExtensionMaxMonths";
    public const string ExtensionMaxCount = "ExtensionMaxCount";
    public const string PublicityWorkingDays = "PublicityWorkingDays";
    public const string ThoughtReportMonths = "ThoughtReportMonths";
    public const string ObservationMonths = "ObservationMonths";

    /// <summary>The seeded rows: key, default value, description.</summary>
    public static readonly IReadOnlyList<DevelopmentRule> Defaults =
    [
        new(MinAgeYears, 18, "递交入党申请时年满（周岁）"),
        new(FirstTalkWithinMonths, 1, "收到入党申请后谈话期限（月）"),
        new(ActivistMinMonths, 12, "入党积极分子培养至少（月）后方可确定为发展对象"),
        new(TrainingMinDays, 3, "发展对象集中培训至少（天）"),
        new(TrainingMinHours, 24, "或集中培训至少（学时）"),
        new(UpperApprovalWithinMonths, 3, "支部大会通过后上级党委审批期限（月）"),
        new(ProbationMonths, 12, "预备期（月），自支部大会通过之日起"),
        new(ExtensionMinMonths, 6, "延长预备期至少（月）"),
        new(ExtensionMaxMonths, 12, "延长预备期至多（月）"),
        new(ExtensionMaxCount, 1, "预备期可延长次数"),
        new(PublicityWorkingDays, 5, "公示期（工作日）"),
        new(ThoughtReportMonths, 3, "思想汇报周期（月）"),
        new(ObservationMonths, 6, "培养考察记录周期（月）"),
    ];

    /// <summary>Allowed values per key.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Ranges = new Dictionary<string, (int, int)>
    {
        [MinAgeYears] = (14, 30),
        [FirstTalkWithinMonths] = (1, 12),
        [ActivistMinMonths] = (0, 60),
        [TrainingMinDays] = (1, 60),
        [TrainingMinHours] = (1, 500),
        [UpperApprovalWithinMonths] = (1, 12),
        [ProbationMonths] = (1, 36),
        [ExtensionMinMonths] = (1, 24),
        [ExtensionMaxMonths] = (1, 24),
        [ExtensionMaxCount] = (0, 3),
        [PublicityWorkingDays] = (1, 30),
        [ThoughtReportMonths] = (1, 12),
        [ObservationMonths] = (1, 12),
    };

    /// <summary>The rules with every default.</summary>
    public static DevelopmentRules Default { get; } = From([]);

    /// <summary>The rules from the stored rows; missing keys keep their defaults.</summary>
    public static DevelopmentRules From(IEnumerable<DevelopmentRule> rows)
    {
        var values = Defaults.ToDictionary(r => r.Key, r => r.Value);
        foreach (var row in rows)
        {
            values[row.Key] = row.Value;
        }

        return new DevelopmentRules(values);
    }

    public int this[string key] => Values[key];
}
