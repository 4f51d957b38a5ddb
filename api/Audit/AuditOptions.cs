using System.Security.Cryptography;

namespace Actors.Api.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The setting's name, as an operator sets it (environment <c>Audit__AddressHashKey</c>).</summary>
    public const string AddressHashKeySetting = "Audit:AddressHashKey";

    private const int MinimumKeyBytes = 32;

    /// <summary>
    /// Base64 HMAC-SHA256 key for client addresses in the trail, at least 32 bytes, the same on every API instance so that
    /// one address hashes alike everywhere. Required outside Development; there, unset, a key made at start-up (entries
    /// of two runs cannot be compared).
    /// </summary>
    public string? AddressHashKey { get; set; }

    /// <summary>
    /// How long an operation's records are sent again to the trail when it cannot take them (its silo died, a timeout)
    /// before the answer is withheld with <c>UNAVAILABLE</c>. Long enough for the cluster to declare a dead silo dead
    /// and the trail's writer to start on another (probes: 3 missed of 5 s by default); each record keeps its entry
    /// id, so one sent twice is stored once.
    /// </summary>
    public TimeSpan RecordPatience { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The key's bytes. Outside Development an unset key stops the host: entries hashed with a key made at start-up
    /// cannot be compared with those of another instance or run, and nobody could answer "did this address do this?".
    /// </summary>
    public byte[] ResolveAddressHashKey(bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(AddressHashKey))
        {
            return isDevelopment
                ? RandomNumberGenerator.GetBytes(MinimumKeyBytes)
                : throw new InvalidOperationException(
                    $"{AddressHashKeySetting} (environment Audit__AddressHashKey) is required outside Development: base64 of at least "
                    + $"{MinimumKeyBytes} random bytes, the same on every API instance (docs/security.md \"Audit trail\").");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(AddressHashKey.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{AddressHashKeySetting} is not base64.");
        }

        return key.Length >= MinimumKeyBytes
            ? key
            : throw new InvalidOperationException($"{AddressHashKeySetting} must be at least {MinimumKeyBytes} bytes; it is {key.Length}.");
    }
}
