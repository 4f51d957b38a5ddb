namespace Actors.Grains.Documents.Keys;

/// <summary>
/// Configuration section "Documents": who signs, for how long a document is valid, and with which keys. The 90-day
/// validity is ours (no published norm sets one for bulletin no. 3 extracts).
/// </summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public string Issuer { get; set; } = "TN-MI";

    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The production keys, in any order. Rotation: add a key with a later <see cref="SigningKeyOptions.SignsFrom"/>
    /// and keep the old one configured until its documents have expired (its <c>validTo</c> on the keys endpoint).</summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>
    /// Where a key generated at first start is kept when no key is configured (embedded mode or Development only), so
    /// that documents keep verifying after a restart. Default: the user's local application data, actors/document-keys.
    /// </summary>
    public string? GeneratedKeyDirectory { get; set; }

    /// <summary>
    /// The secret that keys the holder key (<see cref="Actors.Contracts.Documents.DocumentHolders"/>): base64 of at least
    /// 32 random bytes, the same on every silo, or one holder would have two keys. Required in a cluster outside
    /// Development; elsewhere, unset, generated once per machine next to the generated signing key.
    /// </summary>
    public string? HolderKeySecret { get; set; }

    /// <summary>
    /// During the rollout from a release that keys holders by the unkeyed hash (up to v0.22): record every document under
    /// both keys and let the legacy holder's answer decide, since only it sees the old silos' documents. Off (the
    /// default), a holder adopts the legacy holder's documents and the legacy one is deleted (docs/operations.md).
    /// </summary>
    public bool KeepLegacyHolders { get; set; }

    public string GeneratedKeyDirectoryOrDefault =>
        string.IsNullOrWhiteSpace(GeneratedKeyDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "actors", "document-keys")
            : GeneratedKeyDirectory;
}
