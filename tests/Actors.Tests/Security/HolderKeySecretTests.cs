using Actors.Contracts.Documents;
using Actors.Contracts.Requests;
using Actors.Grains.Documents.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Actors.Tests.Security;

/// <summary>
/// The holder key is keyed by a cluster secret: a copy of the database alone cannot be searched by card number. A cluster
/// without the secret does not start; a developer's host makes one and keeps it.
/// </summary>
public sealed class HolderKeySecretTests : IDisposable
{
    private static readonly Applicant Holder = new("سلمى", "الطرابلسي", new DateOnly(1984, 2, 29), "Sfax", "04512378", "Salma", "Trabelsi");

    private readonly string directory = Path.Combine(Path.GetTempPath(), "actors-holder-key-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void The_holder_key_is_neither_the_unkeyed_hash_nor_another_secrets_key()
    {
        var secret = Convert.FromBase64String(TestDocumentKey.HolderKeySecret);
        var other = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        var key = DocumentHolders.KeyOf(Holder, secret);

        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.NotEqual(DocumentHolders.LegacyKeyOf(Holder), key);
        Assert.NotEqual(DocumentHolders.KeyOf(Holder, other), key);
        Assert.Equal(key, DocumentHolders.KeyOf(Holder with { GivenNameLatin = null, BirthPlace = "Tunis" }, secret));
        Assert.NotEqual(key, DocumentHolders.KeyOf(Holder with { NationalIdNumber = "04512379" }, secret));
        Assert.Throws<ArgumentException>(() => DocumentHolders.KeyOf(Holder, new byte[31]));
    }

    [Fact]
    public async Task A_cluster_in_production_without_the_secret_does_not_start_and_names_the_setting()
    {
        using var host = Host(TestDocumentKey.Settings.Where(s => s.Key != "Documents:HolderKeySecret"), Environments.Production, embedded: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Documents:HolderKeySecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Documents__HolderKeySecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c2hvcnQ=", "must be at least 32 bytes; it is 5")]
    [InlineData("not base64!", "is not base64")]
    public async Task A_secret_too_short_or_unreadable_stops_even_a_development_host(string secret, string message)
    {
        var settings = TestDocumentKey.Settings.Where(s => s.Key != "Documents:HolderKeySecret")
            .Append(new KeyValuePair<string, string>("Documents:HolderKeySecret", secret));
        using var host = Host(settings, Environments.Development, embedded: true);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Documents:HolderKeySecret " + message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_with_the_secret_keys_holders_with_it()
    {
        using var host = Host(TestDocumentKey.Settings, Environments.Production, embedded: false);
        await host.StartAsync(TestContext.Current.CancellationToken);

        var key = host.Services.GetRequiredService<IDocumentHolderKeys>().KeyOf(Holder);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DocumentHolders.KeyOf(Holder, Convert.FromBase64String(TestDocumentKey.HolderKeySecret)), key);
    }

    [Fact]
    public async Task A_development_host_generates_the_secret_once_per_machine_in_an_owner_only_file()
    {
        var settings = new Dictionary<string, string> { ["Documents:GeneratedKeyDirectory"] = directory };
        var keys = new List<string>();
        for (var start = 0; start < 2; start++)
        {
            using var host = Host(settings, Environments.Development, embedded: false);
            await host.StartAsync(TestContext.Current.CancellationToken);
            keys.Add(host.Services.GetRequiredService<IDocumentHolderKeys>().KeyOf(Holder));
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(keys[0], keys[1]);
        var file = Path.Combine(directory, DocumentHolderKeys.GeneratedFileName);
        Assert.Equal(DocumentHolders.KeyOf(Holder, Convert.FromBase64String(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))), keys[0]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IHost Host(IEnumerable<KeyValuePair<string, string>> settings, string environment, bool embedded)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddActorsDocumentKeys(builder.Configuration, embedded);
        return builder.Build();
    }
}
