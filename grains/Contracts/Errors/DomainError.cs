namespace Actors.Contracts.Errors;

/// <summary>
/// An expected domain failure (invalid transition, center does not offer the service...).
/// Code is stable (SCREAMING_CASE); parameters let frontends word the message in Arabic or French.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DomainError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyDictionary<string, string> Parameters)
{
    public static DomainError Of(string code, string message, params (string Key, string Value)[] parameters) =>
        new(code, message, parameters.ToDictionary(p => p.Key, p => p.Value));
}
