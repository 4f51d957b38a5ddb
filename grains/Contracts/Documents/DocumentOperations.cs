using Actors.Contracts.Errors;

namespace Actors.Contracts.Documents;

public static class DocumentOperations
{
    public static DomainOperation RevokeDocument { get; } = new("revokeDocument", ErrorCodes.NotAllowed, ErrorCodes.InvalidTransition);

    public static DomainOperation CreateDownloadLink { get; } = new("createDocumentDownloadLink", ErrorCodes.NotAllowed, ErrorCodes.InvalidTransition);

    public static IReadOnlyList<DomainOperation> All { get; } = [RevokeDocument, CreateDownloadLink];
}
