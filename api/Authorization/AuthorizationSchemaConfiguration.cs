using GraphQL.DI;
using GraphQL.Types;

namespace Actors.Api.Authorization;

/// <summary>Registers <see cref="AuthorizationSchemaVisitor"/> on the schema the host builds.</summary>
public sealed class AuthorizationSchemaConfiguration : IConfigureSchema
{
    public void Configure(ISchema schema, IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.RegisterVisitor(new AuthorizationSchemaVisitor());
    }
}
