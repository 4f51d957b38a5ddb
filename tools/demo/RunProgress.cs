using System.Diagnostics;
using System.Globalization;

namespace Actors.Demo;

/// <summary>Progress on the console every few seconds: how far, how fast, how long still.</summary>
public sealed class RunProgress(string what, long total, TextWriter? output)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _lastReport = TimeSpan.Zero;

    public TimeSpan Elapsed => _watch.Elapsed;

    public void Report(long done, bool force = false)
    {
        if (output is null || (!force && _watch.Elapsed - _lastReport < TimeSpan.FromSeconds(5)))
        {
            return;
        }

        _lastReport = _watch.Elapsed;
        var rate = done / Math.Max(_watch.Elapsed.TotalSeconds, 0.001);
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {done}/{total} ({rate:F0}/s, {_watch.Elapsed:hh\\:mm\\:ss} elapsed, ETA {eta:hh\\:mm\\:ss})"));
    }
}
