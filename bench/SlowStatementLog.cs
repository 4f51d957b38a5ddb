using System.Globalization;
using System.Text;
using Actors.TestSupport;

namespace Actors.Bench;

/// <summary>
/// The statements PostgreSQL logged as slower than <c>log_min_duration_statement</c> by its own clock, counted in its
/// log from a position: the log is appended to while it is read, so a phase reads only what it added.
/// </summary>
public static class SlowStatementLog
{
    /// <summary>Makes <paramref name="server"/> log every statement slower than <paramref name="threshold"/>; null stops it.</summary>
    public static async Task LogSlowerThanAsync(ThrowawayPostgres server, TimeSpan? threshold)
    {
        await server.ExecuteAdminAsync(threshold is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"ALTER SYSTEM SET log_min_duration_statement = {t.TotalMilliseconds:F0}")
            : "ALTER SYSTEM RESET log_min_duration_statement");
        await server.ExecuteAdminAsync("SELECT pg_reload_conf()");
    }

    public static long Position(string logPath) => File.Exists(logPath) ? new FileInfo(logPath).Length : 0;

    public static int CountSince(string logPath, long position)
    {
        if (!File.Exists(logPath))
        {
            return 0;
        }

        using var file = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(position, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Encoding.UTF8);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            // "LOG:  duration: 53.120 ms  execute <unnamed>: SELECT ..." (a statement's line, not its parameters' DETAIL).
            if (line.Contains("LOG:  duration: ", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
