using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text;
using System.Text.Json;
using Actors.Api.Documents;
using Actors.SignedDocuments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using QRCoder;

namespace Actors.Tests.Documents;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with the API's /verify page and, at /.well-known/document-keys, the public half
/// of a signing key this host holds, so that tests can seal documents the page must accept (or, altered, refuse).
/// The documents are sealed here with System.Security.Cryptography.Cose exactly as format v1 says (COMMON.md of issue 11):
/// the page is checked against the format, independently of the C# library that also implements it.
/// </summary>
public sealed class VerifyPageHost : IAsyncLifetime
{
    private const string QrPrefix = "TND1:";
    private const string Base45Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private WebApplication? app;

    /// <summary>When the key started signing: whole seconds, as the published JSON carries them.</summary>
    public DateTimeOffset KeySignsFrom { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-200).ToUnixTimeSeconds());

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Uri PageAddress => new(BaseAddress, "/verify/");

    public byte[] KeyId => SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..8];

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapVerifyPage();
        var keys = PublishedKeysJson();
        app.MapGet("/.well-known/document-keys", () => Results.Text(keys, "application/json; charset=utf-8"));
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        key.Dispose();
    }

    /// <summary>A bulletin no. 3 of Amira Ben Salah, sealed with this host's key; <paramref name="alter"/> changes the COSE bytes after signing.</summary>
    public string Seal(string number, DateTimeOffset issuedAt, DateTimeOffset validUntil, Func<byte[], byte[]>? alter = null)
    {
        var payload = new DocumentPayload(number, DocumentPayload.CriminalRecordExtract, "TN-MI", "أميرة", "بن صالح", "Amira", "Ben Salah",
            new DateOnly(1994, 3, 17), DocumentPayload.NoEntries, issuedAt, validUntil);
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(KeyId) };
        var sealedBytes = CoseSign1Message.SignEmbedded(Encode(payload), new CoseSigner(key, HashAlgorithmName.SHA256, headers));
        if (alter is not null)
        {
            sealedBytes = alter(sealedBytes);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize))
        {
            zlib.Write(sealedBytes);
        }

        return QrPrefix + Base45(compressed.ToArray());
    }

    /// <summary>The QR code of <paramref name="qrText"/> as a PNG file, as a person would photograph or scan it.</summary>
    public static void WriteQrPng(string qrText, string path)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(qrText, QRCodeGenerator.ECCLevel.Q);
        File.WriteAllBytes(path, new PngByteQRCode(code).GetGraphic(6));
    }

    private string PublishedKeysJson() => JsonSerializer.Serialize(new
    {
        issuer = "TN-MI",
        keys = new[]
        {
            new
            {
                kid = Convert.ToBase64String(KeyId).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
                alg = "ES256",
                crv = "P-256",
                publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
                validFrom = KeySignsFrom.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                signsUntil = (string?)null,
                validTo = (string?)null,
            },
        },
    });

    private static byte[] Encode(DocumentPayload payload)
    {
        var writer = new CborWriter();
        writer.WriteStartMap(12);
        writer.WriteInt32(1);
        writer.WriteTextString(payload.Issuer);
        writer.WriteInt32(6);
        writer.WriteUInt64((ulong)payload.IssuedAt.ToUnixTimeSeconds());
        writer.WriteInt32(4);
        writer.WriteUInt64((ulong)payload.ValidUntil.ToUnixTimeSeconds());
        writer.WriteTextString("v");
        writer.WriteUInt32(1);
        foreach (var (name, value) in new[]
        {
            ("no", payload.Number), ("kd", payload.Kind), ("gn", payload.GivenName), ("fn", payload.FamilyName),
            ("gnt", payload.GivenNameLatin!), ("fnt", payload.FamilyNameLatin!),
            ("dob", payload.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("out", payload.Outcome),
        })
        {
            writer.WriteTextString(name);
            writer.WriteTextString(value);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    private static string Base45(byte[] data)
    {
        var text = new StringBuilder();
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] * 256) + data[i + 1];
            text.Append(Base45Alphabet[n % 45]).Append(Base45Alphabet[n / 45 % 45]).Append(Base45Alphabet[n / 2025]);
        }

        if (data.Length % 2 == 1)
        {
            text.Append(Base45Alphabet[data[^1] % 45]).Append(Base45Alphabet[data[^1] / 45]);
        }

        return text.ToString();
    }
}
