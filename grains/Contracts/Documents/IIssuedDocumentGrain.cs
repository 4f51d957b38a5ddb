using Orleans.Concurrency;

namespace Actors.Contracts.Documents;

/// <summary>One issued document, keyed by its verification code.</summary>
public interface IIssuedDocumentGrain : IGrainWithStringKey
{
    /// <summary>Records the document; repeating the same registration is harmless.</summary>
    Task Register(Guid requestId, IssuedDocument document, DateOnly holderBirthDate);

    /// <summary>The document when the code exists and the birth date matches; otherwise null (the two look alike).</summary>
    [ReadOnly]
    Task<IssuedDocument?> Verify(DateOnly holderBirthDate);
}
