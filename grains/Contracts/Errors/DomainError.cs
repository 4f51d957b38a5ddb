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
    /// <summary>
    /// The one wording of NOT_FOUND, wherever it is raised (a grain, a query, a node, a subscription):
    /// not found and not yours look alike, so that ids cannot be probed.
    /// </summary>
    public const string NotFoundMessage = "Not found, or not visible to you.";

    public static DomainError NotFound() => Of(ErrorCodes.NotFound, NotFoundMessage);

    public static DomainError Of(string code, string message, params (string Key, string Value)[] parameters) =>
        new(code, message, parameters.ToDictionary(p => p.Key, p => p.Value));
}
