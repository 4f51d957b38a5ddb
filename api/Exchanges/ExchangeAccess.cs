using Actors.Api.Centers;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Contracts.Identity;
using Actors.Contracts.Interop.Exchanges;

namespace Actors.Api.Exchanges;

/// <summary>
/// Who reads the exchange log as a list: a supervisor their governorate's exchanges, an agent their center's, as they
/// see requests. Citizens see their own through their requests; other roles read no request identifiers.
/// </summary>
public static class ExchangeAccess
{
    /// <summary>The caller's filter narrowed to their scope (a governorate or center outside it leaves the list empty).</summary>
    public static ExchangeFilter Scoped(Actor actor, ExchangeWhere where)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(where);
        var scope = actor.Role switch
        {
            ActorRole.Supervisor when actor.Governorate is not null => actor.Governorate,
            ActorRole.Agent when actor.CenterId is not null => actor.CenterId,
            _ => throw ApiErrors.Forbidden("The exchange log is read by SUPERVISOR (their governorate) and AGENT (their center); "
                                           + "a citizen sees the exchanges of their own requests on each request."),
        };
        if (where.From is { } from && where.To is { } to && from >= to)
        {
            throw ApiErrors.BadInput("from must be before to.", "where.from");
        }

        var filter = new ExchangeFilter(
            RequestId: where.RequestId is { } requestId ? Key(requestId, CitizenRequestType.TypeName, "where.requestId") : null,
            Systems: where.Systems,
            Governorates: where.Governorates,
            CenterIds: where.CenterIds?.Select(id => GlobalId.TryDecode(id, out var type, out var code) && type == ServiceCenterType.TypeName
                ? code
                : throw ApiErrors.BadInput("Expected the id of a ServiceCenter.", "where.centerIds")).ToList(),
            Outcomes: where.Outcomes,
            From: where.From,
            To: where.To);
        return actor.Role == ActorRole.Supervisor
            ? filter with { Governorates = Narrow(filter.Governorates, scope) }
            : filter with { CenterIds = Narrow(filter.CenterIds, scope) };
    }

    private static Guid Key(string id, string typeName, string field) =>
        GlobalId.TryDecode(id, out var type, out var key) && type == typeName && Guid.TryParseExact(key, "N", out var guid)
            ? guid
            : throw ApiErrors.BadInput($"Expected the id of a {typeName}.", field);

    /// <summary>Intersects a requested list with the one value in scope (an empty result stays empty, never "any").</summary>
    private static List<string> Narrow(IReadOnlyList<string>? requested, string allowed) =>
        requested is not { Count: > 0 } || requested.Contains(allowed) ? [allowed] : ["\u0000none"];
}
