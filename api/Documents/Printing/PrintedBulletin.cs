using Actors.SignedDocuments;

namespace Actors.Api.Documents.Printing;

/// <summary>
/// What the printed bulletin no. 3 shows: the signed payload as text for a reader, the QR text that carries the same
/// payload signed, and the address where a third party checks it.
/// </summary>
public sealed record PrintedBulletin(DocumentPayload Payload, string QrText, string VerificationAddress);
