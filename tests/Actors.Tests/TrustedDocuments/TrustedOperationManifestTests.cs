using System.Text;
using System.Text.Json.Nodes;
using Actors.Api.TrustedDocuments;
using Actors.Tests.Transport;
using Microsoft.Extensions.Hosting.Internal;

namespace Actors.Tests.TrustedDocuments;

/// <summary>
/// operations/ is the registry frontends add to: the manifest the API embeds must be what the .graphql files give,
/// every operation must validate against schema.graphql, and a tampered manifest must not be trusted.
/// </summary>
public sealed class TrustedOperationManifestTests
{
    private static string Folder => Path.Combine(RepositoryRoot.Path, "operations");

    [Fact]
    public void The_document_ids_the_verify_page_gives_to_third_parties_are_registered()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "api", "wwwroot", "verify", "index.html"));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();
        var ids = System.Text.RegularExpressions.Regex.Matches(page, "sha256:([0-9a-f]{64})").Select(match => match.Groups[1].Value).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Equal("VerifyDocument", manifest[id]?["name"]?.GetValue<string>()));
    }

    [Fact]
    public void The_manifest_is_up_to_date_with_the_operations_folder()
    {
        var expected = Directory.GetFiles(Folder, "*.graphql")
            .Select(file => (Name: Path.GetFileNameWithoutExtension(file), Document: File.ReadAllText(file).ReplaceLineEndings("\n").Trim()))
            .ToDictionary(operation => TrustedOperationRegistry.HashOf(operation.Document), operation => operation);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();

        Assert.True(
            expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(manifest.Select(entry => entry.Key).Order(StringComparer.Ordinal)),
            "operations/manifest.json is out of date: run `node tests/conformance/operations.mjs --write` and commit it.");
        foreach (var (hash, operation) in expected)
        {
            Assert.Equal(operation.Name, manifest[hash]!["name"]!.GetValue<string>());
            Assert.Equal(operation.Document, manifest[hash]!["document"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_API_embeds_the_checked_in_manifest()
    {
        var embedded = TrustedOperationRegistry.FromAssembly();
        using var checkedIn = File.OpenRead(Path.Combine(Folder, "manifest.json"));
        var fromFile = TrustedOperationRegistry.Load(checkedIn);

        Assert.Equal(
            fromFile.Operations.Select(operation => (operation.Hash, operation.Name)).Order(),
            embedded.Operations.Select(operation => (operation.Hash, operation.Name)).Order());
        Assert.Contains(embedded.Operations, operation => operation.Name == "Governorates");
    }

    [Fact]
    public async Task Every_operation_validates_against_the_schema_and_the_manifest_check_passes()
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? string.Empty);

        var (exitCode, output) = await NodeScript.RunAsync("operations.mjs");

        Assert.True(exitCode == 0, output);
        Assert.Contains("OPERATIONS: ", output, StringComparison.Ordinal);
        Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_entry_whose_hash_is_not_its_document_s_is_refused()
    {
        var document = "query Governorates { governorates { code } }";
        var wrongHash = TrustedOperationRegistry.HashOf(document + " ");
        var manifest = new JsonObject { [wrongHash] = new JsonObject { ["name"] = "Governorates", ["document"] = document } };

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(manifest.ToJsonString()));

        Assert.Throws<InvalidDataException>(() => TrustedOperationRegistry.Load(stream));
    }

    [Fact]
    public void A_manifest_entry_that_is_not_one_operation_of_its_name_is_refused()
    {
        var document = "query Governorates { governorates { code } } query Other { __typename }";
        var manifest = new JsonObject { [TrustedOperationRegistry.HashOf(document)] = new JsonObject { ["name"] = "Governorates", ["document"] = document } };

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(manifest.ToJsonString()));

        Assert.Throws<InvalidDataException>(() => TrustedOperationRegistry.Load(stream));
    }

    [Theory]
    [InlineData("Production", null, TrustedDocumentsMode.PublicAndCitizens)]
    [InlineData("Development", null, TrustedDocumentsMode.Off)]
    [InlineData("Production", TrustedDocumentsMode.Off, TrustedDocumentsMode.Off)]
    [InlineData("Development", TrustedDocumentsMode.Everyone, TrustedDocumentsMode.Everyone)]
    public void The_mode_defaults_to_PublicAndCitizens_in_Production_only(string environment, TrustedDocumentsMode? configured, TrustedDocumentsMode expected)
    {
        var options = new TrustedDocumentsOptions { Mode = configured };

        Assert.Equal(expected, options.EffectiveMode(new HostingEnvironment { EnvironmentName = environment }));
    }
}
