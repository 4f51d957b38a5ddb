using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Identity;

/// <summary>What a client is told about a bearer token that does not authenticate, the same on every endpoint.</summary>
public static class TokenRefusal
{
    public static string Message(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "The access token has expired.",
        TokenRefusedException refused => "The access token is refused: " + refused.Message + ".",
        _ => "The access token is invalid.",
    };
}
