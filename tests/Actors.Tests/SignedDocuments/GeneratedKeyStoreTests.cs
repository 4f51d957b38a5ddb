using Actors.Grains.Documents.Keys;

namespace Actors.Tests.SignedDocuments;

public sealed class GeneratedKeyStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 18, 16, 55, 700, TimeSpan.Zero);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "actors-generated-key-" + Guid.NewGuid().ToString("N")[..8], "keys");

    [Fact]
    public void The_first_start_generates_a_key_readable_only_by_its_owner_and_later_starts_reuse_it()
    {
        using var first = GeneratedKeyStore.LoadOrCreate(directory, Now);
        using var second = GeneratedKeyStore.LoadOrCreate(directory, Now.AddDays(3));

        Assert.Equal(first.KeyIdText, second.KeyIdText);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 16, 55, TimeSpan.Zero), second.SignsFrom);
        var path = Path.Combine(directory, GeneratedKeyStore.FileName);
        Assert.StartsWith("Signs from: 2026-11-30T18:16:55Z\n-----BEGIN PRIVATE KEY-----", File.ReadAllText(path), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        }
    }

    [Fact]
    public async Task Silos_starting_together_end_up_with_one_key()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => GeneratedKeyStore.LoadOrCreate(directory, Now))));

        Assert.Single(keys.Select(k => k.KeyIdText).Distinct(StringComparer.Ordinal));
        Assert.Equal([GeneratedKeyStore.LockFileName, GeneratedKeyStore.FileName],
            Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    [Fact]
    public void A_file_without_its_start_line_is_refused_with_what_to_do()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, GeneratedKeyStore.FileName), TestDocumentKey.Pem);

        var error = Assert.Throws<InvalidOperationException>(() => GeneratedKeyStore.LoadOrCreate(directory, Now));

        Assert.Contains("delete it to generate a new key", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(directory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
