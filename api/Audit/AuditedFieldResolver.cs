using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Resolvers;

namespace Actors.Api.Audit;

/// <summary>
/// A mutation or personal field's resolver with <see cref="AuditFieldMiddleware"/> around it, put there by
/// <see cref="AuditSchemaVisitor"/>. Only those fields carry it: as middleware on every field, its check alone was
/// ~5 % of the API's CPU on a progress answer of a few thousand fields, for fields it lets straight through.
/// </summary>
public sealed class AuditedFieldResolver : IFieldResolver
{
    private static readonly AuditFieldMiddleware Middleware = new();
    private readonly FieldMiddlewareDelegate _inner;

    public AuditedFieldResolver(IFieldResolver inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        _inner = inner.ResolveAsync;
    }

    /// <summary>The resolver audited: the field's own, or its authorization around it.</summary>
    public IFieldResolver Inner { get; }

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => Middleware.ResolveAsync(context, _inner);
}
