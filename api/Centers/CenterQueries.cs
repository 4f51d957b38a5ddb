using System.Globalization;
using System.Text;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Centers;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Centers;

public static class CenterQueries
{
    public static void AddCenterQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(ServiceCenterType.TypeName, async (ctx, code) => await ctx.Service<CenterLookup>().Find(code));

        query.Field<ServiceCenterType>("center")
            .Description("A center by global id. Public: citizens choose where to go.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var code = GlobalId.DecodeKey(ctx.GetArgument<string>("id"), ServiceCenterType.TypeName);
                return await ctx.Service<CenterLookup>().Find(code) ?? throw ApiErrors.NotFound();
            });

        PageArguments.AddTo(query.Field<NonNullGraphType<ConnectionType<ServiceCenterType, ServiceCenterView>>>("centers"))
            .Description("Centers, filtered and ordered. " + PageArguments.Documentation)
            .Argument<CenterWhereInputType>("where")
            .Argument<CenterOrderInputType>("order")
            .ResolveAsync(async ctx =>
            {
                var page = PageArguments.Read(ctx);
                var where = ctx.GetArgument<CenterWhere?>("where") ?? new CenterWhere();
                var order = ctx.GetArgument<CenterOrder?>("order") ?? new CenterOrder();
                if (where.Search is { Length: > 100 })
                {
                    throw ApiErrors.BadInput("search is at most 100 characters.", "where.search");
                }

                var all = await ctx.Service<CenterLookup>().List();
                var filtered = all.Where(c => Matches(where, c));
                Func<ServiceCenterView, string> key = order.Field switch
                {
                    CenterSortField.Name => c => Fold(c.Profile.NameFr),
                    CenterSortField.Readiness => c => ((int)(c.Readiness.Score * 10000)).ToString("D5", CultureInfo.InvariantCulture),
                    _ => c => c.Code,
                };
                return ConnectionResolver.FromList(
                    page, filtered, $"centers/{order.Field}/{order.Direction}", key, c => c.Code, order.Direction == SortDirectionType.Descending);
            });
    }

    private static bool Matches(CenterWhere w, ServiceCenterView c) =>
        (w.Governorates is not { Count: > 0 } || w.Governorates.Contains(c.Profile.Governorate))
        && (w.Kinds is not { Count: > 0 } || w.Kinds.Contains(c.Profile.Kind))
        && (w.Phases is not { Count: > 0 } || w.Phases.Contains(c.Phase))
        && (w.Services is not { Count: > 0 } || w.Services.All(c.Offers))
        && (w.TakesRequests is null || w.TakesRequests == c.TakesRequests)
        && (string.IsNullOrWhiteSpace(w.Search)
            || Fold(c.Code).Contains(Fold(w.Search), StringComparison.Ordinal)
            || Fold(c.Profile.NameFr).Contains(Fold(w.Search), StringComparison.Ordinal)
            || Fold(c.Profile.NameAr).Contains(Fold(w.Search), StringComparison.Ordinal));

    /// <summary>Case- and accent-insensitive form for search and name order (Béja = beja).</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}
