using System.Reflection;
using Actors.Contracts.Errors;

namespace Actors.Tests.Refusals;

/// <summary>Every operation declared in Contracts, found the way a newcomer would add one: a static <c>XxxOperations.All</c>.</summary>
public static class DeclaredOperations
{
    public static IReadOnlyList<Type> Catalogues { get; } = typeof(DomainOperation).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Operations", StringComparison.Ordinal))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<DomainOperation> All { get; } = Catalogues
        .SelectMany(t => t.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IReadOnlyList<DomainOperation>
            ?? throw new InvalidOperationException($"{t.FullName} has no public static IReadOnlyList<DomainOperation> All."))
        .ToList();
}
