namespace SmartBranch.Api.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for tests that read source files (app.json, C# sources).</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder holding SmartBranch.Api.sln, found upwards from the test output folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "SmartBranch.Api.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("SmartBranch.Api.sln not found above the test folder.");
    }
}
