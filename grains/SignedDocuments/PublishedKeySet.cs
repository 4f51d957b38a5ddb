using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.SignedDocuments;

/// <summary>What <c>/.well-known/document-keys</c> serves: the issuer and every key a verifier may still need.</summary>
public sealed record PublishedKeySet(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("keys")] IReadOnlyList<PublishedKey> Keys)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new UtcInstantJsonConverter() },

        // Base64 keeps its '+' and '/' as they are: the document is served as JSON, never inside HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a key set, checking each key: ES256 on P-256, and a key id that matches its public key.</summary>
    /// <exception cref="DocumentFormatException">Not JSON of this shape, or a key that does not hold together.</exception>
    public static PublishedKeySet FromJson(string json)
    {
        PublishedKeySet? set;
        try
        {
            set = JsonSerializer.Deserialize<PublishedKeySet>(json, Json);
        }
        catch (JsonException e)
        {
            throw new DocumentFormatException($"The published keys are not valid JSON of the expected shape: {e.Message}", e);
        }

        if (set is null || string.IsNullOrEmpty(set.Issuer) || set.Keys is null)
        {
            throw new DocumentFormatException("The published keys have no issuer or no key list.");
        }

        foreach (var key in set.Keys)
        {
            Check(key);
        }

        return set;
    }

    private static void Check(PublishedKey? key)
    {
        if (key is null || key.KeyId is null || key.PublicKey is null)
        {
            throw new DocumentFormatException("A published key has no kid or no publicKey.");
        }

        if (key.Algorithm != PublishedKey.ES256 || key.Curve != PublishedKey.P256)
        {
            throw new DocumentFormatException($"The published key {key.KeyId} is {key.Algorithm}/{key.Curve}; only ES256/P-256 is used.");
        }

        byte[] publicKeyInfo;
        try
        {
            publicKeyInfo = Convert.FromBase64String(key.PublicKey);
        }
        catch (FormatException e)
        {
            throw new DocumentFormatException($"The published key {key.KeyId} is not base64.", e);
        }

        if (Base64Url.EncodeToString(DocumentSigningKey.KeyIdOf(publicKeyInfo)) != key.KeyId)
        {
            throw new DocumentFormatException($"The published key {key.KeyId} does not match its kid (the first 8 bytes of SHA-256 over the key).");
        }
    }
}
