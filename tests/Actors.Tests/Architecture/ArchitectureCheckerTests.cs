using Actors.Tests.Architecture.Samples;

namespace Actors.Tests.Architecture;

/// <summary>The architecture checks can fail: each known violation in <c>Samples/</c> is found, the clean sample is not.</summary>
public sealed class ArchitectureCheckerTests
{
    private static readonly string Samples = typeof(ContractsOnlySample).Namespace!;

    [Fact]
    public void The_scanner_finds_a_forbidden_type_in_a_method_body_a_lambda_and_a_generic_argument()
    {
        var uses = ArchitectureRules.Uses(
            typeof(ContractsOnlySample).Assembly.Location,
            ArchitectureRules.NotForTheGraphQLCode,
            name => !name.StartsWith(Samples + ".", StringComparison.Ordinal));

        Assert.Contains($"{typeof(BodyOnlyUseSample).FullName} uses Npgsql.NpgsqlConnectionStringBuilder (Npgsql)", uses);
        Assert.Contains($"{typeof(LambdaUseSample).FullName} uses Actors.Grains.Requests.CitizenRequestGrain (Actors.Grains)", uses);
        Assert.Contains($"{typeof(GenericArgumentUseSample).FullName} uses Actors.Persistence.Outbox.OutboxRelayOptions (Actors.Persistence)", uses);
        Assert.DoesNotContain(uses, u => u.StartsWith(typeof(ContractsOnlySample).FullName + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dependency_chain_is_found_through_intermediate_nodes()
    {
        var graph = new DependencyGraph(n => n switch
        {
            "Contracts" => ["Orleans", "Shared"],
            "Shared" => ["Npgsql"],
            _ => [],
        });

        Assert.Equal(["Contracts", "Shared", "Npgsql"], graph.PathTo("Contracts", ArchitectureRules.IsNpgsql));
        Assert.Null(graph.PathTo("Orleans", ArchitectureRules.IsNpgsql));
    }

    [Fact]
    public void Both_dependency_graphs_see_a_real_transitive_dependency()
    {
        // Silo hosting reaches Npgsql only through our own projects (Persistence, and ServiceDefaults for the readiness
        // check): both sources must see such a chain, not a direct reference.
        var compiled = DependencyGraph.FromAssemblyReferences(AppContext.BaseDirectory).PathTo("Actors.SiloHosting", ArchitectureRules.IsNpgsql);
        var declared = DependencyGraph.FromDepsJson(Path.Combine(AppContext.BaseDirectory, "Actors.Tests.deps.json"))
            .PathTo("Actors.SiloHosting", ArchitectureRules.IsNpgsql);
        Assert.NotNull(compiled);
        Assert.NotNull(declared);
        foreach (var path in new[] { compiled, declared })
        {
            Assert.True(path.Count >= 3, "a transitive chain: " + string.Join(" -> ", path));
            Assert.All(path.Skip(1).SkipLast(1), step => Assert.StartsWith("Actors.", step, StringComparison.Ordinal));
        }
    }
}
