using Actors.Api.GraphQL;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace Actors.Api.TrustedDocuments;

/// <summary>
/// Decides, before anything is lexed, which document a request runs. A hash runs its registered operation in every
/// mode (an unknown hash is refused); an ad-hoc document is refused from the callers the mode holds to registered
/// operations, and otherwise goes on to <see cref="Security.GraphQLRequestGate"/> like any document.
/// </summary>
public sealed class TrustedDocumentsPolicy(
    TrustedOperationRegistry registry,
    IOptions<TrustedDocumentsOptions> options,
    IHostEnvironment environment)
{
    public TrustedDocumentsMode Mode { get; } = options.Value.EffectiveMode(environment);

    public TrustedDocumentDecision Decide(GraphQLRequest request, GraphQLUserContext caller)
    {
        var hash = TrustedDocumentReference.HashOf(request, out var conflict);
        if (conflict)
        {
            return TrustedDocumentDecision.Refuse(ErrorCodes.BadRequest, "documentId and extensions.persistedQuery.sha256Hash name different operations: send one.");
        }

        if (hash is null)
        {
            return MustUseRegistered(caller.Actor)
                ? TrustedDocumentDecision.Refuse(
                    TrustedDocumentCodes.PersistedQueryRequired,
                    "This server runs only registered operations for this caller: send the operation's hash (documentId or extensions.persistedQuery.sha256Hash), not its text.")
                : TrustedDocumentDecision.AdHoc;
        }

        if (!registry.TryFind(hash, out var operation))
        {
            return TrustedDocumentDecision.Refuse(TrustedDocumentCodes.PersistedQueryNotFound, "No registered operation has this hash.");
        }

        // A client may send the text along with its hash (Apollo does on a retry): it must be the registered text.
        if (!string.IsNullOrWhiteSpace(request.Query) && !string.Equals(request.Query.ReplaceLineEndings("\n").Trim(), operation.Document, StringComparison.Ordinal))
        {
            return TrustedDocumentDecision.Refuse(ErrorCodes.BadRequest, $"The query sent is not the registered text of {operation.Name}: send the hash alone.");
        }

        var registered = new GraphQLRequest
        {
            Query = operation.Document,
            OperationName = request.OperationName ?? operation.Name,
            Variables = request.Variables,
            Extensions = request.Extensions,
        };
        return new TrustedDocumentDecision(operation, registered, null);
    }

    private bool MustUseRegistered(Actor? actor) => Mode switch
    {
        TrustedDocumentsMode.Everyone => true,
        TrustedDocumentsMode.PublicAndCitizens => actor is null or { Role: ActorRole.Citizen },
        _ => false,
    };
}
