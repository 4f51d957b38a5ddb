namespace Actors.SignedDocuments;

/// <summary>
/// What a signed document says, and nothing more: the least data that makes a bulletin no. 3 useful to an employer.
/// Times are whole seconds (UTC); names are as on the civil registry (Arabic, Latin script when known).
/// </summary>
public sealed record DocumentPayload(
    string Number,
    string Kind,
    string Issuer,
    string GivenName,
    string FamilyName,
    string? GivenNameLatin,
    string? FamilyNameLatin,
    DateOnly BirthDate,
    string Outcome,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil)
{
    /// <summary>The kind code of bulletin no. 3 (criminal-record extract).</summary>
    public const string CriminalRecordExtract = "B3";

    /// <summary>The only outcome ever signed: a record with entries is referred, never issued as a document.</summary>
    public const string NoEntries = "NO_ENTRIES";
}
