using System.Globalization;
using Actors.SignedDocuments;

namespace Actors.Grains.Documents.Keys;

/// <summary>
/// The key a developer's host generates at first start and keeps in one file (owner-only), so that documents issued
/// before a restart still verify after it. The file starts with a line saying when the key starts signing, then the
/// PKCS#8 PEM. Several silos on one machine (the local cluster) may start together: the first file written wins and
/// the others read it.
/// </summary>
public static class GeneratedKeyStore
{
    public const string FileName = "document-signing-key.pem";

    private const string SignsFromLine = "Signs from: ";

    public static DocumentSigningKey LoadOrCreate(string directory, DateTimeOffset now)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            return Read(path);
        }

        CreateOwnerOnlyDirectory(directory);

        // Hosts starting together queue on a lock file; the first one writes the key and the others read it. A rename
        // alone is not enough: File.Move without overwrite is not atomic on every file system (it may check, then rename).
        using (AcquireLock(directory))
        {
            if (File.Exists(path))
            {
                return Read(path);
            }

            var signsFrom = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
            using var key = DocumentSigningKey.Generate(signsFrom);
            var temporary = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}");
            var text = SignsFromLine + signsFrom.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\n" + key.ExportPrivateKeyPem() + "\n";
            WriteOwnerOnly(temporary, text);

            // Readers that do not take the lock (a host that finds the file) never see it half written.
            File.Move(temporary, path, overwrite: false);
        }

        return Read(path);
    }

    /// <summary>The lock file's name; it stays (removing it would let a waiter lock a file that is no longer there).</summary>
    public const string LockFileName = ".document-signing-key.lock";

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

    private static DocumentSigningKey Read(string path)
    {
        var text = File.ReadAllText(path);
        var firstLine = text.Split('\n', 2)[0].Trim();
        if (!firstLine.StartsWith(SignsFromLine, StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(firstLine[SignsFromLine.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signsFrom))
        {
            throw new InvalidOperationException($"The generated document key file {path} does not start with \"{SignsFromLine}<ISO time>\"; delete it to generate a new key.");
        }

        return DocumentSigningKey.FromPem(text, signsFrom);
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
