using Actors.Api.Identity;
using Actors.Contracts.Identity;
using GraphQL.DI;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Actors.Api.Authorization;

public static class AuthorizationExtensions
{
    /// <summary>
    /// The authorization matrix on the GraphQL schema (root fields and personal data), and tokens whose role is not one
    /// of API.md's refused at authentication (401) rather than treated as anonymous.
    /// </summary>
    public static WebApplicationBuilder AddActorsAuthorization(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IConfigureSchema, AuthorizationSchemaConfiguration>();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var earlier = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = async context =>
            {
                await earlier(context);
                if (context.Result is null && ActorClaims.ToActor(context.Principal) is null)
                {
                    context.Fail($"The token names no subject, or a role that is not one of {string.Join(", ", Enum.GetValues<ActorRole>().Where(r => r != ActorRole.System).Select(ActorClaims.ToWire))}.");
                }
            };
        });
        return builder;
    }

    /// <summary>The matrix's verdict on every HTTP endpoint; after authentication, before the endpoints.</summary>
    public static WebApplication UseActorsAuthorization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<AuthorizationEndpointGate>();
        return app;
    }
}
