using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Contracts.Interop.Payments;

/// <summary>
/// The Standard Webhooks signature scheme, shared by the sandbox gateway (which signs) and our webhook
/// endpoint (which verifies): <c>webhook-signature: v1,{base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"}</c>
/// with the key behind a <c>whsec_</c> secret. Several space-separated signatures may come (a gateway
/// rotating its secret sends one per secret): any match is enough.
/// </summary>
public sealed class WebhookSignature
{
    public const string SecretConfigurationKey = "Payments:WebhookSecret";
    public const string SecretPrefix = "whsec_";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private const string VersionPrefix = "v1,";

    /// <summary>How far a timestamp may be from our clock, either way: older messages may be replays.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] key;

    private WebhookSignature(byte[] key) => this.key = key;

    /// <summary>A <c>whsec_</c> secret, as configured at both ends.</summary>
    public static WebhookSignature FromSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length) || length < 16)
        {
            throw new FormatException($"{SecretConfigurationKey} must be \"{SecretPrefix}\" followed by at least 16 bytes in base64.");
        }

        return new WebhookSignature(bytes[..length]);
    }

    /// <summary>
    /// The configured secret; without one, a fresh random secret when <paramref name="generateWhenMissing"/>
    /// (the embedded mode, where sender and verifier share one process and so this one instance).
    /// </summary>
    public static WebhookSignature FromConfiguration(string? configured, bool generateWhenMissing)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return FromSecret(configured.Trim());
        }

        if (!generateWhenMissing)
        {
            throw new InvalidOperationException(
                $"{SecretConfigurationKey} is not configured: the payment gateway and the API must share it (\"{SecretPrefix}\" + base64 of 32 random bytes).");
        }

        return FromSecret(NewSecret());
    }

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header value for one message.</summary>
    public string Sign(string messageId, long timestamp, ReadOnlySpan<byte> body) =>
        VersionPrefix + Convert.ToBase64String(Hash(messageId, timestamp, body));

    /// <summary>Checks the three headers against the body; <paramref name="now"/> comes from the verifier's TimeProvider.</summary>
    public WebhookVerification Verify(string? messageId, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(messageId) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return WebhookVerification.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerification.MalformedTimestamp;
        }

        var age = now.ToUnixTimeSeconds() - seconds;
        if (age > Tolerance.TotalSeconds)
        {
            return WebhookVerification.TooOld;
        }

        if (-age > Tolerance.TotalSeconds)
        {
            return WebhookVerification.TooNew;
        }

        var expected = Hash(messageId, seconds, body);
        var candidate = new byte[expected.Length];
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Other versions (v1a: asymmetric) are not ours to check; a decoded value of another length cannot match.
            if (signature.StartsWith(VersionPrefix, StringComparison.Ordinal)
                && Convert.TryFromBase64String(signature[VersionPrefix.Length..], candidate, out var length)
                && length == expected.Length
                && CryptographicOperations.FixedTimeEquals(candidate, expected))
            {
                return WebhookVerification.Valid;
            }
        }

        return WebhookVerification.NoMatchingSignature;
    }

    private byte[] Hash(string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
