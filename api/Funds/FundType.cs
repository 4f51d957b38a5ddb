using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Money;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Funds;

public sealed class FundType : ObjectGraphType<FundView>
{
    public const string TypeName = "Fund";

    public FundType()
    {
        Name = TypeName;
        Description = "The local authorities' loan and support fund (صندوق القروض ومساعدة الجماعات المحلية) for one budget year. "
                      + "appropriation = programmed + unprogrammed always; available = programmed - reserved - allocated "
                      + "(the unprogrammed remainder is not available until an approved amendment programmes it).";
        Interface<NodeInterface>();
        IsTypeOf = value => value is FundView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, Year(ctx.Source)));
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(ctx => ctx.Source.Year);
        Field<NonNullGraphType<MoneyType>>("appropriation").Description("The year's total appropriation (2026: 138.2 million dinars).")
            .Resolve(ctx => new Money.Money(ctx.Source.AppropriationMillimes));
        Field<NonNullGraphType<MoneyType>>("programmed").Description("The sum of the programme lines.")
            .Resolve(ctx => new Money.Money(ctx.Source.ProgrammedMillimes));
        Field<NonNullGraphType<MoneyType>>("unprogrammed").Description("Assigned to no programme (2026: 10 million dinars), until an amendment programmes it.")
            .Resolve(ctx => new Money.Money(ctx.Source.UnprogrammedMillimes));
        Field<NonNullGraphType<MoneyType>>("reserved").Description("Proposed allocations, not yet approved.")
            .Resolve(ctx => new Money.Money(ctx.Source.ReservedMillimes));
        Field<NonNullGraphType<MoneyType>>("allocated").Description("Approved allocations and later, less what cancellations returned.")
            .Resolve(ctx => new Money.Money(ctx.Source.AllocatedMillimes));
        Field<NonNullGraphType<MoneyType>>("disbursed").Resolve(ctx => new Money.Money(ctx.Source.DisbursedMillimes));
        Field<NonNullGraphType<MoneyType>>("available").Description("programmed - reserved - allocated.")
            .Resolve(ctx => new Money.Money(ctx.Source.AvailableMillimes));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundProgrammeType>>>>("programmes").Resolve(ctx => ctx.Source.Programmes);
        Field<FundProgrammeType>("programme").Argument<NonNullGraphType<FundProgrammeCodeType>>("code")
            .Resolve(ctx => ctx.Source.Programmes.FirstOrDefault(p => p.Code == ctx.GetArgument<FundProgrammeCode>("code")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundGovernorateRollupType>>>>("byGovernorate")
            .Description("Allocations summed per governorate: all 24, in ISO code order, zeros included.")
            .Resolve(ctx => ctx.Source.ByGovernorate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundAmendmentType>>>>("amendments")
            .Description("Appropriation amendments, oldest first: a projection of the fund's amendment events (a mutation's payload is authoritative at once).")
            .Argument<AmendmentStatusType>("status")
            .ResolveAsync(async ctx =>
            {
                var all = await ctx.Service<IGrainFactory>().Reference<IAmendmentRegisterGrain>(ctx.Source.Year).List();
                return ctx.GetArgument<AmendmentStatus?>("status") is { } status ? all.Where(a => a.Status == status).ToList() : all;
            });
        Field<NonNullGraphType<IntGraphType>>("allocationCount").Resolve(ctx => ctx.Source.AllocationCount);
        Field<NonNullGraphType<StringGraphType>>("source").Description("Where the appropriations come from.").Resolve(ctx => ctx.Source.Source);
        Field<NonNullGraphType<DateTimeScalar>>("openedAt").Resolve(ctx => ctx.Source.OpenedAt);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Grows by one with every step on the fund.").Resolve(ctx => ctx.Source.Version);

        PageArguments.AddTo(Field<NonNullGraphType<ConnectionType<AllocationType, Allocation>>>("allocations"))
            .Description("The year's allocations, filtered and ordered (a projection: see asOf; each node is read from the fund itself). "
                         + PageArguments.Documentation)
            .Argument<AllocationWhereInputType>("where")
            .Argument<AllocationOrderInputType>("order")
            .ResolveAsync(async ctx => await Allocations(ctx));
    }

    private static string Year(FundView fund) => fund.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Connection<Allocation>> Allocations(IResolveFieldContext<FundView> ctx)
    {
        var page = PageArguments.Read(ctx);
        var where = ctx.GetArgument<AllocationWhere?>("where") ?? new AllocationWhere();
        var orderInput = ctx.GetArgument<AllocationOrderInput?>("order") ?? new AllocationOrderInput();
        var order = new AllocationOrder(orderInput.Field, orderInput.Direction == SortDirectionType.Descending);
        if (where.MunicipalityCodes is { Count: > 100 })
        {
            throw ApiErrors.BadInput("At most 100 municipality codes.", "where.municipalityCodes");
        }

        var year = ctx.Source.Year;
        var filter = new AllocationFilter(year, where.Programmes, where.Governorates,
            where.MunicipalityCodes?.Select(c => c.Trim().ToUpperInvariant()).ToList(), where.Statuses);
        var fund = ctx.Service<IGrainFactory>().Reference<IFundGrain>(year);
        return await ConnectionResolver.FromIndexAsync(
            page, ctx.Service<IAllocationIndex>(), filter, order, $"allocations/{Year(ctx.Source)}/{order.Field}/{(order.Descending ? "DESC" : "ASC")}",
            entries => Nodes(entries, fund), ctx);
    }

    /// <summary>The index is a projection; the fund grain is the truth. One call for the whole page.</summary>
    private static async Task<IReadOnlyList<Allocation?>> Nodes(IReadOnlyList<AllocationIndexEntry> entries, IFundGrain fund)
    {
        var found = entries.Count == 0 ? [] : await fund.GetAllocations(entries.Select(e => e.Id).ToList());
        var byId = found.ToDictionary(a => a.Id);
        return entries.Select(e => byId.GetValueOrDefault(e.Id)).ToList();
    }
}
