using GraphQL;
using GraphQL.DI;

namespace Actors.Api.Audit;

public static class AuditServiceExtensions
{
    /// <summary>
    /// The recorder, the address hasher (its key checked now: outside Development the host does not start without
    /// <c>Audit:AddressHashKey</c>), the field middleware that feeds the trail (see <see cref="AuditFieldMiddleware"/>)
    /// and the audited subscriptions (see <see cref="AuditSchemaVisitor"/>; after <c>AddActorsAuthorization</c>).
    /// </summary>
    public static WebApplicationBuilder AddActorsAudit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        var key = options.ResolveAddressHashKey(builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(new AuditAddressHasher(key));
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.AddSingleton<IConfigureSchema, AuditSchemaConfiguration>();
        builder.Services.AddGraphQL(graphql => graphql.UseMiddleware<AuditFieldMiddleware>());
        return builder;
    }
}
