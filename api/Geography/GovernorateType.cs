using Actors.Api.GraphQL;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Geography;

public sealed class GovernorateType : ObjectGraphType<Governorate>
{
    public GovernorateType()
    {
        Name = "Governorate";
        Description = "One of Tunisia's 24 governorates.";
        Field<NonNullGraphType<GovernorateCodeType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("isoCode").Description("ISO 3166-2:TN code.").Resolve(ctx => ctx.Source.IsoCode);
        Field<NonNullGraphType<StringGraphType>>("nameAr").Resolve(ctx => ctx.Source.NameAr);
        Field<NonNullGraphType<StringGraphType>>("nameFr").Resolve(ctx => ctx.Source.NameFr);
        Field<NonNullGraphType<StringGraphType>>("name").Description("In the caller's Accept-Language (French by default).")
            .Resolve(ctx => ctx.Localized(ctx.Source.NameAr, ctx.Source.NameFr));
    }
}
