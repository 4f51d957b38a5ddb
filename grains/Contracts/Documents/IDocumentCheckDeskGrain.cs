using Orleans.Concurrency;

namespace Actors.Contracts.Documents;

/// <summary>
/// The public online check: rate-limited per client address and per code, logged every time, answering only
/// when the holder's birth date matches. The client address is hashed here and never stored as is.
/// </summary>
public interface IDocumentCheckDeskGrain : IGrainWithIntegerKey
{
    [AlwaysInterleave]
    Task<DocumentCheckResult> Check(string code, DateOnly holderBirthDate, string clientAddress);
}
