using System.Diagnostics;

namespace Actors.TestSupport;

/// <summary>
/// A program of this repository run as its users run it: <c>dotnet &lt;folder&gt;/bin/&lt;cfg&gt;/net10.0/&lt;name&gt;.dll</c>
/// in a process of its own (the silo's <c>migrate</c>, tools/verify, the benchmark), its output kept for the caller.
/// </summary>
public static class BuiltProgram
{
    /// <summary>The build of <paramref name="assembly"/> under <paramref name="folder"/>, in the configuration the caller was built in.</summary>
    public static string Dll(string folder, string assembly) =>
        Path.Combine(RepositoryRoot.Path, folder, "bin", ClusterProcesses.BuildConfiguration, "net10.0", assembly + ".dll");

    /// <summary>
    /// Runs <paramref name="dll"/> with <paramref name="arguments"/> from its own folder until it exits, and returns its exit
    /// code, standard output and standard error. Past <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/>
    /// for none) or on cancellation the process is killed with its children; a timeout says what the program had printed.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string dll,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        string? input = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path.GetFileName(dll)}.");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', start.ArgumentList.Skip(1))} ran past {timeout}:\n{await output}\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
