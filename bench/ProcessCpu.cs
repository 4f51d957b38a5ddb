using System.Globalization;

namespace Actors.Bench;

/// <summary>
/// CPU time from /proc/&lt;pid&gt;/stat (utime + stime, in clock ticks of 10 ms). For PostgreSQL the whole server counts:
/// the postmaster, its live children (backends, WAL writer, checkpointer...) and the children that already exited
/// (the postmaster's cutime + cstime).
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU used so far by one process (its exited children included).</summary>
    public static double Seconds(int pid)
    {
        var fields = Fields(pid);
        return fields is null ? 0 : (Tick(fields, 14) + Tick(fields, 15) + Tick(fields, 16) + Tick(fields, 17)) / TicksPerSecond;
    }

    /// <summary>
    /// <see cref="TreeSeconds"/> once the children that were exiting have gone. A PostgreSQL backend whose client has
    /// just disconnected (pgbench's, when pgbench ends) shows no CPU in /proc while it exits, and its time appears in
    /// the postmaster's children's once reaped: read at once, two runs out of three showed PostgreSQL at a fifth of
    /// what it had used.
    /// </summary>
    public static async Task<double> TreeSecondsOnceSettledAsync(int pid)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return TreeSeconds(pid);
    }

    /// <summary>Seconds of CPU used so far by a process and all its live children.</summary>
    public static double TreeSeconds(int pid)
    {
        var total = Seconds(pid);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var child) || child == pid)
            {
                continue;
            }

            var fields = Fields(child);
            if (fields is not null && (int)Tick(fields, 4) == pid)
            {
                total += (Tick(fields, 14) + Tick(fields, 15)) / TicksPerSecond;
            }
        }

        return total;
    }

    /// <summary>Fields of /proc/pid/stat, numbered as in proc(5) from 1; the command name (2) may hold spaces.</summary>
    private static string[]? Fields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var close = text.LastIndexOf(')');
        // Field 3 (state) starts two characters after the closing parenthesis of field 2.
        var rest = text[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return ["", text[..text.IndexOf(' ', StringComparison.Ordinal)], "", .. rest];
    }

    private static double Tick(string[] fields, int number) =>
        double.Parse(fields[number], NumberStyles.Float, CultureInfo.InvariantCulture);
}
