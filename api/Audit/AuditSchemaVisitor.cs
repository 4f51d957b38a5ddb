using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Actors.Api.Audit;

/// <summary>
/// Puts every mutation field and every field listed in <see cref="PersonalDataFields"/> behind the audit: a resolver
/// behind <see cref="AuditedFieldResolver"/>, a subscription's source stream behind <see cref="AuditedStreamResolver"/>.
/// A visitor rather than field middleware on every field, so that a new mutation or personal field is audited without
/// anyone remembering to, while the thousands of other fields of an answer pay nothing. It must run after the
/// authorization's visitor, so that a field or subscribe the matrix refuses is audited too: <c>AddActorsAudit</c> comes
/// after <c>AddActorsAuthorization</c>, and visitors run in the order they are registered.
/// </summary>
public sealed class AuditSchemaVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(schema);
        var personal = PersonalDataFields.Contains(type.Name, field.Name);
        if (field.StreamResolver is { } stream and not AuditedStreamResolver && personal)
        {
            field.StreamResolver = new AuditedStreamResolver(stream);
        }
        else if (field.StreamResolver is null && field.Resolver is not AuditedFieldResolver && (personal || ReferenceEquals(type, schema.Mutation)))
        {
            field.Resolver = new AuditedFieldResolver(field.Resolver ?? NameFieldResolver.Instance);
        }
    }
}
