using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Audit;
using Actors.Contracts.Identity;

namespace Actors.Api.Audit;

/// <summary>
/// Who reads the trail: an OPERATOR all of it (they run the platform and answer for it as a whole); a SUPERVISOR the
/// entries about objects of their governorate (requests, centers, exchanges), not the entries whose objects have no
/// governorate (funds, campaigns, refused attempts on unknown ids); nobody else.
/// </summary>
public static class AuditAccess
{
    public static AuditFilter Scoped(Actor actor, AuditWhere where)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(where);
        if (where.From is { } from && where.To is { } to && from >= to)
        {
            throw ApiErrors.BadInput("from must be before to.", "where.from");
        }

        var filter = new AuditFilter(Blank(where.ObjectId), Blank(where.Subject), Blank(where.Operation), where.From, where.To);
        return actor.Role switch
        {
            ActorRole.Operator => filter,
            ActorRole.Supervisor when actor.Governorate is { Length: > 0 } governorate => filter with { Governorate = governorate },
            _ => throw ApiErrors.Forbidden("The audit trail is for operators, and for supervisors in their governorate."),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
