using System.Diagnostics;

namespace Actors.Tests.Upgrades;

/// <summary>
/// The silo of the previous release, built from its commit: <c>git worktree add --detach</c> of that commit into a temp
/// folder, <c>dotnet build -c Release silo/</c> there, the output copied to a cache folder named by the tag's commit
/// (so reruns, and other tests of the same run, skip the build), the worktree removed. The commit is pinned next to the
/// tag because a clone of <c>main</c> alone has the release's history but not necessarily its tag (a CI clone had none);
/// where the tag is present it must name the pinned commit. A missing commit is an error, never a skip: a shallow clone
/// must fetch the history (.ci/run does).
/// </summary>
public static class PreviousRelease
{
    /// <summary>The release before this one: what a rolling upgrade to this build replaces.</summary>
    public const string Tag = "v0.22.0";

    /// <summary>The commit <see cref="Tag"/> names, an ancestor of <c>main</c>.</summary>
    public const string Commit = "86903cc15742b1118910c8733eea6e8b11be2d63";

    private static readonly SemaphoreSlim Building = new(1, 1);

    /// <summary>The release's commit, or a clear failure if this clone does not have it.</summary>
    public static async Task<string> CommitAsync(CancellationToken cancellationToken)
    {
        var (tagged, taggedCommit) = await GitAsync(RepositoryRoot.Path, cancellationToken, "rev-parse", "--verify", "--quiet", Tag + "^{commit}");
        if (tagged == 0 && taggedCommit.Trim() != Commit)
        {
            throw new InvalidOperationException(
                $"The git tag {Tag} names {taggedCommit.Trim()}, not the pinned release commit {Commit}: update PreviousRelease.Commit with the tag.");
        }

        var (present, _) = await GitAsync(RepositoryRoot.Path, cancellationToken, "cat-file", "-e", Commit + "^{commit}");
        if (present != 0)
        {
            var (_, shallow) = await GitAsync(RepositoryRoot.Path, cancellationToken, "rev-parse", "--is-shallow-repository");
            throw new InvalidOperationException(
                $"The previous release's commit {Commit} ({Tag}) is not in this clone at {RepositoryRoot.Path} (shallow: {shallow.Trim()}): " +
                "the mixed-version test builds that release's silo from it. Fetch the history with `git fetch --unshallow` " +
                "(.ci/run does it when the commit is missing).");
        }

        return Commit;
    }

    /// <summary>The previous release's Actors.Silo.dll, built once per commit.</summary>
    public static async Task<(string SiloDll, TimeSpan BuildTime)> SiloAsync(CancellationToken cancellationToken)
    {
        var commit = await CommitAsync(cancellationToken);
        var cache = Path.Combine(Path.GetTempPath(), "actors-releases", commit);
        var silo = Path.Combine(cache, "silo");
        var dll = Path.Combine(silo, "Actors.Silo.dll");
        await Building.WaitAsync(cancellationToken);
        try
        {
            // The marker is written last: a build interrupted half way is never taken for a finished one.
            if (File.Exists(Path.Combine(silo, ".complete")))
            {
                return (dll, TimeSpan.Zero);
            }

            var clock = Stopwatch.StartNew();
            var source = Path.Combine(Path.GetTempPath(), $"actors-release-src-{commit[..12]}-{Guid.NewGuid().ToString("N")[..6]}");
            await RunAsync(RepositoryRoot.Path, "git", cancellationToken, "worktree", "add", "--detach", source, commit);
            try
            {
                await RunAsync(source, "dotnet", cancellationToken, "build", "-c", "Release", "silo/Actors.Silo.csproj", "-nologo", "-v", "quiet");
                var staging = silo + ".staging-" + Guid.NewGuid().ToString("N")[..6];
                CopyDirectory(Path.Combine(source, "silo", "bin", "Release", "net10.0"), staging);
                if (Directory.Exists(silo))
                {
                    Directory.Delete(silo, recursive: true);
                }

                Directory.Move(staging, silo);
                await File.WriteAllTextAsync(Path.Combine(silo, ".complete"), commit, cancellationToken);
            }
            finally
            {
                await GitAsync(RepositoryRoot.Path, CancellationToken.None, "worktree", "remove", "--force", source);
            }

            return (dll, clock.Elapsed);
        }
        finally
        {
            Building.Release();
        }
    }

    private static async Task RunAsync(string directory, string program, CancellationToken cancellationToken, params string[] arguments)
    {
        var (code, output) = await ExecAsync(directory, program, cancellationToken, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {code}:\n{output[Math.Max(0, output.Length - 4000)..]}");
        }
    }

    private static Task<(int Code, string Output)> GitAsync(string directory, CancellationToken cancellationToken, params string[] arguments) =>
        ExecAsync(directory, "git", cancellationToken, arguments);

    private static async Task<(int Code, string Output)> ExecAsync(string directory, string program, CancellationToken cancellationToken, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings must not leak into the release's own build.
        foreach (var inherited in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
        {
            start.Environment.Remove(inherited);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
