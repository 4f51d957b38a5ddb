namespace Actors.Tests.Architecture;

/// <summary>The boundaries of the solution, as checks over compiled assemblies.</summary>
public static class ArchitectureRules
{
    /// <summary>What the API's GraphQL code may not name: grain implementations, storage, the silo's own wiring.</summary>
    public static readonly IReadOnlyList<string> NotForTheGraphQLCode = ["Actors.Grains", "Actors.Persistence", "Actors.SiloHosting", "Npgsql"];

    public static bool IsAspNetCore(string name) => name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase);

    public static bool IsNpgsql(string name) => name.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One line per (type, referenced type) where a top-level type of the assembly, unless <paramref name="exempt"/>,
    /// names a type defined in one of <paramref name="forbiddenAssemblies"/>.
    /// </summary>
    public static IReadOnlyList<string> Uses(string assemblyPath, IReadOnlyCollection<string> forbiddenAssemblies, Func<string, bool> exempt) =>
        TypeReferenceScanner.Scan(assemblyPath)
            .Where(t => !exempt(t.Key))
            .SelectMany(t => t.Value
                .Where(r => forbiddenAssemblies.Contains(r.Assembly, StringComparer.OrdinalIgnoreCase))
                .Select(r => $"{t.Key} uses {r}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
