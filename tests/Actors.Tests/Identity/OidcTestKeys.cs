using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Tests.Identity;

/// <summary>One generation of the issuer's keys.</summary>
public sealed class OidcTestKeys
{
    private OidcTestKeys(RsaSecurityKey rsa, ECDsaSecurityKey ec)
    {
        Rsa = rsa;
        Ec = ec;
    }

    public RsaSecurityKey Rsa { get; }

    public ECDsaSecurityKey Ec { get; }

    public static OidcTestKeys Generate() => new(
        new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rsa-" + Guid.NewGuid().ToString("N")[..12] },
        new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ec-" + Guid.NewGuid().ToString("N")[..12] });

    /// <summary>The JWKS: public parts only.</summary>
    public JsonObject Published()
    {
        var rsa = Rsa.Rsa.ExportParameters(includePrivateParameters: false);
        var ec = Ec.ECDsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(
                new JsonObject
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = Rsa.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(rsa.Modulus), ["e"] = Base64UrlEncoder.Encode(rsa.Exponent),
                },
                new JsonObject
                {
                    ["kty"] = "EC", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = Ec.KeyId, ["crv"] = "P-256",
                    ["x"] = Base64UrlEncoder.Encode(ec.Q.X), ["y"] = Base64UrlEncoder.Encode(ec.Q.Y),
                }),
        };
    }
}
