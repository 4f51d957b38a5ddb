using System.Globalization;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Funds;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Funds;

public static class FundQueries
{
    public static void AddFundQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(FundType.TypeName, async (ctx, key) =>
            ctx.MayRead() && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                ? await ctx.Service<FundLookup>().Fund(year)
                : null);
        nodes.Register(AllocationType.TypeName, async (ctx, key) =>
            ctx.MayRead() && FundIds.TryParseKey(key, out var year, out var id)
                ? await ctx.Service<IGrainFactory>().Reference<IFundGrain>(year).FindAllocation(id)
                : null);
        nodes.Register(FundAmendmentType.TypeName, async (ctx, key) =>
            ctx.MayRead() && FundIds.TryParseKey(key, out var year, out var id)
                ? await ctx.Service<IGrainFactory>().Reference<IFundGrain>(year).FindAmendment(id)
                : null);
        nodes.Register(MunicipalityType.TypeName, async (ctx, code) =>
            ctx.MayRead() ? await ctx.Service<FundLookup>().Municipality(code) : null);

        query.Field<FundType>("fund")
            .Description("The fund for a budget year (FUND_MANAGER, ANALYST, OPERATOR). A year without a fund is null with a NOT_FOUND error.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireActor();
                return await ctx.Service<FundLookup>().Fund(ctx.GetArgument<int>("year")) ?? throw ApiErrors.NotFound();
            });

        PageArguments.AddTo(query.Field<NonNullGraphType<ConnectionType<MunicipalityType, Municipality>>>("municipalities"))
            .Description("Municipalities by code, filtered (FUND_MANAGER, ANALYST, OPERATOR). " + PageArguments.Documentation)
            .Argument<MunicipalityWhereInputType>("where")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireActor();
                var page = PageArguments.Read(ctx);
                var where = ctx.GetArgument<MunicipalityWhere?>("where") ?? new MunicipalityWhere();
                var search = InputText.Optional(where.Search, "where.search", 100)?.ToUpperInvariant();
                var codes = where.Codes?.Select(c => c.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
                var all = await ctx.Service<FundLookup>().List();
                var matching = all
                    .Where(m => where.Governorates is not { Count: > 0 } || where.Governorates.Contains(m.Governorate))
                    .Where(m => codes is not { Count: > 0 } || codes.Contains(m.Code))
                    .Where(m => where.IsNew is null || where.IsNew == m.IsNew)
                    .Where(m => where.IsDemo is null || where.IsDemo == m.IsDemo)
                    .Where(m => search is null || m.Code.Contains(search, StringComparison.Ordinal)
                                || m.NameFr.ToUpperInvariant().Contains(search, StringComparison.Ordinal)
                                || m.NameAr.Contains(search, StringComparison.Ordinal))
                    .ToList();
                return ConnectionResolver.FromList(page, matching, "municipalities/CODE", m => m.Code, m => m.Code);
            });
    }
}
