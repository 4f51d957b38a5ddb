namespace Actors.Contracts.Audit;

/// <summary>
/// What one audited operation did, before the trail seals it: who (issuer, subject, role as the schema spells it,
/// <c>ANONYMOUS</c> without a token), what (the operation's name and the ids of the objects it touched: global ids or
/// request references, never personal values), when, from where (a keyed hash of the client address) and the outcome
/// (<c>OK</c>, a refusal code or an error code). <see cref="Governorates"/> are those of the objects touched: the
/// scope in which supervisors see the entry.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Issuer,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Role,
    [property: Id(4)] AuditKind Kind,
    [property: Id(5)] string Operation,
    [property: Id(6)] IReadOnlyList<string> ObjectIds,
    [property: Id(7)] IReadOnlyList<string> Governorates,
    [property: Id(8)] string? ClientAddressHash,
    [property: Id(9)] string Outcome)
{
    /// <summary>The outcome of an operation that did what was asked.</summary>
    public const string Ok = "OK";

    /// <summary>The role written for a caller without a token.</summary>
    public const string Anonymous = "ANONYMOUS";

    /// <summary>
    /// The id the entry is to carry, chosen by whoever sends the record so that sending it again (after a timeout whose
    /// first attempt may have been stored) stores it once; the trail keeps the first. Empty (a sender of an earlier
    /// release): the trail chooses one. Not part of the sealed record: the entry's <see cref="AuditEntry.Id"/> is.
    /// </summary>
    [Id(10)]
    public Guid EntryId { get; init; }
}
