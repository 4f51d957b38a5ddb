namespace Actors.Grains.Documents;

/// <summary>Configuration section "Documents:Access": downloads and online checks. The defaults are ours.</summary>
public sealed class DocumentAccessOptions
{
    public const string Section = "Documents:Access";

    /// <summary>How long a one-time download link works (it also stops after one download).</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Online checks one client address may make per <see cref="PerAddressWindow"/>: an employer's day of checks, not a scan.</summary>
    public int ChecksPerAddress { get; set; } = 20;

    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Online checks of one code per <see cref="PerCodeWindow"/>: far too few to guess a birth date.</summary>
    public int ChecksPerCode { get; set; } = 10;

    public TimeSpan PerCodeWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The secret that keys the client-address hash in the check log (base64, 32 bytes). Set it in cluster mode so
    /// that every silo hashes an address alike; unset, each silo draws one at start.
    /// </summary>
    public string? AddressHashKey { get; set; }

    public bool IsValid =>
        DownloadLinkLifetime > TimeSpan.Zero && ChecksPerAddress > 0 && ChecksPerCode > 0
        && PerAddressWindow > TimeSpan.Zero && PerCodeWindow > TimeSpan.Zero && PerCodeWindow <= TimeSpan.FromHours(12)
        && PerAddressWindow <= TimeSpan.FromHours(12);
}
