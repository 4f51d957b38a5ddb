using Actors.Api.Identity;

namespace Actors.Tests.Identity;

/// <summary>Development's local-issuer key: generated once per machine, kept owner-only, the same for hosts starting together.</summary>
public sealed class TokenSigningKeyStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "actors-token-key-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_key_is_generated_once_and_kept_owner_only()
    {
        var first = TokenSigningKeyStore.LoadOrCreate(directory);
        var second = TokenSigningKeyStore.LoadOrCreate(directory);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, TokenSigningKeyStore.FileName)));
        }
    }

    [Fact]
    public async Task Hosts_starting_together_share_one_key()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => TokenSigningKeyStore.LoadOrCreate(directory))));

        Assert.Single(keys.Select(Convert.ToBase64String).Distinct());
    }

    [Fact]
    public void Another_directory_is_another_machine_with_another_key()
    {
        var other = directory + "-other";
        try
        {
            Assert.NotEqual(TokenSigningKeyStore.LoadOrCreate(directory), TokenSigningKeyStore.LoadOrCreate(other));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_key_file_is_reported_not_replaced()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, TokenSigningKeyStore.FileName), "not a key");

        var error = Assert.Throws<InvalidOperationException>(() => TokenSigningKeyStore.LoadOrCreate(directory));

        Assert.Contains("delete it to generate a new key", error.Message, StringComparison.Ordinal);
    }
}
