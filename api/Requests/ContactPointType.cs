using Actors.Contracts.Requests;
using GraphQL.Types;

namespace Actors.Api.Requests;

public sealed class ContactPointType : ObjectGraphType<ContactPoint>
{
    public ContactPointType()
    {
        Name = "ContactPoint";
        Field<StringGraphType>("email").Resolve(ctx => ctx.Source.Email);
        Field<StringGraphType>("phone").Resolve(ctx => ctx.Source.Phone);
        Field<NonNullGraphType<StringGraphType>>("preferredLanguage").Description("ar or fr.").Resolve(ctx => ctx.Source.PreferredLanguage);
    }
}
