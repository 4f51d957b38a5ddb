using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Contracts.Identity;
using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.ReadModels;
using Actors.Contracts.Requests;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Exchanges;

public static class ExchangeQueries
{
    public static void AddExchangeQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(ExchangeType.TypeName, async (ctx, key) =>
            ctx.Actor() is { } actor && Guid.TryParseExact(key, "N", out var id) ? await Find(ctx, actor, id) : null);

        PageArguments.AddTo(query.Field<NonNullGraphType<ConnectionType<ExchangeType, ExchangeRecord>>>("exchanges"))
            .Description("The exchange log: every exchange with an outside system on the requests in the caller's scope (a supervisor's "
                         + "governorate, an agent's center), filtered and ordered, newest first by default. A projection: see asOf. "
                         + PageArguments.Documentation)
            .Argument<ExchangeWhereInputType>("where")
            .Argument<ExchangeOrderInputType>("order")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var filter = ExchangeAccess.Scoped(actor, ctx.GetArgument<ExchangeWhere?>("where") ?? new ExchangeWhere());
                var page = PageArguments.Read(ctx);
                var orderInput = ctx.GetArgument<ExchangeOrderInput?>("order") ?? new ExchangeOrderInput();
                var order = new ExchangeOrder(orderInput.Field, orderInput.Direction == SortDirectionType.Descending);
                return await ConnectionResolver.FromIndexAsync(
                    page, ctx.Service<IExchangeLog>(), filter, order, $"exchanges/{order.Field}/{(order.Descending ? "DESC" : "ASC")}",
                    Exchanges, ctx);
            });
    }

    /// <summary>
    /// <c>CitizenRequest.exchanges</c>: the request's own log, newest first, for whoever may see the request (its owner
    /// included: they may see who was asked what about them).
    /// </summary>
    public static void AddRequestExchanges(this ObjectGraphType<CitizenRequestView> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PageArguments.AddTo(request.Field<NonNullGraphType<ConnectionType<ExchangeType, ExchangeRecord>>>("exchanges"))
            .Description("The exchanges with outside systems made for this request, newest first (a projection: see asOf). "
                         + PageArguments.Documentation)
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var page = PageArguments.Read(ctx);
                if (!RequestAccess.MaySee(actor, ctx.Source))
                {
                    throw ApiErrors.Forbidden("The exchanges of a request are shown to whoever may see the request.");
                }

                return await ConnectionResolver.FromIndexAsync(
                    page, ctx.Service<IExchangeLog>(), new ExchangeFilter(RequestId: ctx.Source.Id), ExchangeOrder.Default, $"exchanges/{ctx.Source.Id:N}/At/DESC",
                    Exchanges, ctx);
            });
    }

    private static Task<IReadOnlyList<ExchangeRecord?>> Exchanges(IReadOnlyList<ExchangeLogEntry> entries) =>
        Task.FromResult<IReadOnlyList<ExchangeRecord?>>(entries.Select(e => e.Exchange).ToList());

    /// <summary>An exchange by id, for whoever may see its request: the same people who see it in the request's log.</summary>
    private static async Task<ExchangeRecord?> Find(IResolveFieldContext ctx, Actor actor, Guid id)
    {
        var found = await ctx.Service<IExchangeLog>().QueryAsync(
            new KeysetQuery<ExchangeFilter, ExchangeOrder>(new ExchangeFilter(ExchangeId: id), ExchangeOrder.Default, First: 1), ctx.CancellationToken);
        return found.Items is [var entry] && await ctx.Service<RequestLookup>().Find(entry.Exchange.RequestId, actor) is not null
            ? entry.Exchange
            : null;
    }
}
