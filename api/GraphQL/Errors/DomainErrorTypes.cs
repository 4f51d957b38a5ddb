using Actors.Contracts.Errors;
using GraphQL.Types;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// The payload error types, one per refusal code of the catalogue in Contracts
/// (<see cref="RefusalCatalogue"/>), and the per-mutation unions built from the refusals each
/// operation declares (<see cref="DomainOperation"/>).
/// </summary>
public sealed class DomainErrorTypes
{
    private readonly Dictionary<string, DomainErrorType> byCode = new(StringComparer.Ordinal);

    public DomainErrorType For(string code)
    {
        if (!byCode.TryGetValue(code, out var type))
        {
            type = new DomainErrorType(code, RefusalCatalogue.Describe(code));
            byCode[code] = type;
        }

        return type;
    }

    /// <summary>The union <c>{mutationName}Error</c> of the given codes (VerbNounError per API.md).</summary>
    public UnionGraphType Union(string mutationTypeName, IEnumerable<string> codes)
    {
        var union = new UnionGraphType { Name = mutationTypeName + "Error" };
        foreach (var code in codes.Distinct())
        {
            union.AddPossibleType(For(code));
        }

        union.ResolveType = value => value is DomainError error ? For(error.Code) : null;
        return union;
    }

    public bool Knows(string code) => byCode.ContainsKey(code);
}
