using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Documents;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Documents;

public static class DocumentQueries
{
    public static void AddDocumentQueries(this ObjectGraphType query)
    {
        query.Field<VerifiedDocumentType>("verifyDocument")
            .Description(
                "Public online check of an issued document (e.g. by an employer): answers only when the holder's birth date matches; " +
                "a wrong birth date and an unknown code both give null. Limited per client address and per code (RATE_LIMITED with " +
                "extensions.retryAfterSeconds); every check is logged. The QR code can also be checked offline at /verify.")
            .Argument<NonNullGraphType<StringGraphType>>("code", $"The verification code printed on the document, e.g. {DocumentNumbers.Example}.")
            .Argument<NonNullGraphType<DateScalar>>("holderBirthDate")
            .ResolveAsync(async ctx =>
            {
                var code = DocumentNumbers.Normalize(ctx.GetArgument<string>("code"))
                    ?? throw ApiErrors.BadInput($"A verification code has three groups of five letters or digits, e.g. {DocumentNumbers.Example}.", "code");
                var result = await ctx.Service<IGrainFactory>().Reference<IDocumentCheckDeskGrain>(0)
                    .Check(code, ctx.GetArgument<DateOnly>("holderBirthDate"), ctx.UserContextOf().ClientAddress);
                return result.RetryAfter is { } wait
                    ? throw ApiErrors.RateLimited("Too many document checks from this address or of this code.", wait)
                    : result.Answer;
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DocumentCheckType>>>>("documentChecks")
            .Description($"The online checks of a code, newest first (the last 200 are kept), for supervisors: who tried it, when, with what outcome.")
            .Argument<NonNullGraphType<StringGraphType>>("code", $"A verification code, e.g. {DocumentNumbers.Example}.")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireActor();
                var code = DocumentNumbers.Normalize(ctx.GetArgument<string>("code"))
                    ?? throw ApiErrors.BadInput($"A verification code has three groups of five letters or digits, e.g. {DocumentNumbers.Example}.", "code");
                return await ctx.Service<IGrainFactory>().Reference<IDocumentCheckLogGrain>(code).Recent();
            });
    }
}
