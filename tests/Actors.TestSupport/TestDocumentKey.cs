using System.Security.Cryptography;

namespace Actors.TestSupport;

/// <summary>
/// One document signing key and holder key secret per test run, configured explicitly into every test host that would otherwise generate
/// one in the user's home (a Development or embedded host without <c>Documents:SigningKeys</c>).
/// </summary>
public static class TestDocumentKey
{
    public const string SignsFrom = "2020-01-01T00:00:00Z";

    public static string Pem { get; } = CreatePem();

    /// <summary>The holder key secret (base64, 32 bytes), likewise one per test run.</summary>
    public static string HolderKeySecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The settings, as configuration keys (":"): for in-process hosts.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Documents:SigningKeys:0:PrivateKeyPem"] = Pem,
        ["Documents:SigningKeys:0:SignsFrom"] = SignsFrom,
        ["Documents:HolderKeySecret"] = HolderKeySecret,
    };

    /// <summary>The same settings as environment variables ("__"): for host processes.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } =
        Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);

    private static string CreatePem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
