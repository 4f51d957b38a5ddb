namespace Actors.SignedDocuments;

/// <summary>
/// A key a developer's host generates at first start and keeps in one file readable by its owner only (in a directory
/// only its owner may enter), so that what it signed or hashed before a restart still holds after it. Hosts starting
/// together (the tests, the local cluster) queue on a lock file: the first writes the key, the others read it.
/// </summary>
public static class OwnerOnlyKeyFile
{
    /// <summary>The file's text: read when it exists, otherwise made by <paramref name="create"/> and written first.</summary>
    /// <param name="lockFileName">Kept after use: removing it would let a waiter lock a file that is no longer there.</param>
    public static string ReadOrCreate(string directory, string fileName, string lockFileName, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var path = Path.Combine(directory, fileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        CreateOwnerOnlyDirectory(directory);

        // A rename alone is not enough: File.Move without overwrite is not atomic on every file system (it may check,
        // then rename), so the writer holds the lock while it checks and writes.
        using (AcquireLock(Path.Combine(directory, lockFileName)))
        {
            if (!File.Exists(path))
            {
                var temporary = Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}");
                WriteOwnerOnly(temporary, create());

                // Readers that do not take the lock (a host that finds the file) never see it half written.
                File.Move(temporary, path, overwrite: false);
            }
        }

        return File.ReadAllText(path);
    }

    private static FileStream AcquireLock(string lockPath)
    {
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
