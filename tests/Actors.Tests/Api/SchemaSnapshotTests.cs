using Actors.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Api;

/// <summary>
/// schema.graphql at the repository root is the printed public contract: any change to the schema
/// shows in review. Regenerate with UPDATE_SCHEMA=1 (see the README). Printed from a Production host: the
/// contract is what every environment serves, without Development's tools (sandboxNotifications).
/// </summary>
[Collection(ProductionApiCollection.Name)]
public sealed class SchemaSnapshotTests(ProductionApiFactory api)
{
    [Fact]
    public void The_checked_in_schema_is_the_served_schema()
    {
        var printed = api.Services.GetRequiredService<ISchema>().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot.Path, "schema.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        Assert.True(File.Exists(path), "schema.graphql is missing: run the tests once with UPDATE_SCHEMA=1.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), printed);
    }
}
