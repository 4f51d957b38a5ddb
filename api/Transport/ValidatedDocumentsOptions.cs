namespace Actors.Api.Transport;

/// <summary>Configuration section <c>GraphQL:DocumentCache</c>: how much text <see cref="ValidatedDocuments"/> keeps.</summary>
public sealed class ValidatedDocumentsOptions
{
    public const string Section = "GraphQL:DocumentCache";

    /// <summary>
    /// Total characters of the document texts kept (1,000,000: a parsed document takes about ten times its text, so some
    /// 10 MB at most). 0 turns the cache off: every request is parsed and validated, as before the cache.
    /// </summary>
    public int MaxCharacters { get; set; } = 1_000_000;
}
