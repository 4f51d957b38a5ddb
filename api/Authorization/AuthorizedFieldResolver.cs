using Actors.Api.Audit;
using GraphQL;
using GraphQL.Resolvers;

namespace Actors.Api.Authorization;

/// <summary>A field's resolver behind the matrix's verdict: a refused caller never reaches it.</summary>
public sealed class AuthorizedFieldResolver(AccessRule rule, IFieldResolver inner) : IFieldResolver
{
    public AccessRule Rule => rule;

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        try
        {
            FieldAuthorization.Demand(rule, context);
        }
        catch (ExecutionError refusal) when (IsMutation(context) && AuditedOperation.Of(context.UserContext) is not null)
        {
            // The audit's field middleware sits inside this resolver and never sees a refused mutation: a refused
            // attempt is exactly what the trail must keep, so it is written here.
            var audit = AuditedOperation.Of(context.UserContext)!;
            var step = audit.Mutation(context.FieldDefinition.Name);
            audit.Update(() => step.Failed(refusal.Code ?? "FORBIDDEN"));
            throw;
        }

        return inner.ResolveAsync(context);
    }

    private static bool IsMutation(IResolveFieldContext context) =>
        context.Parent is null && ReferenceEquals(context.ParentType, context.Schema.Mutation);
}
