using GraphQL;

namespace Actors.Api.Audit;

public static class AuditServiceExtensions
{
    /// <summary>The recorder, the address hasher and the field middleware that feeds the trail (see <see cref="AuditFieldMiddleware"/>).</summary>
    public static WebApplicationBuilder AddActorsAudit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AuditOptions>().Bind(builder.Configuration.GetSection(AuditOptions.Section));
        builder.Services.AddSingleton<AuditAddressHasher>();
        builder.Services.AddSingleton<AuditRecorder>();
        builder.Services.AddGraphQL(graphql => graphql.UseMiddleware<AuditFieldMiddleware>());
        return builder;
    }
}
