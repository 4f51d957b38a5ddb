using System.Text.RegularExpressions;
using Actors.Api.GraphQL;
using Actors.Contracts.Documents;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Documents;

public static partial class DocumentQueries
{
    public static void AddDocumentQueries(this ObjectGraphType query) =>
        query.Field<VerifiedDocumentType>("verifyDocument")
            .Description("Public check of an issued digital document (e.g. by an employer): answers only when the holder's birth date matches; otherwise null.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The verification code printed on the document, e.g. 7K2QF-4M7TZ-9XW3C.")
            .Argument<NonNullGraphType<DateScalar>>("holderBirthDate")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code").Trim().ToUpperInvariant();
                if (!Code().IsMatch(code))
                {
                    return null;
                }

                return await ctx.Service<IGrainFactory>().GetGrain<IIssuedDocumentGrain>(code).Verify(ctx.GetArgument<DateOnly>("holderBirthDate"));
            });

    [GeneratedRegex("^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex Code();
}
