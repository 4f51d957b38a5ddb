using System.Diagnostics;

namespace Actors.Tests.SignedDocuments;

/// <summary>tools/verify as a third party runs it: the built program in a process of its own.</summary>
public static class VerifyTool
{
    public static string Dll => Path.Combine(RepositoryRoot.Path, "tools", "verify", "bin", ClusterProcesses.BuildConfiguration, "net10.0", "Actors.Verify.dll");

    public static async Task<(int ExitCode, string Output, string Errors)> Run(IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start tools/verify.");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
