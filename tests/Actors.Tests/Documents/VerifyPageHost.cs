using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text;
using Actors.Api.Documents;
using Actors.SignedDocuments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using QRCoder;

namespace Actors.Tests.Documents;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with the API's /verify page and, at /.well-known/document-keys, the key set that
/// the format library publishes for a signing key this host holds, so that tests can seal documents the page must
/// accept (or, altered, refuse). <see cref="Seal"/> seals with System.Security.Cryptography.Cose exactly as format v1
/// says, independently of the library (so the page is checked against the format, and can be fed altered bytes);
/// <see cref="SealWithLibrary"/> uses the library's own <see cref="DocumentSeal"/>.
/// </summary>
public sealed class VerifyPageHost : IAsyncLifetime
{
    private const string QrPrefix = "TND1:";
    private const string Base45Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private readonly SigningKeyRing ring;
    private WebApplication? app;

    public VerifyPageHost()
    {
        ring = new SigningKeyRing("TN-MI", [DocumentSigningKey.Generate(KeySignsFrom)], TimeSpan.FromDays(90));
    }

    /// <summary>When the key started signing: whole seconds, as the published JSON carries them.</summary>
    public static DateTimeOffset KeySignsFrom { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-200).ToUnixTimeSeconds());

    private DocumentSigningKey SigningKey => ring.Keys[0];

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Uri PageAddress => new(BaseAddress, "/verify/");

    public byte[] KeyId => SigningKey.KeyId;

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
        var keys = ring.Published(DateTimeOffset.UtcNow).ToJson();
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

        ring.Dispose();
    }

    /// <summary>A bulletin no. 3 of Amira Ben Salah, sealed with this host's key; <paramref name="alter"/> changes the COSE bytes after signing.</summary>
    public string Seal(string number, DateTimeOffset issuedAt, DateTimeOffset validUntil, Func<byte[], byte[]>? alter = null)
    {
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(KeyId) };
        var signer = new CoseSigner(SigningKey.Key, HashAlgorithmName.SHA256, headers);
        var sealedBytes = CoseSign1Message.SignEmbedded(Encode(Payload(number, issuedAt, validUntil)), signer);
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

    /// <summary>The same document sealed by the format library, as the silo seals it.</summary>
    public string SealWithLibrary(string number, DateTimeOffset issuedAt, DateTimeOffset validUntil) =>
        DocumentSeal.Seal(Payload(number, issuedAt, validUntil), SigningKey);

    private static DocumentPayload Payload(string number, DateTimeOffset issuedAt, DateTimeOffset validUntil) =>
        new(number, DocumentPayload.CriminalRecordExtract, "TN-MI", "أميرة", "بن صالح", "Amira", "Ben Salah",
            new DateOnly(1994, 3, 17), DocumentPayload.NoEntries,
            DateTimeOffset.FromUnixTimeSeconds(issuedAt.ToUnixTimeSeconds()), DateTimeOffset.FromUnixTimeSeconds(validUntil.ToUnixTimeSeconds()));

    /// <summary>The QR code of <paramref name="qrText"/> as a PNG file, as a person would photograph or scan it.</summary>
    public static void WriteQrPng(string qrText, string path)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(qrText, QRCodeGenerator.ECCLevel.Q);
        File.WriteAllBytes(path, new PngByteQRCode(code).GetGraphic(6));
    }

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
