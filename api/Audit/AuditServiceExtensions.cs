using GraphQL.DI;

namespace Actors.Api.Audit;

public static class AuditServiceExtensions
{
    /// <summary>
    /// The recorder, the address hasher (its key checked now: outside Development the host does not start without
    /// <c>Audit:AddressHashKey</c>), and the audited mutations, personal fields and subscriptions that feed the trail
    /// (see <see cref="AuditSchemaVisitor"/>, registered by the schema's configuration; after <c>AddActorsAuthorization</c>).
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
        return builder;
    }
}
