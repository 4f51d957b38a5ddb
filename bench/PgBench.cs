using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Actors.TestSupport;

namespace Actors.Bench;

/// <summary>pgbench from the same PostgreSQL package: <c>-i</c> to build its tables, <c>-N</c> (simple update) to measure.</summary>
public static partial class PgBench
{
    public static async Task InitializeAsync(ThrowawayPostgres server, string database, int scale)
    {
        var (code, output) = await RunAsync(server, ["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture), database], null);
        if (code != 0)
        {
            throw new InvalidOperationException("pgbench -i failed:\n" + output);
        }
    }

    /// <summary>Runs <c>pgbench -N -c clients -j threads -T seconds</c>; returns its TPS and the CPU seconds pgbench itself used.</summary>
    public static async Task<(double Tps, double ClientCpuSeconds, string Output)> RunAsync(ThrowawayPostgres server, string database, int clients, int seconds)
    {
        var threads = Math.Max(1, Math.Min(clients, Environment.ProcessorCount));
        double cpu = 0;
        var (code, output) = await RunAsync(server,
            ["-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
             "-T", seconds.ToString(CultureInfo.InvariantCulture), "-n", database],
            process => cpu = process.TotalProcessorTime.TotalSeconds);
        if (code != 0)
        {
            throw new InvalidOperationException("pgbench failed:\n" + output);
        }

        var match = TpsPattern().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException("No tps in pgbench's output:\n" + output);
        }

        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), cpu, output);
    }

    /// <summary>
    /// Runs a custom script (<c>pgbench -f script -c clients -j threads -T seconds -n -l</c>) and returns the latency of
    /// every transaction in milliseconds, from pgbench's per-transaction log, with its TPS.
    /// </summary>
    public static async Task<(double Tps, double[] LatenciesMs, string Output)> RunScriptAsync(
        ThrowawayPostgres server, string database, string script, int clients, int seconds)
    {
        var directory = Directory.CreateTempSubdirectory("actors-pgbench-");
        try
        {
            var scriptPath = Path.Combine(directory.FullName, "script.sql");
            await File.WriteAllTextAsync(scriptPath, script);
            var prefix = Path.Combine(directory.FullName, "transactions");
            var threads = Math.Max(1, Math.Min(clients, Environment.ProcessorCount));
            var (code, output) = await RunAsync(server,
                ["-f", scriptPath, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
                 "-T", seconds.ToString(CultureInfo.InvariantCulture), "-n", "-l", "--log-prefix", prefix, database],
                null);
            var match = TpsPattern().Match(output);
            if (code != 0 || !match.Success)
            {
                throw new InvalidOperationException("pgbench -f failed:\n" + output);
            }

            // One line per transaction: client_id transaction_no time(µs) script_no time_epoch time_us (pgbench(1), "Per-Transaction Logging").
            var latencies = Directory.EnumerateFiles(directory.FullName, "transactions.*")
                .SelectMany(File.ReadLines)
                .Select(line => line.Split(' '))
                .Where(fields => fields.Length >= 3)
                .Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture) / 1000)
                .ToArray();
            return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), latencies, output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(ThrowawayPostgres server, string[] arguments, Action<Process>? beforeExit)
    {
        var start = new ProcessStartInfo(Path.Combine(server.BinDirectory, "pgbench"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pgbench.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // Sample the CPU time just before the process is reaped: poll while it runs.
        while (!process.WaitForExit(100))
        {
            try
            {
                beforeExit?.Invoke(process);
            }
            catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
            {
                // Exited (and reaped: its /proc entry gone) between the check and the read; the last sample stands.
            }
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();
}
