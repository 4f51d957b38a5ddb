using Actors.Contracts.Errors;

namespace Actors.Api.GraphQL.Errors;

/// <summary>What every mutation returns: the changed object, or the expected domain errors (then nothing changed).</summary>
public sealed record MutationPayload(object? Value, IReadOnlyList<DomainError>? Errors)
{
    public static MutationPayload Success(object value) => new(value, null);

    public static MutationPayload Failure(DomainError error) => new(null, [error]);
}
