using GraphQL;

namespace Actors.Api.TrustedDocuments;

/// <summary>
/// A request refused before anything was parsed or run: an unknown hash, or an ad-hoc document where only registered
/// ones are accepted. Not a DocumentError: those are reported as BAD_USER_INPUT, and this code is what clients act on.
/// </summary>
public sealed class TrustedDocumentError : ExecutionError
{
    public TrustedDocumentError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
