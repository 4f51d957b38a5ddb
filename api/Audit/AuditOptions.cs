namespace Actors.Api.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Base64 HMAC-SHA256 key for client addresses in the trail, at least 32 bytes, the same on every API instance so that
    /// one address hashes alike everywhere. Unset: a key made at start-up (entries of two runs cannot be compared).
    /// </summary>
    public string? AddressHashKey { get; set; }
}
