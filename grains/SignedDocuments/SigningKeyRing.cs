using System.Globalization;

namespace Actors.SignedDocuments;

/// <summary>
/// The issuer's keys in signing order. A key signs from its SignsFrom until the next key's; it stays published for one
/// document validity after that, so every document it signed verifies until it expires. The ring owns its keys.
/// </summary>
public sealed class SigningKeyRing : IDisposable
{
    private readonly List<DocumentSigningKey> keys;

    public SigningKeyRing(string issuer, IEnumerable<DocumentSigningKey> keys, TimeSpan validity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validity, TimeSpan.Zero);
        this.keys = keys.OrderBy(k => k.SignsFrom).ToList();
        if (this.keys.Count == 0)
        {
            throw new ArgumentException("A signing key ring needs at least one key.", nameof(keys));
        }

        for (var i = 1; i < this.keys.Count; i++)
        {
            if (this.keys[i].SignsFrom == this.keys[i - 1].SignsFrom)
            {
                throw new ArgumentException($"Two signing keys start signing at the same time ({this.keys[i].SignsFrom:O}).", nameof(keys));
            }
        }

        if (this.keys.Select(k => k.KeyIdText).Distinct(StringComparer.Ordinal).Count() != this.keys.Count)
        {
            throw new ArgumentException("The same signing key is configured twice.", nameof(keys));
        }

        Issuer = issuer;
        Validity = validity;
    }

    public string Issuer { get; }

    /// <summary>How long a document stays valid after it is issued.</summary>
    public TimeSpan Validity { get; }

    public IReadOnlyList<DocumentSigningKey> Keys => keys;

    /// <summary>The key that signs at <paramref name="instant"/>: the one with the latest SignsFrom not after it.</summary>
    /// <exception cref="InvalidOperationException">Every key starts signing later.</exception>
    public DocumentSigningKey SignerAt(DateTimeOffset instant) =>
        keys.LastOrDefault(k => k.SignsFrom <= instant)
        ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"No document signing key signs at {instant:O}: the first key signs from {keys[0].SignsFrom:O}."));

    /// <summary>The keys a verifier may need at <paramref name="now"/>: every key whose last signed document has not yet expired, future keys included.</summary>
    public PublishedKeySet Published(DateTimeOffset now)
    {
        var published = new List<PublishedKey>();
        for (var i = 0; i < keys.Count; i++)
        {
            DateTimeOffset? signsUntil = i + 1 < keys.Count ? keys[i + 1].SignsFrom : null;
            var validTo = signsUntil + Validity;
            if (validTo is null || validTo > now)
            {
                published.Add(new PublishedKey(
                    keys[i].KeyIdText,
                    PublishedKey.ES256,
                    PublishedKey.P256,
                    Convert.ToBase64String(keys[i].PublicKeyInfo),
                    keys[i].SignsFrom,
                    signsUntil,
                    validTo));
            }
        }

        return new PublishedKeySet(Issuer, published);
    }

    public void Dispose()
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }
}
