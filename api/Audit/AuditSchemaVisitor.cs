using GraphQL.Types;
using GraphQL.Utilities;

namespace Actors.Api.Audit;

/// <summary>
/// Puts the subscriptions listed in <see cref="PersonalDataFields"/> behind <see cref="AuditedStreamResolver"/>. Field
/// middleware (<see cref="AuditFieldMiddleware"/>) wraps resolvers, never a subscription's source stream, hence a visitor.
/// It must run after the authorization's visitor, so that a subscribe the matrix refuses is audited too:
/// <c>AddActorsAudit</c> comes after <c>AddActorsAuthorization</c>, and visitors run in the order they are registered.
/// </summary>
public sealed class AuditSchemaVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(type);
        if (field.StreamResolver is { } stream and not AuditedStreamResolver && PersonalDataFields.Contains(type.Name, field.Name))
        {
            field.StreamResolver = new AuditedStreamResolver(stream);
        }
    }
}
