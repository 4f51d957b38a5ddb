using System.Security.Cryptography;

namespace Actors.Api.Identity;

/// <summary>
/// The local issuer's key in Development: generated at a machine's first start and kept in one owner-only file, so that
/// tokens survive restarts without any key being written in the source. API hosts starting together (tests, the local
/// cluster) queue on a lock file: the first writes the key, the others read it.
/// </summary>
public static class TokenSigningKeyStore
{
    public const string FileName = "token-signing-key";

    /// <summary>The lock file's name; it stays (removing it would let a waiter lock a file that is no longer there).</summary>
    public const string LockFileName = ".token-signing-key.lock";

    private const int KeyBytes = 32;

    public static byte[] LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            return Read(path);
        }

        CreateOwnerOnlyDirectory(directory);
        using (AcquireLock(directory))
        {
            if (File.Exists(path))
            {
                return Read(path);
            }

            var temporary = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}");
            WriteOwnerOnly(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)) + "\n");

            // Readers that do not take the lock (a host that finds the file) never see it half written.
            File.Move(temporary, path, overwrite: false);
        }

        return Read(path);
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        var key = new byte[KeyBytes];
        if (!Convert.TryFromBase64String(text, key, out var written) || written != KeyBytes)
        {
            throw new InvalidOperationException($"The generated token signing key file {path} does not hold {KeyBytes} bytes in base64; delete it to generate a new key.");
        }

        return key;
    }

    private static FileStream AcquireLock(string directory)
    {
        var lockPath = Path.Combine(directory, LockFileName);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock on Unix), held until the stream is disposed.
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                return new FileStream(lockPath, options);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    private static void CreateOwnerOnlyDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(text);
    }
}
