namespace Actors.Contracts.Audit;

/// <summary>
/// The first link of the chain that does not hold: at <see cref="Sequence"/>, the <see cref="Field"/>
/// (<c>sequence</c>, <c>previousHash</c> or <c>hash</c>) was expected to be <see cref="Expected"/> and is <see cref="Found"/>.
/// </summary>
public sealed record AuditChainBreak(long Sequence, string Field, string Expected, string Found);
