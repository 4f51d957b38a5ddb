namespace Actors.SignedDocuments;

/// <summary>What an offline check concludes. Revocation and supersession are not among them: they are known online only.</summary>
public enum VerificationVerdict
{
    /// <summary>Signed by a published key that was signing at issue, and within its dates.</summary>
    Valid,

    /// <summary>The signature is good but the validity date has passed.</summary>
    Expired,

    /// <summary>The signature is good but the document is dated more than five minutes ahead of the verifier's clock.</summary>
    NotYetValid,

    /// <summary>Not a document of this issuer: see the <see cref="VerificationFailure"/>.</summary>
    Invalid,
}
