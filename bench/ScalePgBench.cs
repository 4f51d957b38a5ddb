using System.Diagnostics;
using System.Globalization;
using Actors.TestSupport;

namespace Actors.Bench;

/// <summary>
/// pgbench with a custom script (<c>-f</c>, read-only, no vacuum) and its per-transaction log (<c>-l</c>), so that the
/// hand-written SQL has a p50 and p99 comparable with the API's, measured with the same number of clients.
/// </summary>
public static class ScalePgBench
{
    public sealed record Result(double Tps, IReadOnlyList<double> LatenciesMs, string Output);

    public static async Task<Result> RunAsync(ThrowawayPostgres server, string database, string script, int clients, int seconds)
    {
        var directory = Directory.CreateTempSubdirectory("actors-pgbench-");
        try
        {
            var file = Path.Combine(directory.FullName, "script.sql");
            await File.WriteAllTextAsync(file, script);
            var threads = Math.Max(1, Math.Min(clients, Environment.ProcessorCount));
            var start = new ProcessStartInfo(Path.Combine(server.BinDirectory, "pgbench"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = directory.FullName,
            };
            foreach (var argument in new[]
                     {
                         "-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-n", "-f", file,
                         "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
                         "-T", seconds.ToString(CultureInfo.InvariantCulture), "-l", "--log-prefix=" + Path.Combine(directory.FullName, "tx"), database,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pgbench.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var text = await output + await errors;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("pgbench -f failed:\n" + text);
            }

            // Each log line: client, transaction number, latency in microseconds, script, epoch seconds, microseconds.
            var latencies = Directory.GetFiles(directory.FullName, "tx*")
                .SelectMany(File.ReadLines)
                .Select(line => line.Split(' '))
                .Where(parts => parts.Length >= 3)
                .Select(parts => double.Parse(parts[2], CultureInfo.InvariantCulture) / 1000)
                .ToList();
            return new Result(latencies.Count / (double)seconds, latencies, text);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
