namespace SmartBranch.Domain.Common;

/// <summary>The dues area's part of the one subject vocabulary.</summary>
public static partial class SubjectTypes
{
    /// <summary>A member's dues (党费; the id is the member's).</summary>
    public const string Dues = "dues";
}
