namespace Actors.SignedDocuments;

/// <summary>
/// The outcome of an offline check. <see cref="Payload"/> is given whenever the signature is good (valid, expired, not
/// yet valid), so a page can show the dates; never for an invalid document, whose content is not to be trusted.
/// </summary>
public sealed record DocumentVerification(
    VerificationVerdict Verdict,
    VerificationFailure? Failure,
    DocumentPayload? Payload,
    string? KeyId,
    string Message);
