using GraphQL.Transport;

namespace Actors.Api.TrustedDocuments;

/// <summary>
/// What the trusted-documents policy made of a request: the registered operation to run (with the request rewritten
/// to carry its document), the refusal, or neither when the caller's ad-hoc document goes on to the usual bounds.
/// </summary>
public readonly record struct TrustedDocumentDecision(TrustedOperation? Operation, GraphQLRequest? Request, TrustedDocumentError? Refusal)
{
    public static TrustedDocumentDecision AdHoc => default;

    public static TrustedDocumentDecision Refuse(string code, string message) => new(null, null, new TrustedDocumentError(code, message));
}
