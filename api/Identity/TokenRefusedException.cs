namespace Actors.Api.Identity;

/// <summary>Why a bearer token was refused, in words a client developer can act on; the authentication failure the transports report.</summary>
public sealed class TokenRefusedException(string reason) : Exception(reason);
