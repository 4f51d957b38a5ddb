using System.Diagnostics;
using System.Globalization;

namespace Actors.TestSupport;

/// <summary>
/// One of our hosts (a silo or the API) as a real OS process: <c>dotnet &lt;dll&gt;</c> with its own environment, its
/// output in a log file (and the last lines in memory for failure messages), a readiness wait on <c>/health/ready</c>,
/// a hard kill (SIGKILL, as <c>kill -9</c>) and a graceful stop (SIGTERM). Disposing kills what is still running.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int TailLines = 80;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private bool _logClosed;

    private HostProcess(string name, Process process, string logPath, Uri healthBase)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        HealthBase = healthBase;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    public string Name { get; }

    public int Pid { get; private set; }

    public string LogPath { get; }

    /// <summary>The http://127.0.0.1:port/ the host serves its health endpoints (and, for the API, GraphQL) on.</summary>
    public Uri HealthBase { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c> in the dll's folder (its content root) with
    /// these environment variables added to ours.
    /// </summary>
    public static HostProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments,
        string logDirectory, Uri healthBase)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built (build the solution or the project first).", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing inherited from a test host should reconfigure ours.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(logDirectory);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(name, process, Path.Combine(logDirectory, name + ".log"), healthBase);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.Append($"--- {DateTimeOffset.UtcNow:O} start {name}: dotnet {string.Join(' ', start.ArgumentList)}");
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name}.");
        }

        host.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until GET /health/ready answers 200; fails early if the process exits, late at the deadline.</summary>
    public async Task WaitReadyAsync(TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = HealthBase, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready.\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A health check that took too long: try again.
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Name} was not ready within {deadline}.\n{Tail()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code runs, connections drop, the silo stays in the membership table.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            Append($"--- {DateTimeOffset.UtcNow:O} SIGKILL");
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM (what Kubernetes sends), then SIGKILL if the host has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        Append($"--- {DateTimeOffset.UtcNow:O} SIGTERM");
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (term is not null)
            {
                await term.WaitForExitAsync();
            }
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>The last lines the process wrote.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            return $"--- last output of {Name} (full log: {LogPath}) ---\n" + string.Join('\n', _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_logClosed)
            {
                return;
            }
        }

        try
        {
            await KillAsync();
            // Output events may still arrive while the pipes drain.
            _process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        lock (_gate)
        {
            _logClosed = true;
            _log.Dispose();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_logClosed)
            {
                return;
            }

            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
