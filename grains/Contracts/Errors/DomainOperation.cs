namespace Actors.Contracts.Errors;

/// <summary>
/// An operation that a grain offers its callers (one mutation's worth), with the refusals it may
/// raise, declared once: the grain refuses through it and the API builds the mutation's error union
/// from <see cref="Refusals"/>. NOT_FOUND is never declared: not found and not yours stay GraphQL
/// errors that look alike.
/// </summary>
public sealed record DomainOperation
{
    public DomainOperation(string name, params string[] refusals)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        var unknown = refusals.Where(code => !RefusalCatalogue.Contains(code)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{name} declares refusals missing from the catalogue: {string.Join(", ", unknown)}.");
        }

        Name = name;
        Refusals = refusals.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The schema's name of the operation (the mutation field).</summary>
    public string Name { get; }

    public IReadOnlyList<string> Refusals { get; }

    public bool Declares(string code) => code == ErrorCodes.NotFound || Refusals.Contains(code, StringComparer.Ordinal);

    /// <summary>A refusal of this operation; a code it does not declare is a programming error, caught here.</summary>
    public DomainException Refuse(string code, string message, params (string Key, string Value)[] parameters) =>
        Declares(code)
            ? new DomainException(DomainError.Of(code, message, parameters))
            : throw new UndeclaredRefusalException(Name, code);
}
