using System.Security.Claims;
using Actors.Contracts.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Identity;

/// <summary>Issues our own tokens; used by <c>POST /dev/token</c> in Development and by tests.</summary>
public sealed class TokenIssuer(TokenKeys keys, TimeProvider clock)
{
    public string Issue(Actor actor, TimeSpan? lifetime = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(ActorClaims.Subject, actor.Subject),
            new(ActorClaims.Role, ActorClaims.ToWire(actor.Role)),
        };
        if (actor.CenterId is not null)
        {
            claims.Add(new Claim(ActorClaims.CenterId, actor.CenterId));
        }

        if (actor.Governorate is not null)
        {
            claims.Add(new Claim(ActorClaims.Governorate, actor.Governorate));
        }

        if (actor.NationalIdNumber is not null)
        {
            claims.Add(new Claim(ActorClaims.NationalIdNumber, actor.NationalIdNumber));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = keys.Options.Issuer,
            Audience = keys.Options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? keys.Options.DevTokenLifetime),
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
