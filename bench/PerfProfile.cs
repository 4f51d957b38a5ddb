using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Actors.Bench;

/// <summary>
/// <c>--perf</c>: a whole-machine CPU profile of a measured phase with Linux perf (<c>perf record -a -g</c>, 999 samples a
/// second per core), which the runtime's own profilers cannot give: the kernel's share of each process (the loopback TCP
/// of every grain call and statement, the WAL's fsync), PostgreSQL's own functions, and managed frames of the hosts
/// (which write perf maps: <see cref="HostSettings"/>). Each sample counts where it ran, never where it waited.
/// </summary>
public sealed class PerfProfile
{
    /// <summary>What the hosts need for perf to name their JIT-compiled frames.</summary>
    public static IReadOnlyDictionary<string, string> HostSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_PerfMapEnabled"] = "1",
        // With W^X the code perf samples runs from a second mapping the perf map does not describe.
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    // The first test that matches a sample's stack names its part; the order makes a send inside a commit count as a send.
    private static readonly (string Name, Func<string, bool> Holds)[] Parts =
    [
        ("network syscalls", frame => frame.Contains("sys_sendto", StringComparison.Ordinal) || frame.Contains("sys_recvfrom", StringComparison.Ordinal)
            || frame.Contains("sys_epoll", StringComparison.Ordinal) || frame.Contains("sys_sendmsg", StringComparison.Ordinal)
            || frame.Contains("sys_recvmsg", StringComparison.Ordinal) || frame.Contains("sys_poll", StringComparison.Ordinal)),
        ("fsync", frame => frame.Contains("fdatasync", StringComparison.Ordinal) || frame.Contains("sys_fsync", StringComparison.Ordinal)),
        ("futex, scheduling", frame => frame.Contains("sys_futex", StringComparison.Ordinal) || frame.Contains("sys_sched_yield", StringComparison.Ordinal)),
        ("JIT", frame => frame.Contains("/libclrjit.so)", StringComparison.Ordinal)),
    ];

    private readonly Process _recording;
    private readonly string _file;

    private PerfProfile(Process recording, string file) => (_recording, _file) = (recording, file);

    /// <summary>Starts recording for <paramref name="seconds"/>; null (and said why) when perf cannot run here.</summary>
    public static PerfProfile? Start(int seconds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"actors-bench-perf-{Environment.ProcessId}.data");
        var start = new ProcessStartInfo("perf", ["record", "-F", "999", "-a", "-g", "-o", file, "--", "sleep", seconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            return Process.Start(start) is { } recording ? new PerfProfile(recording, file) : null;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"--perf: perf did not start ({ex.Message}); install linux-perf (Debian) to profile the machine.");
            return null;
        }
    }

    /// <summary>
    /// The profile once recorded: per process (<paramref name="processes"/> by pid; PostgreSQL's backends by name), its
    /// share of the machine's samples and of its own samples in the kernel and in each part; then each named process's
    /// ten hottest frames (where the samples ran, not their callers).
    /// </summary>
    public async Task<string> ReportAsync(IReadOnlyDictionary<int, string> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        await _recording.WaitForExitAsync();
        if (_recording.ExitCode != 0)
        {
            return $"--perf: perf record failed ({_recording.ExitCode}): {(await _recording.StandardError.ReadToEndAsync()).Trim()}";
        }

        var samples = new Dictionary<string, ProcessSamples>(StringComparer.Ordinal);
        var total = 0;
        var script = new ProcessStartInfo("perf", ["script", "-i", _file, "-F", "comm,pid,tid,ip,sym,dso"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var reading = Process.Start(script) ?? throw new InvalidOperationException("perf script did not start."))
        {
            var stderr = reading.StandardError.ReadToEndAsync();
            string? owner = null;
            var frames = new List<string>();
            void Close()
            {
                if (owner is not null)
                {
                    total++;
                    if (!samples.TryGetValue(owner, out var counted))
                    {
                        samples[owner] = counted = new ProcessSamples();
                    }

                    counted.Add(frames);
                }

                owner = null;
                frames.Clear();
            }

            while (await reading.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Length == 0)
                {
                    Close();
                }
                else if (line[0] is '\t' or ' ')
                {
                    frames.Add(Frame(line));
                }
                else
                {
                    Close();
                    owner = Owner(line, processes);
                }
            }

            Close();
            await reading.WaitForExitAsync();
            await stderr;
        }

        File.Delete(_file);
        return Describe(samples, total, processes.Values.Append("PostgreSQL").ToList());
    }

    private static string Describe(Dictionary<string, ProcessSamples> samples, int total, List<string> named)
    {
        var invariant = CultureInfo.InvariantCulture;
        string Share(int part, int of) => (100.0 * part / Math.Max(1, of)).ToString("F1", invariant) + " %";
        var report = new StringBuilder();
        report.AppendLine(invariant, $"Where the machine's CPU went (perf, {total} samples of the machine's {Environment.ProcessorCount} cores; each process's parts are shares of its own samples):");
        report.AppendLine();
        report.AppendLine($"| process | of the machine | in the kernel | in the .NET runtime's native code (GC, stubs) | {string.Join(" | ", Parts.Select(p => p.Name))} |");
        report.AppendLine($"|---|---|---|---|{string.Concat(Parts.Select(_ => "---|"))}");
        foreach (var (name, counted) in samples.OrderByDescending(s => s.Value.Count))
        {
            report.AppendLine(invariant,
                $"| {name} | {Share(counted.Count, total)} | {Share(counted.Kernel, counted.Count)} | {Share(counted.Runtime, counted.Count)} | {string.Join(" | ", Parts.Select(p => Share(counted.ByPart.GetValueOrDefault(p.Name), counted.Count)))} |");
        }

        foreach (var name in named.Where(samples.ContainsKey))
        {
            var counted = samples[name];
            report.AppendLine();
            report.AppendLine(invariant, $"{name}: hottest frames (share of its samples)");
            report.AppendLine();
            foreach (var (frame, count) in counted.Leaves.OrderByDescending(l => l.Value).Take(10))
            {
                report.AppendLine(invariant, $"- {Share(count, counted.Count)} {frame}");
            }
        }

        return report.ToString();
    }

    /// <summary>A sample's header line (<c>comm pid/tid</c>): whose it is.</summary>
    private static string Owner(string header, IReadOnlyDictionary<int, string> processes)
    {
        var slash = header.IndexOf('/', StringComparison.Ordinal);
        var start = slash;
        while (start > 0 && char.IsAsciiDigit(header[start - 1]))
        {
            start--;
        }

        var comm = header[..start].Trim();
        if (slash > 0 && int.TryParse(header.AsSpan(start, slash - start), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && processes.TryGetValue(pid, out var name))
        {
            return name;
        }

        return comm switch
        {
            "postgres" => "PostgreSQL",
            "swapper" => "idle",
            _ => "other",
        };
    }

    /// <summary>A stack line (<c>address symbol (dso)</c>) without its address, the symbol cut to a readable length.</summary>
    private static string Frame(string line)
    {
        var text = line.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        text = space < 0 ? text : text[(space + 1)..];
        return text.Replace("[OptimizedTier1]", "", StringComparison.Ordinal).Replace("[Optimized]", "", StringComparison.Ordinal);
    }

    private sealed class ProcessSamples
    {
        public int Count { get; private set; }

        public int Kernel { get; private set; }

        /// <summary>Samples that ran in libcoreclr: the garbage collector above all (its symbols are not exported), casts' and dispatch's helpers.</summary>
        public int Runtime { get; private set; }

        public Dictionary<string, int> ByPart { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Leaves { get; } = new(StringComparer.Ordinal);

        public void Add(List<string> frames)
        {
            Count++;
            if (frames.Count == 0)
            {
                return;
            }

            if (frames[0].EndsWith("([kernel.kallsyms])", StringComparison.Ordinal))
            {
                Kernel++;
            }
            else if (frames[0].Contains("/libcoreclr.so)", StringComparison.Ordinal))
            {
                Runtime++;
            }

            var leaf = frames[0].Length > 160 ? frames[0][..160] : frames[0];
            Leaves[leaf] = Leaves.GetValueOrDefault(leaf) + 1;
            foreach (var (name, holds) in Parts)
            {
                if (frames.Exists(f => holds(f)))
                {
                    ByPart[name] = ByPart.GetValueOrDefault(name) + 1;
                    break;
                }
            }
        }
    }
}
