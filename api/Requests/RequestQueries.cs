using Actors.Api.Centers;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Geography;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Requests;

public static class RequestQueries
{
    public static void AddRequestQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(CitizenRequestType.TypeName, async (ctx, key) =>
            ctx.Actor() is { } actor && Guid.TryParseExact(key, "N", out var id)
                ? await ctx.Service<IGrainFactory>().Reference<ICitizenRequestGrain>(id).Find(actor)
                : null);

        query.Field<CitizenRequestType>("request")
            .Description("A request by global id: its owner, its center's agents and its governorate's supervisors see it. Not found and not yours look the same.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var id = GlobalId.DecodeGuid(ctx.GetArgument<string>("id"), CitizenRequestType.TypeName);
                var actor = ctx.RequireActor();
                return await ctx.Service<IGrainFactory>().Reference<ICitizenRequestGrain>(id).Find(actor)
                    ?? throw ApiErrors.NotFound();
            });

        PageArguments.AddTo(query.Field<NonNullGraphType<ConnectionType<CitizenRequestType, CitizenRequestView>>>("requests"))
            .Description("Requests in the caller's scope (a citizen's own, an agent's center, a supervisor's governorate), filtered and ordered. "
                         + PageArguments.Documentation)
            .Argument<RequestWhereInputType>("where")
            .Argument<RequestOrderInputType>("order")
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var page = PageArguments.Read(ctx);
                var where = ctx.GetArgument<RequestWhere?>("where") ?? new RequestWhere();
                var orderInput = ctx.GetArgument<RequestOrderInput?>("order") ?? new RequestOrderInput();
                var order = new RequestOrder(orderInput.Field, orderInput.Direction == SortDirectionType.Descending);
                var filter = Scoped(actor, where);
                var grains = ctx.Service<IGrainFactory>();
                var summaries = RequestSummaries.Suffice(ctx);
                return await ConnectionResolver.FromIndexAsync(
                    page, ctx.Service<IRequestIndex>(), filter, order, $"requests/{order.Field}/{(order.Descending ? "DESC" : "ASC")}",
                    entries => Nodes(entries, actor, grains, summaries), ctx, withoutDocuments: summaries);
            });

        PageArguments.AddTo(query.Field<NonNullGraphType<ConnectionType<CitizenRequestType, CitizenRequestView>>>("stuckRequests"))
            .Description("Overdue requests in the caller's scope (an AGENT's center, a SUPERVISOR's governorate): escalated ones first, "
                         + "then the oldest overdueSince. Other roles: FORBIDDEN. " + PageArguments.Documentation)
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.RequireActor();
                var page = PageArguments.Read(ctx);
                var filter = Scoped(actor, new RequestWhere { Overdue = true });
                var grains = ctx.Service<IGrainFactory>();
                var summaries = RequestSummaries.Suffice(ctx);
                return await ConnectionResolver.FromIndexAsync(
                    page, ctx.Service<IRequestIndex>(), filter, RequestOrder.Stuck, "stuckRequests",
                    entries => Nodes(entries, actor, grains, summaries), ctx, withoutDocuments: summaries);
            });
    }

    /// <summary>
    /// The submission window: instants and Africa/Tunis days together, the narrower bound of each side winning (a day
    /// runs from its midnight to the next in Tunis).
    /// </summary>
    public static (DateTimeOffset? From, DateTimeOffset? Before) SubmittedBetween(RequestWhere where)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.SubmittedFromDay is { } first && where.SubmittedToDay is { } last && first > last)
        {
            throw ApiErrors.BadInput("submittedFromDay must not be after submittedToDay.", "where.submittedFromDay");
        }

        var from = Later(where.SubmittedFrom, where.SubmittedFromDay is { } day ? StartOfTunisDay(day) : null);
        var before = Earlier(where.SubmittedBefore, where.SubmittedToDay is { } end ? StartOfTunisDay(end.AddDays(1)) : null);
        return (from, before);
    }

    /// <summary>Midnight of a day in Africa/Tunis, as an instant.</summary>
    public static DateTimeOffset StartOfTunisDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TunisCalendar.Zone.GetUtcOffset(local));
    }

    private static DateTimeOffset? Later(DateTimeOffset? x, DateTimeOffset? y) => x is null ? y : y is null ? x : x > y ? x : y;

    private static DateTimeOffset? Earlier(DateTimeOffset? x, DateTimeOffset? y) => x is null ? y : y is null ? x : x < y ? x : y;

    /// <summary>
    /// The caller's filter narrowed to their scope. Analysts and operators have the whole country for
    /// aggregates only; other roles without a scope see no individual requests.
    /// </summary>
    public static RequestFilter Scoped(Actor actor, RequestWhere where)
    {
        var centerIds = where.CenterIds?.Select(id => GlobalId.DecodeKey(id, ServiceCenterType.TypeName, "where.centerIds")).ToList();
        if (where.SubmittedFrom is { } from && where.SubmittedBefore is { } to && from >= to)
        {
            throw ApiErrors.BadInput("submittedFrom must be before submittedBefore.", "where.submittedFrom");
        }

        var (submittedFrom, submittedBefore) = SubmittedBetween(where);
        var filter = new RequestFilter(where.Kinds, where.Statuses, where.Governorates, centerIds, null,
            submittedFrom, submittedBefore, where.IsPupil, where.Overdue, where.Escalated, where.SchoolCode);
        return actor.Role switch
        {
            ActorRole.Citizen => filter with
            {
                OwnerSubject = actor.Subject, OwnerIssuer = RequestAccess.Normalized(actor.Issuer), OwnerNationalIdNumber = actor.NationalIdNumber,
            },
            ActorRole.EducationOfficer => filter with { OwnerSubject = actor.Subject, OwnerIssuer = RequestAccess.Normalized(actor.Issuer) },
            ActorRole.Agent when actor.CenterId is not null => filter with { CenterIds = Narrow(centerIds, actor.CenterId) },
            ActorRole.Supervisor when actor.Governorate is not null => filter with { Governorates = Narrow(where.Governorates, actor.Governorate) },
            ActorRole.Analyst or ActorRole.Operator => filter,
            _ => throw ApiErrors.Forbidden("This role reads aggregates (progress), not individual requests."),
        };
    }

    /// <summary>Intersects a requested list with the one value in scope (an empty result stays empty, never "any").</summary>
    private static List<string> Narrow(List<string>? requested, string allowed) =>
        requested is not { Count: > 0 } || requested.Contains(allowed) ? [allowed] : ["\u0000none"];

    /// <summary>
    /// The requests of a page from the index: from its columns alone when the selection asks nothing more
    /// (<see cref="RequestSummaries"/>), else from the documents it holds; one read for the whole page either way. A row
    /// written before the index held documents is read from its grain, that row alone. The caller must be in each
    /// request's scope, as the grain itself checks.
    /// </summary>
    private static async Task<IReadOnlyList<CitizenRequestView?>> Nodes(
        IReadOnlyList<RequestIndexEntry> entries, Actor actor, IGrainFactory grains, bool summaries)
    {
        // The rows the index answers need no task each; only a row without a document waits on its grain.
        var views = new CitizenRequestView?[entries.Count];
        List<(int Row, Task<CitizenRequestView?> Found)>? fromGrains = null;
        for (var row = 0; row < entries.Count; row++)
        {
            var entry = entries[row];
            if ((summaries ? RequestSummaries.ViewOf(entry) : entry.Document) is { } view)
            {
                views[row] = RequestAccess.MaySee(actor, view) ? view : null;
            }
            else
            {
                (fromGrains ??= []).Add((row, grains.Reference<ICitizenRequestGrain>(entry.Id).Find(actor)));
            }
        }

        foreach (var (row, found) in fromGrains ?? [])
        {
            views[row] = await found;
        }

        return views;
    }
}
