using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using GraphQL;
using GraphQL.Resolvers;

namespace Actors.Api.Audit;

/// <summary>
/// A subscription to personal data, audited when it is asked for: who, the ids it names in its arguments, and its
/// outcome (OK, or the code it was refused with, the authorization matrix's included: this wraps the matrix's check).
/// The entry is written with the operation's other steps, before the subscription is confirmed to its client. It
/// carries the governorate of the request it names, so that the supervisors of that governorate see it in their scope
/// (read as the platform: a caller refused with NOT_FOUND learns nothing from it). Only for a signed-in caller: an
/// anonymous one is refused before any read, and must not make the API read requests.
/// </summary>
public sealed class AuditedStreamResolver(ISourceStreamResolver inner) : ISourceStreamResolver
{
    public async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AuditedOperation.Of(context.UserContext) is not { } audit)
        {
            return await inner.ResolveAsync(context);
        }

        var step = audit.Subscription(context.FieldDefinition.Name);
        var ids = new List<string>();
        foreach (var argument in context.FieldDefinition.Arguments ?? [])
        {
            if (context.Arguments?.TryGetValue(argument.Name, out var value) == true)
            {
                AuditedObjects.CollectInputIds(argument.ResolvedType, value.Value, ids);
            }
        }

        var governorates = context.Actor() is null ? [] : await GovernoratesOf(context, ids);
        audit.Update(() => ids.ForEach(id => step.Touched(id, governorates.GetValueOrDefault(id))));
        try
        {
            return await inner.ResolveAsync(context);
        }
        catch (Exception ex)
        {
            audit.Update(() => step.Failed(AuditOutcome.Of(ex)));
            throw;
        }
    }

    private static readonly Actor Auditor = Actor.System("audit");

    /// <summary>The governorate of each request these ids name, when it exists.</summary>
    private static async Task<Dictionary<string, string>> GovernoratesOf(IResolveFieldContext context, IEnumerable<string> ids)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var grains = context.RequestServices!.GetRequiredService<IGrainFactory>();
        foreach (var id in ids)
        {
            if (GlobalId.TryDecode(id, out var type, out var key) && type == CitizenRequestType.TypeName
                && Guid.TryParseExact(key, "N", out var request)
                && await grains.Reference<ICitizenRequestGrain>(request).Find(Auditor) is { } view)
            {
                found[id] = view.Governorate;
            }
        }

        return found;
    }
}
