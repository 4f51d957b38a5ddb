using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Documents;
using Actors.Contracts.Errors;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Documents;

public static class DocumentMutations
{
    public static void AddDocumentMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {
        mutation.AddMutation(errors, DocumentOperations.RevokeDocument,
            "Withdraws an issued document before it expires (SUPERVISOR of its governorate), with a reason code. Online checks then answer " +
            "REVOKED; the printed QR still verifies offline, which is why /verify and tools/verify say revocation is checked online.",
            new RevokeDocumentInputType(), "document", IssuedDocumentType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<RevokeDocumentInput>("input");
                var note = InputText.Optional(input.Note, "input.note", DomainLimits.MaxReasonLength);
                return await Document(input.Number, "input.number", ctx).Revoke(actor, input.Reason, note);
            });

        mutation.AddMutation(errors, DocumentOperations.CreateDownloadLink,
            "A one-time link to the owner's document PDF (CITIZEN, the owner): for a browser or a device that has no token. It works once and expires.",
            new CreateDocumentDownloadLinkInputType(), "link", DocumentDownloadLinkType.TypeName,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<CreateDocumentDownloadLinkInput>("input");
                return await Document(input.Number, "input.number", ctx).CreateDownloadLink(actor);
            });
    }

    private static IIssuedDocumentGrain Document(string number, string field, IResolveFieldContext ctx) =>
        ctx.Service<IGrainFactory>().Reference<IIssuedDocumentGrain>(
            DocumentNumbers.Normalize(number)
            ?? throw ApiErrors.BadInput($"A document number has three groups of five letters or digits, e.g. {DocumentNumbers.Example}.", field));
}
