using Actors.Contracts.Errors;
using GraphQL.Types;

namespace Actors.Api.GraphQL.Errors;

/// <summary>
/// The catalogue of payload error types, one per domain code, and the per-mutation unions built
/// from them. Features add their codes with <see cref="Describe"/> before the schema is built.
/// </summary>
public sealed class DomainErrorTypes
{
    private readonly Dictionary<string, DomainErrorType> byCode = new(StringComparer.Ordinal);

    public DomainErrorTypes()
    {
        Describe(ErrorCodes.InvalidTransition, "The step is not possible from the current status.");
        Describe(ErrorCodes.NotAllowed, "The caller's role or scope does not permit this step.");
        Describe(ErrorCodes.ReasonRequired, "This step must say why.");
        Describe(ErrorCodes.VersionMismatch, "The object changed since the caller read it.");
        Describe(ErrorCodes.IdempotencyKeyReused, "The idempotency key was used before with different input.");
        Describe(ErrorCodes.ValidationFailed, "The input breaks a domain rule.");
    }

    public DomainErrorType Describe(string code, string description)
    {
        if (!byCode.TryGetValue(code, out var type))
        {
            type = new DomainErrorType(code, description);
            byCode[code] = type;
        }

        return type;
    }

    public DomainErrorType For(string code) =>
        byCode.TryGetValue(code, out var type) ? type : throw new InvalidOperationException($"No payload error type for {code}.");

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
