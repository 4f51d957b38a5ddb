using GraphQL;
using GraphQL.Resolvers;

namespace Actors.Api.Audit;

/// <summary>
/// A subscription to personal data, audited when it is asked for: who, the ids it names in its arguments, and its
/// outcome (OK, or the code it was refused with, the authorization matrix's included: this wraps the matrix's check).
/// The entry is written with the operation's other steps, before the subscription is confirmed to its client.
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

        audit.Update(() => ids.ForEach(id => step.Touched(id, null)));
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
}
