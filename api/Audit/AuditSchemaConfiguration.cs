using GraphQL.DI;
using GraphQL.Types;

namespace Actors.Api.Audit;

/// <summary>Registers <see cref="AuditSchemaVisitor"/> on the schema the host builds.</summary>
public sealed class AuditSchemaConfiguration : IConfigureSchema
{
    public void Configure(ISchema schema, IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.RegisterVisitor(new AuditSchemaVisitor());
    }
}
