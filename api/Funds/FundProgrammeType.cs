using Actors.Api.GraphQL;
using Actors.Api.Money;
using Actors.Contracts.Funds;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundProgrammeType : ObjectGraphType<FundProgrammeView>
{
    public const string TypeName = "FundProgramme";

    public FundProgrammeType()
    {
        Name = TypeName;
        Description = "A programme line of the fund: its appropriation and what is reserved, allocated, disbursed and still available on it.";
        Field<NonNullGraphType<FundProgrammeCodeType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Description("In the caller's Accept-Language (French by default).")
            .Resolve(ctx => ctx.Localized(ctx.Source.NameAr, ctx.Source.NameFr));
        Field<NonNullGraphType<StringGraphType>>("nameAr").Resolve(ctx => ctx.Source.NameAr);
        Field<NonNullGraphType<StringGraphType>>("nameFr").Resolve(ctx => ctx.Source.NameFr);
        Field<NonNullGraphType<MoneyType>>("initialAppropriation").Description("As voted, before amendments.")
            .Resolve(ctx => new Money.Money(ctx.Source.InitialAppropriationMillimes));
        Field<NonNullGraphType<MoneyType>>("appropriation").Description("As amended.").Resolve(ctx => new Money.Money(ctx.Source.AppropriationMillimes));
        Field<NonNullGraphType<MoneyType>>("reserved").Description("Proposed allocations, not yet approved.")
            .Resolve(ctx => new Money.Money(ctx.Source.ReservedMillimes));
        Field<NonNullGraphType<MoneyType>>("allocated").Description("Approved allocations and later, less what cancellations returned.")
            .Resolve(ctx => new Money.Money(ctx.Source.AllocatedMillimes));
        Field<NonNullGraphType<MoneyType>>("disbursed").Resolve(ctx => new Money.Money(ctx.Source.DisbursedMillimes));
        Field<NonNullGraphType<MoneyType>>("available").Description("appropriation - reserved - allocated.")
            .Resolve(ctx => new Money.Money(ctx.Source.AvailableMillimes));
        Field<NonNullGraphType<IntGraphType>>("allocationCount").Resolve(ctx => ctx.Source.AllocationCount);
    }
}
