using SmartBranch.Api.Common.Tables;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Api.Features.Org;

/// <summary>
/// The roster spreadsheet secretaries exchange: the same Chinese headers for import and export, so an
/// exported roster imports back unchanged.
/// </summary>
internal static class RosterSheet
{
    public const string Name = "姓名";
    public const string Number = "学工号";
    public const string Phone = "手机号";
    public const string Status = "党员状态";
    public const string Group = "党小组";
    public const string AdmittedOn = "入党日期";
    public const string FullSince = "转正日期";

    public static readonly IReadOnlyList<string> Headers = [Name, Number, Phone, Status, Group, AdmittedOn, FullSince];

    /// <summary>Columns a file must have; the others may be left out (then they are not changed).</summary>
    public static readonly IReadOnlyList<string> Required = [Name, Number, Status];

    public static string StatusText(MembershipStatus status) => status == MembershipStatus.Full ? "正式" : "预备";

    public static MembershipStatus? ParseStatus(string text) => text switch
    {
        "正式" or "正式党员" => MembershipStatus.Full,
        "预备" or "预备党员" => MembershipStatus.Probationary,
        _ => null,
    };

    /// <summary>Empty is a valid "no date"; anything else must be a calendar date in a form Chinese Excel writes (<see cref="TableCells.TryParseDate"/>).</summary>
    public static bool TryParseDate(string text, out DateOnly? date) => TableCells.TryParseDate(text, out date);
}
