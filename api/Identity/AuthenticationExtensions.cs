using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Actors.Api.Identity;

public static class AuthenticationExtensions
{
    /// <summary>JWT bearer authentication with our issuer and key; the GraphQL layer does the authorization.</summary>
    public static WebApplicationBuilder AddActorsAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ActorsAuthOptions.Section).Get<ActorsAuthOptions>() ?? new ActorsAuthOptions();
        var keys = new TokenKeys(options, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(keys);
        // Try: an embedded silo's clock (a rehearsal clock in Development) stays the one every part reads.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<AccessTokenReader>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = keys.ValidationParameters;
            });
        builder.Services.AddAuthorization();
        return builder;
    }
}
