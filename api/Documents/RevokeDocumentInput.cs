using Actors.Contracts.Documents;

namespace Actors.Api.Documents;

public sealed class RevokeDocumentInput
{
    public string Number { get; set; } = "";

    public RevocationReason Reason { get; set; }

    public string? Note { get; set; }
}
