using System.Text;
using System.Text.Json.Nodes;
using Actors.SignedDocuments;
using QRCoder;

namespace Actors.Tests.SignedDocuments;

public sealed class VerifyToolTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("actors-verify-tool-").FullName;
    private readonly DocumentSigningKey key = DocumentSigningKey.Generate(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string keysFile;
    private readonly DocumentPayload payload = SampleDocuments.Payload(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string text;

    public VerifyToolTests()
    {
        text = DocumentSeal.Seal(payload, key);
        using var ring = new SigningKeyRing("TN-MI", [DocumentSigningKey.FromPem(key.ExportPrivateKeyPem(), key.SignsFrom)], SampleDocuments.Validity);
        keysFile = Path.Combine(directory, "document-keys.json");
        File.WriteAllText(keysFile, ring.Published(DateTimeOffset.UtcNow).ToJson());
    }

    [Fact]
    public async Task A_valid_qr_text_exits_0_and_shows_what_the_document_says()
    {
        var (exitCode, output, errors) = await VerifyTool.Run([text, "--keys", keysFile]);

        Assert.True(exitCode == 0, errors + output);
        Assert.Contains("Verdict      VALID", output, StringComparison.Ordinal);
        Assert.Contains("7K2QF-4M7TZ-9XW3C", output, StringComparison.Ordinal);
        Assert.Contains("أميرة بن سالم (Amira Ben Salem)", output, StringComparison.Ordinal);
        Assert.Contains("1994-07-21", output, StringComparison.Ordinal);
        Assert.Contains(key.KeyIdText, output, StringComparison.Ordinal);
        Assert.Contains("checked online only", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_png_of_the_qr_code_verifies_and_so_does_text_on_standard_input()
    {
        var png = Path.Combine(directory, "document.png");
        using (var generator = new QRCodeGenerator())
        using (var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M))
        {
            await File.WriteAllBytesAsync(png, new PngByteQRCode(data).GetGraphic(4), TestContext.Current.CancellationToken);
        }

        var fromImage = await VerifyTool.Run([png, "--keys", keysFile, "--json"]);
        var fromInput = await VerifyTool.Run(["-", "--keys", keysFile], input: text + "\n");

        Assert.True(fromImage.ExitCode == 0, fromImage.Errors + fromImage.Output);
        var json = JsonNode.Parse(fromImage.Output)!;
        Assert.Equal("VALID", json["verdict"]!.GetValue<string>());
        Assert.Equal(payload.Number, json["payload"]!["number"]!.GetValue<string>());
        Assert.Equal(0, fromInput.ExitCode);
    }

    [Fact]
    public async Task A_tampered_text_exits_1_with_the_reason()
    {
        var altered = SampleDocuments.Altered(text, cose => SampleDocuments.FlipInside(cose, Encoding.UTF8.GetBytes(payload.Number), 0));

        var (exitCode, output, _) = await VerifyTool.Run([altered, "--keys", keysFile, "--json"]);

        Assert.Equal(1, exitCode);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(("INVALID", "BAD_SIGNATURE"), (json["verdict"]!.GetValue<string>(), json["failure"]!.GetValue<string>()));
        Assert.Null(json["payload"]);
    }

    [Fact]
    public async Task An_expired_document_exits_1_and_still_shows_its_dates()
    {
        var (exitCode, output, _) = await VerifyTool.Run([text, "--keys", keysFile, "--at", payload.ValidUntil.AddDays(1).ToString("O")]);

        Assert.Equal(1, exitCode);
        Assert.Contains("Verdict      EXPIRED", output, StringComparison.Ordinal);
        Assert.Contains("Valid until", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_errors_exit_2_with_a_message_on_standard_error()
    {
        var notAnImage = Path.Combine(directory, "notes.png");
        await File.WriteAllTextAsync(notAnImage, "not a picture", TestContext.Current.CancellationToken);
        var blank = Path.Combine(directory, "blank.png");
        using (var generator = new QRCodeGenerator())
        using (var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M))
        {
            // A real PNG with the code drawn white on white: an image, but no QR code to find.
            byte[] white = [255, 255, 255, 255];
            await File.WriteAllBytesAsync(blank, new PngByteQRCode(data).GetGraphic(4, white, white), TestContext.Current.CancellationToken);
        }

        var missing = await VerifyTool.Run([Path.Combine(directory, "missing.png"), "--keys", keysFile]);
        var garbled = await VerifyTool.Run([notAnImage, "--keys", keysFile]);
        var noCode = await VerifyTool.Run([blank, "--keys", keysFile]);
        var unreachable = await VerifyTool.Run([text, "--keys", $"http://127.0.0.1:{FreePort.Next()}/.well-known/document-keys"]);
        var unknownOption = await VerifyTool.Run([text, "--key", keysFile]);

        Assert.Equal((2, true), (missing.ExitCode, missing.Errors.Contains("No such file", StringComparison.Ordinal)));
        Assert.Equal((2, true), (garbled.ExitCode, garbled.Errors.Contains("is not an image", StringComparison.Ordinal)));
        Assert.Equal((2, true), (noCode.ExitCode, noCode.Errors.Contains("No QR code was found", StringComparison.Ordinal)));
        Assert.Equal((2, true), (unreachable.ExitCode, unreachable.Errors.Contains("could not be fetched", StringComparison.Ordinal)));
        Assert.Equal((2, true), (unknownOption.ExitCode, unknownOption.Errors.Contains("Unknown option --key", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        key.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
