namespace Actors.Api.Identity;

/// <summary>Configuration section "Auth": who issues our tokens and the key they are signed with.</summary>
public sealed class ActorsAuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "actors-dev";

    public string Audience { get; set; } = "actors-api";

    /// <summary>HMAC-SHA256 key, at least 32 bytes. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
