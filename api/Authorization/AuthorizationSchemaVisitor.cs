using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Actors.Api.Authorization;

/// <summary>
/// Puts every root field and every field of personal data behind its matrix row when the schema is built. A root
/// field without a row is refused to everybody (fail closed); the matrix test names it.
/// </summary>
public sealed class AuthorizationSchemaVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(type);
        var coordinate = AuthorizationMatrix.Coordinate(type.Name, field.Name);
        var isRoot = AuthorizationMatrix.RootTypes.Contains(type.Name);
        if (!isRoot && !AuthorizationMatrix.Rows.ContainsKey(coordinate))
        {
            return;
        }

        var rule = AuthorizationMatrix.For(coordinate);
        if (field.StreamResolver is { } stream and not AuthorizedStreamResolver)
        {
            field.StreamResolver = new AuthorizedStreamResolver(rule, stream);
        }
        else if (field.StreamResolver is null && field.Resolver is not AuthorizedFieldResolver)
        {
            field.Resolver = new AuthorizedFieldResolver(rule, field.Resolver ?? NameFieldResolver.Instance);
        }
    }
}
