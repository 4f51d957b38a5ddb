using Actors.Api.GraphQL.Errors;
using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Actors.Api.Audit;

/// <summary>
/// Where the trail is fed: every mutation field executed becomes a step (the ids in its input and of the object it
/// returns, its outcome: OK, the payload's refusal code or the error's code); every personal field
/// (<see cref="PersonalDataFields"/>) resolved by a query adds the object it was read from to its root field's step.
/// Put around those fields' resolvers by <see cref="AuditSchemaVisitor"/> (<see cref="AuditedFieldResolver"/>), not in
/// their resolver code, so that a new mutation or personal field is audited without anyone remembering to.
/// </summary>
public sealed class AuditFieldMiddleware : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (AuditedOperation.Of(context.UserContext) is not { } audit)
        {
            return next(context);
        }

        if (context.Parent is null && ReferenceEquals(context.ParentType, context.Schema.Mutation))
        {
            return MutationAsync(context, next, audit);
        }

        return context.Operation.Operation == OperationType.Query && PersonalDataFields.Contains(context.ParentType.Name, context.FieldDefinition.Name)
            ? ReadAsync(context, next, audit)
            : next(context);
    }

    private static async ValueTask<object?> MutationAsync(IResolveFieldContext context, FieldMiddlewareDelegate next, AuditedOperation audit)
    {
        var step = audit.Mutation(context.FieldDefinition.Name);
        var inputIds = new List<string>();
        foreach (var argument in context.FieldDefinition.Arguments ?? [])
        {
            if (context.Arguments?.TryGetValue(argument.Name, out var value) == true)
            {
                AuditedObjects.CollectInputIds(argument.ResolvedType, value.Value, inputIds);
            }
        }

        audit.Update(() => inputIds.ForEach(id => step.Touched(id, null)));
        try
        {
            var result = await next(context);
            if (result is MutationPayload payload)
            {
                var (id, governorate) = await Changed(context, payload);
                audit.Update(() =>
                {
                    step.Touched(id, governorate);
                    if (payload.Errors is [var first, ..])
                    {
                        step.Failed(first.Code);
                    }
                });
            }

            return result;
        }
        catch (Exception ex)
        {
            audit.Update(() => step.Failed(AuditOutcome.Of(ex)));
            throw;
        }
    }

    private static async ValueTask<object?> ReadAsync(IResolveFieldContext context, FieldMiddlewareDelegate next, AuditedOperation audit)
    {
        var root = context;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var objectId = await AuditedObjects.IdOf(context, context.ParentType, context.Source) ?? RootKey(root);
        var governorate = AuditedObjects.GovernorateOf(context.Source);
        var rootName = root.FieldAst.Alias?.Name.StringValue ?? root.FieldAst.Name.StringValue;
        try
        {
            var result = await next(context);
            audit.Read(rootName, root.FieldDefinition.Name, objectId, governorate, null);
            return result;
        }
        catch (Exception ex)
        {
            audit.Read(rootName, root.FieldDefinition.Name, objectId, governorate, AuditOutcome.Of(ex));
            throw;
        }
    }

    /// <summary>The object a mutation returns (its payload's value field) and its governorate.</summary>
    private static async ValueTask<(string? Id, string? Governorate)> Changed(IResolveFieldContext context, MutationPayload payload)
    {
        if (payload.Value is null || Unwrap(context.FieldDefinition.ResolvedType) is not IObjectGraphType payloadType)
        {
            return (null, null);
        }

        var valueField = payloadType.Fields.FirstOrDefault(f => f.Name != "errors");
        return (await AuditedObjects.IdOf(context, valueField?.ResolvedType, payload.Value), AuditedObjects.GovernorateOf(payload.Value));
    }

    /// <summary>What a root field was asked for by, when the object read has no id of its own (verifyDocument's code).</summary>
    private static string? RootKey(IResolveFieldContext root) =>
        root.Arguments is { } arguments
            ? new[] { "id", "code", "number", "requestId" }.Select(name => arguments.TryGetValue(name, out var value) ? value.Value as string : null)
                .FirstOrDefault(value => value is not null)
            : null;

    private static IGraphType? Unwrap(IGraphType? type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
}
