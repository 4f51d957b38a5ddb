using System.Diagnostics;
using System.Text;

namespace Actors.Tests.Transport;

/// <summary>Runs one of the tests/conformance node scripts, when node and its packages are there.</summary>
public static class NodeScript
{
    public static string? ConformanceDirectory { get; } = FindConformanceDirectory();

    /// <summary>Why the scripts cannot run here, or null when they can.</summary>
    public static string? MissingPrerequisite()
    {
        if (ConformanceDirectory is null)
        {
            return "tests/conformance not found above " + AppContext.BaseDirectory;
        }

        if (!Directory.Exists(Path.Combine(ConformanceDirectory, "node_modules")))
        {
            return "run `cd tests/conformance && npm ci` first";
        }

        return FindOnPath("node") is null ? "node is not installed" : null;
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ConformanceDirectory!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        output.Append(await stdout).Append(await stderr);
        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
        return (process.ExitCode, output.ToString());
    }

    private static string? FindConformanceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "conformance");
            if (File.Exists(Path.Combine(candidate, "audit.mjs")))
            {
                return candidate;
            }
        }

        return null;
    }
}
