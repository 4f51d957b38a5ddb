using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Actors.Contracts.Identity;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;

namespace Actors.Contracts.Idempotency;

/// <summary>
/// The one policy for every retry-safe mutation (submissions, the fund, centers, and the payments
/// and bookings to come). A key is 1 to 100 of <c>A-Z a-z 0-9 - _ : .</c>; it is scoped to the
/// caller (two callers never share a result); the input is fingerprinted (SHA-256 of its canonical
/// JSON), so the same key with another input is refused with IDEMPOTENCY_KEY_REUSED. Retention: a
/// key is answered for at least <see cref="Retention"/> after its first use (a submission's key for
/// as long as the request exists, since the key names the request's grain).
/// </summary>
public static partial class IdempotencyPolicy
{
    public const int MaxKeyLength = 100;

    public const string KeyFormat = "1 to 100 of A-Z a-z 0-9 - _ : .";

    public static TimeSpan Retention { get; } = TimeSpan.FromDays(90);

    public static bool IsWellFormed(string key) => KeyPattern().IsMatch(key);

    /// <summary>
    /// The key as stored: the caller's identity (issuer and subject) and their key, never the key alone. The development
    /// issuer of earlier releases keeps the subject-only form, so that a key stored before issuers were recorded is still
    /// recognised when its caller retries.
    /// </summary>
    public static string ScopeOf(Actor actor, string key)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var issuer = RequestAccess.Normalized(actor.Issuer);
        return issuer == RequestAccess.LegacyIssuer
            ? $"{actor.Subject}\u001f{key}"
            : $"{issuer}\u001e{actor.Subject}\u001f{key}";
    }

    /// <summary>SHA-256 (hex) of the input's canonical JSON; an input type's members must be its whole meaning.</summary>
    public static string Fingerprint<T>(string operation, T input) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + OutboxJson.Serialize(input))));

    public static bool IsExpired(IdempotencyRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.RecordedAt is { } at && now - at > Retention;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9\-_:.]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
