namespace SmartBranch.Domain.Brand;

/// <summary>
/// The public identity of a branch or the general branch (支部品牌): name, slogan, labels, logo, cover,
/// introduction and theme colour. One per unit; everything in it is public by nature.
/// </summary>
public sealed class BrandProfile
{
    public const int NameMaxLength = 40;
    public const int SloganMaxLength = 60;
    public const int LabelMaxLength = 20;
    public const int MaxLabels = 8;
    public const int IntroductionMaxLength = 2000;

    private BrandProfile()
    {
        Name = string.Empty;
        Labels = string.Empty;
        ThemeColor = DefaultThemeColor;
    }

    public BrandProfile(int unitId, DateTimeOffset now)
        : this()
    {
        UnitId = unitId;
        UpdatedAt = now;
    }

    /// <summary>Party red, used until the committee picks a colour.</summary>
    public const string DefaultThemeColor = "#C8161D";

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string Name { get; private set; }

    public string? Slogan { get; private set; }

    /// <summary>Brand labels (e.g. 党员心灵家园), '|' separated.</summary>
    public string Labels { get; private set; }

    public Guid? LogoMediaId { get; private set; }

    public Guid? CoverMediaId { get; private set; }

    public string? Introduction { get; private set; }

    /// <summary>#RRGGBB.</summary>
    public string ThemeColor { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int? UpdatedByMemberId { get; private set; }

    public IReadOnlyList<string> LabelList => Labels.Length == 0 ? [] : Labels.Split('|');

    public void Update(string name, string? slogan, IEnumerable<string> labels, Guid? logoMediaId, Guid? coverMediaId, string? introduction, string? themeColor, int editorMemberId, DateTimeOffset now)
    {
        Name = name;
        Slogan = slogan;
        Labels = string.Join('|', labels.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct());
        LogoMediaId = logoMediaId;
        CoverMediaId = coverMediaId;
        Introduction = introduction;
        ThemeColor = string.IsNullOrWhiteSpace(themeColor) ? DefaultThemeColor : themeColor.ToUpperInvariant();
        UpdatedByMemberId = editorMemberId;
        UpdatedAt = now;
    }
}
