using Actors.Tests.Transport;

namespace Actors.Tests.Documents;

/// <summary>
/// The /verify page in headless Chromium (tests/conformance/verify-page-check.mjs), against a host that publishes the
/// key the documents were sealed with: a person pastes a QR text or uploads its image and reads the verdict, with and
/// without the network. Skipped where node, its packages or Chromium are missing, except in CI.
/// </summary>
public sealed class VerifyPageBrowserTests(VerifyPageHost host) : IClassFixture<VerifyPageHost>
{
    private const string Number = "7K2QF-4M7TZ-9XW3C";

    [Fact]
    public async Task A_document_in_its_validity_reads_valid_with_what_it_says()
    {
        var text = host.Seal(Number, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(90));

        await Check("valid", "VALID", "--text", text, "--expect-number", Number);
    }

    [Fact]
    public async Task A_document_sealed_by_the_format_library_reads_valid()
    {
        var text = host.SealWithLibrary(Number, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(90));

        await Check("library-valid", "VALID", "--text", text, "--expect-number", Number);
    }

    [Fact]
    public async Task A_document_with_one_flipped_signature_byte_reads_invalid()
    {
        var text = host.Seal(Number, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(90), FlipLastByte);

        await Check("tampered", "INVALID:BAD_SIGNATURE", "--text", text);
    }

    [Fact]
    public async Task A_document_past_its_validity_reads_expired()
    {
        var text = host.Seal(Number, DateTimeOffset.UtcNow.AddDays(-100), DateTimeOffset.UtcNow.AddDays(-10));

        await Check("expired", "EXPIRED", "--text", text, "--expect-number", Number);
    }

    [Fact]
    public async Task With_the_network_cut_after_loading_a_valid_document_still_reads_valid()
    {
        var text = host.Seal(Number, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(90));

        await Check("offline", "VALID", "--text", text, "--offline");
    }

    [Fact]
    public async Task With_the_keys_unreachable_on_a_later_visit_the_page_uses_the_copy_it_kept_and_says_as_of_when()
    {
        var text = host.Seal(Number, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(90));

        await Check("keys-cached", "VALID", "--text", text, "--keys-unreachable");
    }

    [Fact]
    public async Task Never_having_had_the_keys_the_page_says_verification_is_impossible()
    {
        var text = host.Seal(Number, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(90));

        await Check("no-keys", "NO_KEYS", "--text", text, "--no-keys");
    }

    [Fact]
    public async Task An_uploaded_png_of_the_qr_code_is_decoded_in_the_browser_and_reads_valid()
    {
        var text = host.Seal(Number, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(90));
        var image = Path.Combine(Path.GetTempPath(), $"actors-verify-qr-{Guid.NewGuid():N}.png");
        VerifyPageHost.WriteQrPng(text, image);
        try
        {
            await Check("upload-png", "VALID", "--upload", image, "--expect-number", Number, "--phone");
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public async Task An_uploaded_text_file_is_refused_with_a_clear_message()
    {
        var file = Path.Combine(Path.GetTempPath(), $"actors-verify-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, host.Seal(Number, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90)), TestContext.Current.CancellationToken);
        try
        {
            await Check("upload-txt", "ERROR:n'est pas une image PNG, JPEG ou WebP", "--upload", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static byte[] FlipLastByte(byte[] sealedBytes)
    {
        var altered = (byte[])sealedBytes.Clone();
        altered[^1] ^= 0x01;
        return altered;
    }

    private async Task Check(string name, string expected, params string[] options)
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? "");
        ConformancePrerequisites.Require(!File.Exists("/usr/bin/chromium"), "Chromium is not installed (apt-get install -y chromium).");
        var screenshot = Path.Combine(Path.GetTempPath(), $"actors-verify-{name}.png");

        var (exitCode, output) = await NodeScript.RunAsync("verify-page-check.mjs", [host.PageAddress.ToString(), screenshot, expected, .. options]);

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(screenshot));
    }
}
