using Actors.Api.Geography;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Funds;
using Actors.Contracts.Geography;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class MunicipalityType : ObjectGraphType<Municipality>
{
    public const string TypeName = "Municipality";

    public MunicipalityType()
    {
        Name = TypeName;
        Description = "A municipality (بلدية / commune), beneficiary of the fund's allocations.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Municipality;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Code));
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("nameAr").Resolve(ctx => ctx.Source.NameAr);
        Field<NonNullGraphType<StringGraphType>>("nameFr").Resolve(ctx => ctx.Source.NameFr);
        Field<NonNullGraphType<StringGraphType>>("name").Description("In the caller's Accept-Language (French by default).")
            .Resolve(ctx => ctx.Localized(ctx.Source.NameAr, ctx.Source.NameFr));
        Field<NonNullGraphType<GovernorateType>>("governorate").Resolve(ctx => Governorates.Find(ctx.Source.Governorate));
        Field<NonNullGraphType<BooleanGraphType>>("isNew")
            .Description("One of the new municipalities: only these receive NEW_MUNICIPALITIES aid.").Resolve(ctx => ctx.Source.IsNew);
        Field<NonNullGraphType<BooleanGraphType>>("isDemo").Description("Demo data, not an official record.").Resolve(ctx => ctx.Source.IsDemo);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);
    }
}
