using GraphQL.Execution;

namespace Actors.Api.TrustedDocuments;

/// <summary>A request refused before anything was parsed or run: an unknown hash, or an ad-hoc document where only registered ones are accepted.</summary>
public sealed class TrustedDocumentError : DocumentError
{
    public TrustedDocumentError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
