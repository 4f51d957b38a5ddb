using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Naming;

namespace Actors.Contracts.Requests;

/// <summary>
/// A request's grain key is derived from who submits it and their idempotency key, so a retried
/// submission reaches the same grain; another caller's identical key reaches another grain.
/// </summary>
public static class RequestKeys
{
    /// <summary>
    /// The key of a submission by (issuer, subject): the same subject from two issuers reaches two grains. The legacy
    /// issuer keeps the key of older releases, so that a retry across the upgrade finds its request.
    /// </summary>
    public static Guid For(string submitterIssuer, string submitterSubject, string idempotencyKey) =>
        RequestAccess.SameIssuer(submitterIssuer, RequestAccess.LegacyIssuer)
            ? For(submitterSubject, idempotencyKey)
            : Hashed($"request|{submitterIssuer}|{submitterSubject}|{idempotencyKey}");

    public static Guid For(string submitterSubject, string idempotencyKey) => Hashed($"request|{submitterSubject}|{idempotencyKey}");

    private static Guid Hashed(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var guid = bytes.AsSpan(0, 16).ToArray();
        // Mark as a version-8 (custom) RFC 9562 UUID so it never passes for a random one.
        guid[7] = (byte)((guid[7] & 0x0F) | 0x80);
        guid[8] = (byte)((guid[8] & 0x3F) | 0x80);
        return new Guid(guid);
    }

    /// <summary>The human-readable reference: kind prefix, year, and 10 base-32 characters of the id.</summary>
    public static string ReferenceFor(Guid id, RequestKind kind, DateTimeOffset submittedAt)
    {
        var bytes = id.ToByteArray();
        ulong bits = 0;
        for (var i = 0; i < 8; i++)
        {
            bits = (bits << 8) | bytes[i];
        }

        var chars = new char[10];
        for (var i = 0; i < 10; i++)
        {
            chars[i] = Crockford.Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        var prefix = kind == RequestKind.NationalIdCard ? "CIN" : "B3";
        return $"{prefix}-{submittedAt.Year}-{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }
}
