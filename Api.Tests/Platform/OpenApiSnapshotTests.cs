using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartBranch.Api.Tests.Platform;

/// <summary>
/// Api/openapi.json is the committed copy of the served OpenAPI document: deploy/openapi-check.sh lints it with
/// Redocly and the mini-program's contract test (miniprogram/test/contract.test.js) checks its API layer against it.
/// This test keeps it true: it fails when the served document differs. Run it with SB_UPDATE_OPENAPI=1 to write the
/// served document to the snapshot, then review the diff and commit it.
/// </summary>
public sealed class OpenApiSnapshotTests : FunctionalTest
{
    internal static readonly string SnapshotPath = Path.Combine(RepositoryRoot.Path, "Api", "openapi.json");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public async Task Snapshot_matches_the_served_document()
    {
        using var client = App.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var text = served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

        if (Environment.GetEnvironmentVariable("SB_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, text);
        }

        Assert.That(File.Exists(SnapshotPath), Is.True, "Api/openapi.json is missing: run this test with SB_UPDATE_OPENAPI=1.");
        var committed = (await File.ReadAllTextAsync(SnapshotPath)).ReplaceLineEndings("\n");
        Assert.That(committed, Is.EqualTo(text),
            "Api/openapi.json differs from the served OpenAPI document: run `SB_UPDATE_OPENAPI=1 dotnet test Api.Tests --filter OpenApiSnapshotTests`, review the diff and commit it.");
    }

    [Test]
    public async Task Every_operation_has_a_one_line_summary_and_the_handler_doc_as_its_description()
    {
        using var client = App.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = served["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Value?["operationId"] is not null).Select(o => o.Value!))
            .ToList();

        Assert.That(operations, Has.Count.GreaterThan(100));
        Assert.That(operations.Where(o => ((string?)o["summary"] ?? "").Contains('\n') || string.IsNullOrWhiteSpace((string?)o["summary"]))
            .Select(o => (string)o["operationId"]!), Is.Empty, "summaries that are missing or span lines");

        var bind = operations.Single(o => (string)o["operationId"]! == "BindMember");
        Assert.Multiple(() =>
        {
            Assert.That((string?)bind["summary"], Is.EqualTo("Bind the signed-in WeChat account to a roster entry with an invitation, name and number"));
            Assert.That((string?)bind["description"], Does.Contain("409 when the entry or the account"));
        });
    }
}
