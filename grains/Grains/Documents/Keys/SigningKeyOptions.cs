namespace Actors.Grains.Documents.Keys;

/// <summary>
/// One configured signing key (<c>Documents:SigningKeys:n</c>): its PEM private key, inline or in a file (one of the
/// two), and when it starts signing. Keys are secrets: they come from the environment, a mounted secret or a file,
/// never from a committed settings file.
/// </summary>
public sealed class SigningKeyOptions
{
    /// <summary>A PKCS#8 ("PRIVATE KEY") or SEC1 ("EC PRIVATE KEY") PEM on P-256.</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>A file holding such a PEM, e.g. a mounted secret.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>When this key starts signing; the key with the latest start not in the future signs.</summary>
    public DateTimeOffset SignsFrom { get; set; }
}
