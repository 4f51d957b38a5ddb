namespace Actors.SignedDocuments;

/// <summary>Why a document is <see cref="VerificationVerdict.Invalid"/>, in the order the checks run.</summary>
public enum VerificationFailure
{
    /// <summary>The text, its encoding, the COSE structure or the payload cannot be read.</summary>
    Malformed,

    /// <summary>Signed with an algorithm other than ES256.</summary>
    UnsupportedAlgorithm,

    /// <summary>No published key has the document's key id.</summary>
    UnknownKey,

    /// <summary>The signature does not verify with the published key.</summary>
    BadSignature,

    /// <summary>The issued-at time falls outside the period in which the key was signing.</summary>
    KeyNotValidAtIssue,
}
