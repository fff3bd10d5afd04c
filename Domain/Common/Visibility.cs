namespace SmartBranch.Domain.Common;

/// <summary>Information level of content (Domain/README.md): who may ever see it.</summary>
public enum Visibility
{
    /// <summary>公开: anyone who opens the mini-program.</summary>
    [Label("公开")]
    Public,

    /// <summary>党内: members of the target organisation units only.</summary>
    [Label("党内")]
    Internal,

    /// <summary>支委: the branch committee only.</summary>
    [Label("支委")]
    Committee,
}
