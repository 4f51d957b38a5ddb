using Actors.Grains.Documents.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Actors.Tests.SignedDocuments;

/// <summary>The "Documents" settings as a host reads them at start: what stops it, and which keys it signs with.</summary>
public sealed class DocumentKeySettingsTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "actors-key-settings-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_cluster_outside_development_without_keys_does_not_start_and_names_the_settings()
    {
        using var host = Host(new Dictionary<string, string?>(), Environments.Production, embedded: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Documents:SigningKeys:0:PrivateKeyPem", error.Message, StringComparison.Ordinal);
        Assert.Contains("Documents:SigningKeys:0:SignsFrom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_with_a_configured_key_file_starts_and_signs_with_it()
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "key.pem");
        await File.WriteAllTextAsync(file, TestDocumentKey.Pem, TestContext.Current.CancellationToken);
        using var host = Host(new Dictionary<string, string?>
        {
            ["Documents:SigningKeys:0:PrivateKeyFile"] = file,
            ["Documents:SigningKeys:0:SignsFrom"] = "2026-01-01T00:00:00Z",
            ["Documents:Validity"] = "30.00:00:00",
            ["Documents:HolderKeySecret"] = TestDocumentKey.HolderKeySecret,
        }, Environments.Production, embedded: false);

        await host.StartAsync(TestContext.Current.CancellationToken);
        var ring = host.Services.GetRequiredService<DocumentKeyRingProvider>().Ring;
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromDays(30), ring.Validity);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Assert.Single(ring.Keys).SignsFrom);
    }

    [Theory]
    [InlineData("not a key", "2026-01-01T00:00:00Z", "Documents:SigningKeys:0: The document signing key is not a readable EC private key")]
    [InlineData(null, "2026-01-01T00:00:00Z", "Documents:SigningKeys:0: set exactly one of PrivateKeyPem and PrivateKeyFile")]
    [InlineData("test-key", null, "Documents:SigningKeys:0:SignsFrom is missing")]
    public async Task An_unreadable_key_entry_stops_the_host_with_its_setting_named(string? pem, string? signsFrom, string message)
    {
        using var host = Host(new Dictionary<string, string?>
        {
            ["Documents:SigningKeys:0:PrivateKeyPem"] = pem == "test-key" ? TestDocumentKey.Pem : pem,
            ["Documents:SigningKeys:0:SignsFrom"] = signsFrom,
            ["Documents:SigningKeys:0:PrivateKeyFile"] = pem is null ? null : string.Empty,
        }, Environments.Production, embedded: true);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Embedded_or_development_hosts_generate_a_key_and_keep_it_across_restarts(string environment, bool embedded)
    {
        var settings = new Dictionary<string, string?> { ["Documents:GeneratedKeyDirectory"] = directory };
        string first;
        using (var host = Host(settings, environment, embedded))
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            first = host.Services.GetRequiredService<DocumentKeyRingProvider>().Ring.Keys[0].KeyIdText;
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        using var restarted = Host(settings, environment, embedded);
        await restarted.StartAsync(TestContext.Current.CancellationToken);
        var again = restarted.Services.GetRequiredService<DocumentKeyRingProvider>().Ring.Keys[0].KeyIdText;
        await restarted.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(first, again);
        Assert.Single(Directory.GetFiles(directory, "*.pem"));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IHost Host(Dictionary<string, string?> settings, string environment, bool embedded)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddActorsDocumentKeys(builder.Configuration, embedded);
        return builder.Build();
    }
}
