using Actors.Api.Hosting;

namespace Actors.Tests.Architecture;

/// <summary>
/// The boundaries between projects, checked on the compiled assemblies (so a reference added to a csproj and used
/// anywhere fails here). The checker itself is tested against known violations in <see cref="ArchitectureCheckerTests"/>.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string Api = typeof(EmbeddedSilo).Assembly.Location;
    private static readonly DependencyGraph Compiled = DependencyGraph.FromAssemblyReferences(AppContext.BaseDirectory);
    private static readonly DependencyGraph Declared = DependencyGraph.FromDepsJson(Path.Combine(AppContext.BaseDirectory, "Actors.Tests.deps.json"));

    [Fact]
    public void The_GraphQL_code_names_no_grain_implementation_storage_or_silo_hosting_type()
    {
        var uses = ArchitectureRules.Uses(Api, ArchitectureRules.NotForTheGraphQLCode, IsEmbeddedSilo);
        Assert.Empty(uses);
    }

    [Fact]
    public void The_embedded_silo_is_where_the_API_uses_silo_hosting()
    {
        // Without this the rule above could pass because the scanner sees nothing.
        var uses = ArchitectureRules.Uses(Api, ArchitectureRules.NotForTheGraphQLCode, name => !IsEmbeddedSilo(name));
        Assert.Contains(uses, u => u.Contains("(Actors.SiloHosting)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Actors.Contracts")]
    public void Contracts_depend_neither_on_ASP_NET_Core_nor_on_Npgsql(string contracts)
    {
        Assert.Null(Compiled.PathTo(contracts, n => ArchitectureRules.IsAspNetCore(n) || ArchitectureRules.IsNpgsql(n)));
        Assert.Null(Declared.PathTo(contracts, n => ArchitectureRules.IsAspNetCore(n) || ArchitectureRules.IsNpgsql(n)));
    }

    [Fact]
    public void Grains_do_not_depend_on_persistence()
    {
        static bool Storage(string n) => n == "Actors.Persistence" || ArchitectureRules.IsNpgsql(n);
        Assert.Null(Compiled.PathTo("Actors.Grains", Storage));
        Assert.Null(Declared.PathTo("Actors.Grains", Storage));
    }

    [Fact]
    public void Persistence_does_not_depend_on_grains()
    {
        Assert.Null(Compiled.PathTo("Actors.Persistence", n => n == "Actors.Grains"));
        Assert.Null(Declared.PathTo("Actors.Persistence", n => n == "Actors.Grains"));
    }

    [Fact]
    public void Client_hosting_depends_neither_on_grains_nor_on_silo_hosting()
    {
        static bool SiloSide(string n) => n is "Actors.Grains" or "Actors.SiloHosting";
        Assert.Null(Compiled.PathTo("Actors.ClientHosting", SiloSide));
        Assert.Null(Declared.PathTo("Actors.ClientHosting", SiloSide));
    }

    private static bool IsEmbeddedSilo(string typeName) => typeName == typeof(EmbeddedSilo).FullName;
}
